-- How people ask for an article, learned from the loop (docs/search.md, "Phrasings learned from the loop"): one row
-- per phrasing, article and source (a pseudonymous visitor key, or a case). A phrasing counts once three different
-- sources gave it. The text was scrubbed of personal data before it got here.
CREATE TABLE search_phrasing_evidence (
    document_key VARCHAR(40) NOT NULL,
    phrasing VARCHAR(200) NOT NULL,
    source VARCHAR(80) NOT NULL,
    seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (document_key, phrasing, source)
);

-- Phrasings an editor removed from an article: never learned for it again.
CREATE TABLE search_phrasing_removed (
    document_key VARCHAR(40) NOT NULL,
    phrasing VARCHAR(200) NOT NULL,
    removed_by VARCHAR(200) NOT NULL,
    removed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (document_key, phrasing)
);

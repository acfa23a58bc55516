-- Each publication of an article (a version made visible: approved, re-published, imported), when it happened: the
-- stored history the analytics rebuild counts "articles published" from. Publications before this migration were
-- never stored, so none is invented here.
CREATE TABLE article_publications (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id BIGINT NOT NULL,
    version INT NOT NULL,
    published_at DATETIME(6) NOT NULL
);

CREATE INDEX ix_article_publications_at ON article_publications (published_at);

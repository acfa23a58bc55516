-- One row per support case, for avoidable contacts and for cases solved without an article. The subject and the words
-- searched before contacting are PII-scrubbed before they are stored, and purged with the retention.
CREATE TABLE analytics_case (
    reference VARCHAR(40) NOT NULL PRIMARY KEY,
    opened_on DATE NOT NULL,
    category VARCHAR(100) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    searched VARCHAR(1000) NOT NULL,
    solved_on DATE
);
CREATE INDEX ix_analytics_case_solved ON analytics_case (solved_on);

-- The documents linked to each case (a reuse), for avoidable contacts.
CREATE TABLE analytics_case_link (
    reference VARCHAR(40) NOT NULL,
    document_key VARCHAR(100) NOT NULL,
    PRIMARY KEY (reference, document_key)
);

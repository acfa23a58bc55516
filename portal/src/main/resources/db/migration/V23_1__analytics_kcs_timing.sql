-- KCS timing and reuse vs create: when a case was first solved (to the second), whether a link is the article captured
-- from that very case (a create) rather than an existing article (a reuse), and when that captured article was first
-- published.
ALTER TABLE analytics_case ADD COLUMN solved_at TIMESTAMP NULL;
ALTER TABLE analytics_case_link ADD COLUMN captured BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE analytics_case_link ADD COLUMN published_at TIMESTAMP NULL;
CREATE INDEX ix_analytics_case_link_document ON analytics_case_link (document_key);

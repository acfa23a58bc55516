-- Distinct visitors per query, so that one person's search is never suggested to or listed for others. The visitor
-- is a keyed hash (HMAC) of the account or client address with a random per-installation key: no address or user
-- id is stored.
ALTER TABLE search_log ADD COLUMN visitor VARCHAR(32);
ALTER TABLE search_click ADD COLUMN visitor VARCHAR(32);
CREATE INDEX ix_search_log_query_visitor ON search_log (query, visitor);

CREATE TABLE search_visitor_key (
    id INT PRIMARY KEY,
    secret VARCHAR(64) NOT NULL
);

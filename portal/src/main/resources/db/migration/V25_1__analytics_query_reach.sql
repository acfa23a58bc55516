-- Which distinct visitors typed each scrubbed search query, so dashboards list a query only when several people typed
-- it (one visitor typing their own name five times is still one). The query is kept as its SHA-256, the visitor as the
-- search log's pseudonymous key; rows older than the analytics retention period are deleted.
CREATE TABLE analytics_query_reach (
    query_hash CHAR(64) NOT NULL,
    visitor VARCHAR(64) NOT NULL,
    first_seen DATE NOT NULL,
    PRIMARY KEY (query_hash, visitor)
);
CREATE INDEX ix_analytics_query_reach_seen ON analytics_query_reach (first_seen);

-- Search analytics: what was searched and what was clicked. No personal data (no IP, no user id).
CREATE TABLE search_log (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    query VARCHAR(200) NOT NULL,
    hits BIGINT NOT NULL,
    filters VARCHAR(500) NOT NULL,
    searched_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_search_log_searched_at ON search_log (searched_at);
CREATE INDEX ix_search_log_query ON search_log (query);

CREATE TABLE search_click (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    query VARCHAR(200) NOT NULL,
    document_key VARCHAR(100) NOT NULL,
    position INT NOT NULL,
    clicked_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_search_click_clicked_at ON search_click (clicked_at);
CREATE INDEX ix_search_click_query ON search_click (query);

-- Search queries known to have been typed by at least min_visitors distinct visitors (as analytics_query_reach counts
-- them), so a dashboard need not count the visitors of every popular query again on each view. Filled as dashboards
-- find such queries; emptied and filled again by the nightly retention purge, which may drop visitors.
CREATE TABLE analytics_query_shown (
    query_hash CHAR(64) NOT NULL PRIMARY KEY,
    min_visitors INT NOT NULL
);

-- Roll-ups of the search metrics (docs/performance.md, analytics): per subject over whole weeks (span 7) and whole
-- four-week blocks (span 28), both starting on a Monday, and each day's total over all subjects (span 1, subject '').
-- A 90-day period then reads a few blocks and weeks plus its edge days instead of 90 daily rows per query. Filled from
-- analytics_daily by V32_2 (per database, whose date arithmetic differs), then kept with every write (Rollups).
CREATE TABLE analytics_rollup (
    span_days INT NOT NULL,
    start_day DATE NOT NULL,
    metric VARCHAR(40) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (span_days, metric, start_day, subject)
);
CREATE INDEX ix_analytics_rollup_subjects ON analytics_rollup (span_days, metric, start_day, subject, amount);

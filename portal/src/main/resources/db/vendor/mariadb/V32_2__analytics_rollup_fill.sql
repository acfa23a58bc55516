-- Fills the roll-ups (V32_1) from the daily rows kept so far; from here on every write and every rebuild keeps them.
-- Weeks and four-week blocks start on a Monday counted from 1970-01-05 (Spans.startOf).
INSERT INTO analytics_rollup (span_days, start_day, metric, subject, amount)
SELECT 1, stat_day, metric, '', SUM(amount) FROM analytics_daily
WHERE metric IN ('SEARCHES', 'ZERO_RESULT_SEARCHES', 'SEARCH_CLICKS', 'DOCUMENT_CLICKS', 'SEARCHES_FOLLOWED',
                 'SEARCH_REFINEMENTS', 'SEARCH_EXITS')
GROUP BY stat_day, metric;

INSERT INTO analytics_rollup (span_days, start_day, metric, subject, amount)
SELECT 7, DATE_SUB(stat_day, INTERVAL MOD(DATEDIFF(stat_day, '1970-01-05'), 7) DAY), metric, subject, SUM(amount)
FROM analytics_daily
WHERE metric IN ('SEARCHES', 'ZERO_RESULT_SEARCHES', 'SEARCH_CLICKS', 'DOCUMENT_CLICKS', 'SEARCHES_FOLLOWED',
                 'SEARCH_REFINEMENTS', 'SEARCH_EXITS')
GROUP BY DATE_SUB(stat_day, INTERVAL MOD(DATEDIFF(stat_day, '1970-01-05'), 7) DAY), metric, subject;

INSERT INTO analytics_rollup (span_days, start_day, metric, subject, amount)
SELECT 28, DATE_SUB(stat_day, INTERVAL MOD(DATEDIFF(stat_day, '1970-01-05'), 28) DAY), metric, subject, SUM(amount)
FROM analytics_daily
WHERE metric IN ('SEARCHES', 'ZERO_RESULT_SEARCHES', 'SEARCH_CLICKS', 'DOCUMENT_CLICKS', 'SEARCHES_FOLLOWED',
                 'SEARCH_REFINEMENTS', 'SEARCH_EXITS')
GROUP BY DATE_SUB(stat_day, INTERVAL MOD(DATEDIFF(stat_day, '1970-01-05'), 28) DAY), metric, subject;

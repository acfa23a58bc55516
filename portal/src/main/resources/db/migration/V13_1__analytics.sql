-- Analytics read models: daily aggregates fed by events. No personal data: queries are PII-scrubbed before they are
-- stored, visitors are daily-salted hashes whose salt is deleted the next day.
CREATE TABLE analytics_daily (
    stat_day DATE NOT NULL,
    metric VARCHAR(40) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (stat_day, metric, subject)
);
CREATE INDEX ix_analytics_daily_metric ON analytics_daily (metric, stat_day);

-- Distinct visitors per day and kind (help = read the help center, case = opened a request).
CREATE TABLE analytics_visitor (
    stat_day DATE NOT NULL,
    kind VARCHAR(10) NOT NULL,
    visitor CHAR(64) NOT NULL,
    PRIMARY KEY (stat_day, kind, visitor)
);

-- Today's salt for the visitor hash; yesterday's is deleted so old hashes cannot be linked to anyone.
CREATE TABLE analytics_salt (
    stat_day DATE NOT NULL PRIMARY KEY,
    salt VARCHAR(64) NOT NULL
);

-- One row per community question, for answered/accepted rates and time to first answer.
CREATE TABLE analytics_thread (
    thread_id BIGINT NOT NULL PRIMARY KEY,
    asked_at DATETIME(6) NOT NULL,
    first_answer_at DATETIME(6),
    accepted_at DATETIME(6)
);
CREATE INDEX ix_analytics_thread_asked ON analytics_thread (asked_at);

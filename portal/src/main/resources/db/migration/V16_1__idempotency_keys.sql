-- Completed submissions by idempotency key (a form's hidden token or the API's Idempotency-Key header), so a retried
-- submission is answered with the first one's response instead of being stored twice. Kept 24 hours.
CREATE TABLE idempotency_keys (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    status INT,
    location VARCHAR(2000),
    content_type VARCHAR(200),
    body MEDIUMTEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Spring Modulith's event publication registry (schema v2). Managed here instead of by
-- Modulith's own initializer because its default VARCHAR(4000) is too small for events that
-- carry a whole article's text.
CREATE TABLE event_publication (
    id VARCHAR(36) NOT NULL,
    listener_id VARCHAR(512) NOT NULL,
    event_type VARCHAR(512) NOT NULL,
    serialized_event MEDIUMTEXT NOT NULL,
    publication_date TIMESTAMP(6) NOT NULL,
    completion_date TIMESTAMP(6) NULL DEFAULT NULL,
    status VARCHAR(20),
    completion_attempts INT,
    last_resubmission_date TIMESTAMP(6) NULL DEFAULT NULL,
    CONSTRAINT pk_event_publication PRIMARY KEY (id)
);

CREATE INDEX ix_event_publication_completion ON event_publication (completion_date);
CREATE INDEX ix_event_publication_listener ON event_publication (listener_id);

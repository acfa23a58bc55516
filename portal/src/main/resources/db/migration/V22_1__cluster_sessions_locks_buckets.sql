-- Cluster mode (the "cluster" profile, docs/operations.md "Running several nodes"). The tables exist on every
-- database so that turning the profile on needs no migration; a single node leaves them empty.

-- Spring Session's JDBC store (its MySQL schema): a session made on one node is read on the others. Upper-case names:
-- Spring Session queries SPRING_SESSION and SPRING_SESSION_ATTRIBUTES, and MySQL table names are case-sensitive on
-- Linux.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID CHAR(36) NOT NULL,
    SESSION_ID CHAR(36) NOT NULL,
    CREATION_TIME BIGINT NOT NULL,
    LAST_ACCESS_TIME BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME BIGINT NOT NULL,
    PRINCIPAL_NAME VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES BLOB NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- ShedLock: a scheduled job that must run once per cluster takes its row's lock until lock_until.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at TIMESTAMP(3) NOT NULL,
    locked_by VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);

-- Bucket4j token buckets shared by the nodes (rate limits, sign-in throttle, posting limits). expires_at (epoch ms)
-- is when the bucket is full again: the row may then go.
CREATE TABLE rate_limit_buckets (
    id VARCHAR(320) NOT NULL,
    state BLOB,
    expires_at BIGINT,
    CONSTRAINT pk_rate_limit_buckets PRIMARY KEY (id)
);

CREATE INDEX rate_limit_buckets_expires ON rate_limit_buckets (expires_at);

-- Comments can be edited (earlier texts kept as revisions), flagged like posts, and hidden.
-- Portable SQL: runs on H2 (MODE=MySQL), MySQL 8 and MariaDB 10.11.

ALTER TABLE community_comments ADD COLUMN hidden BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE community_comments ADD COLUMN edited_at DATETIME(6);

CREATE TABLE community_comment_revisions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    comment_id BIGINT NOT NULL,
    editor_id BIGINT NOT NULL,
    previous_body VARCHAR(600) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_community_comment_revisions_comment FOREIGN KEY (comment_id) REFERENCES community_comments (id)
);

CREATE INDEX ix_community_comment_revisions_comment ON community_comment_revisions (comment_id);

CREATE TABLE community_comment_flags (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    comment_id BIGINT NOT NULL,
    flagger_id BIGINT NOT NULL,
    reason VARCHAR(20) NOT NULL,
    note VARCHAR(500),
    trusted BOOLEAN NOT NULL,
    status VARCHAR(20) NOT NULL,
    resolved_by BIGINT,
    created_at DATETIME(6) NOT NULL,
    resolved_at DATETIME(6),
    CONSTRAINT uk_community_comment_flags UNIQUE (comment_id, flagger_id),
    CONSTRAINT fk_community_comment_flags_comment FOREIGN KEY (comment_id) REFERENCES community_comments (id)
);

CREATE INDEX ix_community_comment_flags_status ON community_comment_flags (status);

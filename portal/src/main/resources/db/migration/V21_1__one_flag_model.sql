-- Flags on posts and flags on comments become one table: a comment's flag also names its post, and "subject"
-- ('post:<id>' or 'comment:<id>') keeps one flag per member and thing flagged.
-- Portable SQL: runs on H2 (MODE=MySQL), MySQL 8 and MariaDB 10.11.

CREATE TABLE community_flags_merged (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id BIGINT NOT NULL,
    comment_id BIGINT,
    subject VARCHAR(40) NOT NULL,
    flagger_id BIGINT NOT NULL,
    reason VARCHAR(20) NOT NULL,
    note VARCHAR(500),
    trusted BOOLEAN NOT NULL,
    status VARCHAR(20) NOT NULL,
    resolved_by BIGINT,
    created_at DATETIME(6) NOT NULL,
    resolved_at DATETIME(6),
    CONSTRAINT uk_community_flags_subject UNIQUE (subject, flagger_id),
    CONSTRAINT fk_community_flags_post_id FOREIGN KEY (post_id) REFERENCES community_posts (id),
    CONSTRAINT fk_community_flags_comment_id FOREIGN KEY (comment_id) REFERENCES community_comments (id)
);

INSERT INTO community_flags_merged
    (post_id, comment_id, subject, flagger_id, reason, note, trusted, status, resolved_by, created_at, resolved_at)
SELECT post_id, NULL, CONCAT('post:', post_id), flagger_id, reason, note, trusted, status, resolved_by, created_at,
       resolved_at
FROM community_flags
ORDER BY id;

INSERT INTO community_flags_merged
    (post_id, comment_id, subject, flagger_id, reason, note, trusted, status, resolved_by, created_at, resolved_at)
SELECT c.post_id, f.comment_id, CONCAT('comment:', f.comment_id), f.flagger_id, f.reason, f.note, f.trusted, f.status,
       f.resolved_by, f.created_at, f.resolved_at
FROM community_comment_flags f
JOIN community_comments c ON c.id = f.comment_id
ORDER BY f.id;

DROP TABLE community_comment_flags;
DROP TABLE community_flags;
ALTER TABLE community_flags_merged RENAME TO community_flags;

CREATE INDEX ix_community_flags_open ON community_flags (status, id);
CREATE INDEX ix_community_flags_post ON community_flags (post_id);

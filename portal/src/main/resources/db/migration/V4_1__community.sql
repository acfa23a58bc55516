-- Community forum: topics, threads (a question and its answers), comments, votes, revisions, follows,
-- notifications, the reputation ledger, badges, flags and the moderation log.
-- Portable SQL: runs on H2 (MODE=MySQL), MySQL 8 and MariaDB 10.11.

CREATE TABLE community_topics (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(80) NOT NULL,
    title VARCHAR(120) NOT NULL,
    description VARCHAR(500),
    position INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_community_topics_slug UNIQUE (slug)
);

CREATE TABLE community_threads (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    topic_id BIGINT NOT NULL,
    slug VARCHAR(120) NOT NULL,
    title VARCHAR(200) NOT NULL,
    author_id BIGINT NOT NULL,
    state VARCHAR(20) NOT NULL,
    close_reason VARCHAR(500),
    duplicate_of BIGINT,
    score INT NOT NULL,
    answer_count INT NOT NULL,
    accepted_answer_id BIGINT,
    hidden BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    last_activity_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_community_threads_topic FOREIGN KEY (topic_id) REFERENCES community_topics (id)
);

CREATE INDEX ix_community_threads_topic ON community_threads (topic_id, created_at);
CREATE INDEX ix_community_threads_activity ON community_threads (last_activity_at);

CREATE TABLE community_thread_tags (
    thread_id BIGINT NOT NULL,
    tag VARCHAR(40) NOT NULL,
    CONSTRAINT pk_community_thread_tags PRIMARY KEY (thread_id, tag),
    CONSTRAINT fk_community_thread_tags_thread FOREIGN KEY (thread_id) REFERENCES community_threads (id) ON DELETE CASCADE
);

CREATE INDEX ix_community_thread_tags_tag ON community_thread_tags (tag);

CREATE TABLE community_posts (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    thread_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    author_id BIGINT NOT NULL,
    body MEDIUMTEXT NOT NULL,
    score INT NOT NULL,
    accepted BOOLEAN NOT NULL,
    official BOOLEAN NOT NULL,
    hidden BOOLEAN NOT NULL,
    held BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    edited_at DATETIME(6),
    CONSTRAINT fk_community_posts_thread FOREIGN KEY (thread_id) REFERENCES community_threads (id)
);

CREATE INDEX ix_community_posts_thread ON community_posts (thread_id);
CREATE INDEX ix_community_posts_author ON community_posts (author_id, created_at);

CREATE TABLE community_comments (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    body VARCHAR(600) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_community_comments_post FOREIGN KEY (post_id) REFERENCES community_posts (id)
);

CREATE INDEX ix_community_comments_post ON community_comments (post_id);

CREATE TABLE community_votes (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id BIGINT NOT NULL,
    voter_id BIGINT NOT NULL,
    vote_value INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_community_votes UNIQUE (post_id, voter_id),
    CONSTRAINT fk_community_votes_post FOREIGN KEY (post_id) REFERENCES community_posts (id)
);

CREATE TABLE community_revisions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id BIGINT NOT NULL,
    number INT NOT NULL,
    editor_id BIGINT NOT NULL,
    title VARCHAR(200),
    tags VARCHAR(300),
    body MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_community_revisions UNIQUE (post_id, number),
    CONSTRAINT fk_community_revisions_post FOREIGN KEY (post_id) REFERENCES community_posts (id)
);

CREATE TABLE community_follows (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    thread_id BIGINT,
    topic_id BIGINT,
    created_at DATETIME(6) NOT NULL
);

CREATE INDEX ix_community_follows_thread ON community_follows (thread_id);
CREATE INDEX ix_community_follows_topic ON community_follows (topic_id);
CREATE INDEX ix_community_follows_account ON community_follows (account_id);

CREATE TABLE community_notifications (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    thread_id BIGINT NOT NULL,
    post_id BIGINT,
    message VARCHAR(300) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    read_at DATETIME(6)
);

CREATE INDEX ix_community_notifications_account ON community_notifications (account_id, read_at);

CREATE TABLE community_mail_preferences (
    account_id BIGINT PRIMARY KEY,
    token VARCHAR(64) NOT NULL,
    mail_enabled BOOLEAN NOT NULL,
    CONSTRAINT uk_community_mail_preferences_token UNIQUE (token)
);

CREATE TABLE community_reputation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    points INT NOT NULL,
    reason VARCHAR(30) NOT NULL,
    post_id BIGINT NOT NULL,
    actor_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL
);

CREATE INDEX ix_community_reputation_account ON community_reputation (account_id, created_at);
CREATE INDEX ix_community_reputation_post ON community_reputation (post_id, actor_id);

CREATE TABLE community_badges (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    badge VARCHAR(40) NOT NULL,
    awarded_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_community_badges UNIQUE (account_id, badge)
);

CREATE TABLE community_flags (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id BIGINT NOT NULL,
    flagger_id BIGINT NOT NULL,
    reason VARCHAR(20) NOT NULL,
    note VARCHAR(500),
    trusted BOOLEAN NOT NULL,
    status VARCHAR(20) NOT NULL,
    resolved_by BIGINT,
    created_at DATETIME(6) NOT NULL,
    resolved_at DATETIME(6),
    CONSTRAINT uk_community_flags UNIQUE (post_id, flagger_id),
    CONSTRAINT fk_community_flags_post FOREIGN KEY (post_id) REFERENCES community_posts (id)
);

CREATE INDEX ix_community_flags_status ON community_flags (status);

CREATE TABLE community_moderation_log (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    moderator_id BIGINT,
    action VARCHAR(30) NOT NULL,
    thread_id BIGINT,
    post_id BIGINT,
    detail VARCHAR(500),
    created_at DATETIME(6) NOT NULL
);

INSERT INTO community_topics (slug, title, description, position, created_at)
VALUES ('general', 'General', 'Questions about using the product that fit no other topic.', 1, CURRENT_TIMESTAMP(6));
INSERT INTO community_topics (slug, title, description, position, created_at)
VALUES ('how-to', 'How to', 'Step-by-step help: ask how to get something done.', 2, CURRENT_TIMESTAMP(6));
INSERT INTO community_topics (slug, title, description, position, created_at)
VALUES ('troubleshooting', 'Troubleshooting', 'Something does not work as expected? Describe it here.', 3, CURRENT_TIMESTAMP(6));

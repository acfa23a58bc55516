-- Where a portal-written article came from: a solved case or a community thread's accepted answer. Used to credit the
-- thread (link and answerer's name) and to scrub revisions against the source's personal data.
CREATE TABLE capture_sources (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_slug VARCHAR(200) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    reference VARCHAR(40) NOT NULL,
    title VARCHAR(300) NULL,
    url VARCHAR(500) NULL,
    credit VARCHAR(200) NULL,
    created_by VARCHAR(254) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_capture_sources_slug UNIQUE (article_slug)
);

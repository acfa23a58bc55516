-- Knowledge base: categories (a section is a category with a parent), articles, immutable versions,
-- tags of the current version, reader feedback and the history of kb-content imports.
CREATE TABLE categories (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    parent_id BIGINT NULL,
    slug VARCHAR(120) NOT NULL,
    path VARCHAR(255) NOT NULL,
    title VARCHAR(200) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    position INT NOT NULL,
    CONSTRAINT uk_categories_path UNIQUE (path),
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
);

CREATE TABLE articles (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(160) NOT NULL,
    source_path VARCHAR(500) NULL,
    state VARCHAR(20) NOT NULL,
    visibility VARCHAR(20) NOT NULL,
    category_id BIGINT NULL,
    current_version INT NOT NULL,
    title VARCHAR(300) NOT NULL,
    summary VARCHAR(1000) NOT NULL,
    updated_on DATE NOT NULL,
    helpful_yes INT NOT NULL,
    helpful_no INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    modified_at DATETIME(6) NOT NULL,
    lock_version BIGINT NOT NULL,
    CONSTRAINT uk_articles_slug UNIQUE (slug),
    CONSTRAINT uk_articles_source_path UNIQUE (source_path),
    CONSTRAINT fk_articles_category FOREIGN KEY (category_id) REFERENCES categories (id)
);

CREATE INDEX ix_articles_state_updated ON articles (state, updated_on);

CREATE TABLE article_versions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id BIGINT NOT NULL,
    number INT NOT NULL,
    title VARCHAR(300) NOT NULL,
    summary VARCHAR(1000) NOT NULL,
    tags VARCHAR(1000) NOT NULL,
    visibility VARCHAR(20) NOT NULL,
    updated_on DATE NOT NULL,
    front_matter MEDIUMTEXT NOT NULL,
    body MEDIUMTEXT NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    CONSTRAINT uk_article_versions_number UNIQUE (article_id, number),
    CONSTRAINT fk_article_versions_article FOREIGN KEY (article_id) REFERENCES articles (id)
);

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL,
    tag VARCHAR(60) NOT NULL,
    CONSTRAINT pk_article_tags PRIMARY KEY (article_id, tag),
    CONSTRAINT fk_article_tags_article FOREIGN KEY (article_id) REFERENCES articles (id)
);

CREATE INDEX ix_article_tags_tag ON article_tags (tag);

CREATE TABLE article_feedback (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id BIGINT NOT NULL,
    voter VARCHAR(64) NOT NULL,
    helpful BOOLEAN NOT NULL,
    comment VARCHAR(1000) NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_article_feedback_voter UNIQUE (article_id, voter),
    CONSTRAINT fk_article_feedback_article FOREIGN KEY (article_id) REFERENCES articles (id)
);

CREATE TABLE import_runs (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    trigger_source VARCHAR(20) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NOT NULL,
    created INT NOT NULL,
    updated INT NOT NULL,
    unchanged INT NOT NULL,
    archived INT NOT NULL,
    failed INT NOT NULL,
    problems MEDIUMTEXT NOT NULL
);

-- Support cases: the request, its conversation (public replies and internal notes), the audit trail of every change,
-- articles linked to a case (reuse), flags on articles, and anonymous deflections from the contact form.
CREATE TABLE support_cases (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference VARCHAR(20) NULL,
    subject VARCHAR(200) NOT NULL,
    description TEXT NOT NULL,
    customer_email VARCHAR(254) NOT NULL,
    customer_name VARCHAR(120) NULL,
    customer_account_id BIGINT NULL,
    category VARCHAR(120) NULL,
    status VARCHAR(20) NOT NULL,
    assignee_id BIGINT NULL,
    assignee_name VARCHAR(120) NULL,
    searched_words VARCHAR(2000) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    solved_at DATETIME(6) NULL,
    effort_score INT NULL,
    effort_comment VARCHAR(1000) NULL,
    effort_at DATETIME(6) NULL,
    lock_version BIGINT NOT NULL,
    CONSTRAINT uk_support_cases_reference UNIQUE (reference)
);

CREATE INDEX ix_support_cases_status_created ON support_cases (status, created_at);
CREATE INDEX ix_support_cases_customer_email ON support_cases (customer_email);
CREATE INDEX ix_support_cases_customer_account ON support_cases (customer_account_id);

-- Secret links for customers without an account: every email carries a fresh link; only the SHA-256 of the token
-- is stored.
CREATE TABLE case_access_tokens (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_case_access_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_case_access_tokens_case FOREIGN KEY (case_id) REFERENCES support_cases (id)
);

CREATE TABLE case_messages (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    author_name VARCHAR(120) NOT NULL,
    body TEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_case_messages_case FOREIGN KEY (case_id) REFERENCES support_cases (id)
);

CREATE INDEX ix_case_messages_case ON case_messages (case_id, id);

CREATE TABLE case_audit (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    actor VARCHAR(120) NOT NULL,
    action VARCHAR(40) NOT NULL,
    detail VARCHAR(500) NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_case_audit_case FOREIGN KEY (case_id) REFERENCES support_cases (id)
);

CREATE INDEX ix_case_audit_case ON case_audit (case_id, id);

CREATE TABLE case_article_links (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    document_key VARCHAR(80) NOT NULL,
    title VARCHAR(300) NOT NULL,
    url VARCHAR(500) NOT NULL,
    linked_by VARCHAR(120) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_case_article_links UNIQUE (case_id, document_key),
    CONSTRAINT fk_case_article_links_case FOREIGN KEY (case_id) REFERENCES support_cases (id)
);

CREATE INDEX ix_case_article_links_document ON case_article_links (document_key);

CREATE TABLE article_flags (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_key VARCHAR(80) NOT NULL,
    title VARCHAR(300) NOT NULL,
    url VARCHAR(500) NOT NULL,
    case_id BIGINT NULL,
    note VARCHAR(2000) NOT NULL,
    flagged_by VARCHAR(120) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    resolved_at DATETIME(6) NULL,
    resolved_by VARCHAR(120) NULL,
    CONSTRAINT fk_article_flags_case FOREIGN KEY (case_id) REFERENCES support_cases (id)
);

CREATE INDEX ix_article_flags_document ON article_flags (document_key, resolved_at);

CREATE TABLE deflections (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_key VARCHAR(80) NOT NULL,
    channel VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL
);

CREATE INDEX ix_deflections_document ON deflections (document_key);

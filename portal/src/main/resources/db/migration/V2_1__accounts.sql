-- Accounts: users, their roles, single-use tokens (email verification, password reset, email change),
-- an audit trail of administrative actions, and the outgoing mail outbox.
-- Portable SQL: runs on H2 (MODE=MySQL), MySQL 8 and MariaDB 10.11.

CREATE TABLE accounts (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    display_name VARCHAR(60) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    about VARCHAR(2000),
    email_verified BOOLEAN NOT NULL,
    suspended BOOLEAN NOT NULL,
    suspension_reason VARCHAR(500),
    created_at DATETIME(6) NOT NULL,
    password_changed_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_accounts_email UNIQUE (email)
);

CREATE TABLE account_roles (
    account_id BIGINT NOT NULL,
    role VARCHAR(20) NOT NULL,
    CONSTRAINT pk_account_roles PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_roles_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE account_tokens (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    purpose VARCHAR(20) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    new_email VARCHAR(254),
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6),
    CONSTRAINT uk_account_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE account_audit (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    actor_id BIGINT,
    action VARCHAR(40) NOT NULL,
    detail VARCHAR(500),
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_account_audit_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE INDEX ix_account_audit_account ON account_audit (account_id, created_at);

CREATE TABLE mail_outbox (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient VARCHAR(254) NOT NULL,
    subject VARCHAR(300) NOT NULL,
    body VARCHAR(8000) NOT NULL,
    status VARCHAR(20) NOT NULL,
    error VARCHAR(500),
    created_at DATETIME(6) NOT NULL
);

CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at);

package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether a member gets forum emails, and the secret token their unsubscribe links carry. */
@Entity
@Table(name = "community_mail_preferences")
class MailPreference {

    @Id
    private Long accountId;

    private String token;
    private boolean mailEnabled;

    protected MailPreference() {}

    MailPreference(long accountId, String token) {
        this.accountId = accountId;
        this.token = token;
        this.mailEnabled = true;
    }

    long accountId() {
        return accountId;
    }

    String token() {
        return token;
    }

    boolean mailEnabled() {
        return mailEnabled;
    }

    void mailEnabled(boolean enabled) {
        this.mailEnabled = enabled;
    }
}

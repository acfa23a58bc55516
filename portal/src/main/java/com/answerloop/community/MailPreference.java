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

    /** Rows are created by {@link MailPreferences#createIfAbsent}, mail on, so that concurrent creators agree. */
    protected MailPreference() {}

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

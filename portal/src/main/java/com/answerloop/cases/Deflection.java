package com.answerloop.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A visitor said a suggested article answered their question, so no request was sent. Deliberately anonymous: which
 * document, through which channel, when; no words, no session, no address.
 */
@Entity
@Immutable
@Table(name = "deflections")
class Deflection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String documentKey;
    private String channel;
    private Instant createdAt;

    protected Deflection() {}

    Deflection(String documentKey, String channel, Instant now) {
        this.documentKey = documentKey;
        this.channel = channel;
        this.createdAt = now;
    }
}

package com.answerloop.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.hibernate.annotations.Immutable;

/**
 * The hash of a secret link that opens one case without signing in. The token has 256 random bits, so it cannot be
 * guessed; only its SHA-256 is stored, so a database leak does not open cases.
 */
@Entity
@Immutable
@Table(name = "case_access_tokens")
class CaseAccessToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long caseId;
    private String tokenHash;
    private Instant createdAt;

    protected CaseAccessToken() {}

    CaseAccessToken(long caseId, String tokenHash, Instant now) {
        this.caseId = caseId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    long caseId() {
        return caseId;
    }

    Instant createdAt() {
        return createdAt;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

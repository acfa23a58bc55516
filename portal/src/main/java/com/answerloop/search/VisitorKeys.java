package com.answerloop.search;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Pseudonymous visitor keys for search analytics: a keyed hash (HMAC-SHA256) of the signed-in account or else the
 * client address. The key is random, made once per installation and kept in the database (so every node and every
 * restart agrees); without it the stored value cannot be turned back into an address. It only lets the reports count
 * distinct visitors of a query.
 */
@Component
class VisitorKeys {

    private final JdbcClient jdbc;
    private volatile SecretKeySpec key;

    VisitorKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of the visitor making this request. */
    String of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String identity = authentication != null
                        && authentication.isAuthenticated()
                        && !(authentication instanceof AnonymousAuthenticationToken)
                ? "account:" + authentication.getName()
                : "address:" + request.getRemoteAddr();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = new SecretKeySpec(Base64.getDecoder().decode(storedSecret()), "HmacSHA256");
            key = current;
        }
        return current;
    }

    /** The installation's secret; the first node to need it creates it, the others read the winner's. */
    private String storedSecret() {
        return jdbc.sql("SELECT secret FROM search_visitor_key WHERE id = 1")
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    try {
                        jdbc.sql("INSERT INTO search_visitor_key (id, secret) VALUES (1, ?)")
                                .param(Base64.getEncoder().encodeToString(random))
                                .update();
                    } catch (DuplicateKeyException raced) {
                        // another node stored its secret first: use that one
                    }
                    return jdbc.sql("SELECT secret FROM search_visitor_key WHERE id = 1")
                            .query(String.class)
                            .single();
                });
    }
}

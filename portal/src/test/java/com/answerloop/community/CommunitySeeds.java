package com.answerloop.community;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test fixtures written straight to the tables: verified accounts (registration is the accounts module's subject) and
 * reputation granted through the ledger as if earned on an unrelated post (line {@code GRANTED_IN_TEST}), so a test
 * can give a member a trust level without staging dozens of votes. Reputation and trust levels read that ledger like
 * any other line.
 */
public final class CommunitySeeds {

    private CommunitySeeds() {}

    /** A verified member (with {@code roles} on top of MEMBER) who joined {@code joinedDaysAgo} days ago. */
    public static long account(
            JdbcTemplate jdbc, String email, String name, String passwordHash, int joinedDaysAgo, String... roles) {
        Timestamp joined = Timestamp.from(Instant.now().minusSeconds(joinedDaysAgo * 86_400L));
        jdbc.update(
                "insert into accounts (email, display_name, password_hash, email_verified, suspended, created_at,"
                        + " password_changed_at) values (?, ?, ?, true, false, ?, ?)",
                email,
                name,
                passwordHash,
                joined,
                joined);
        long id = jdbc.queryForObject("select id from accounts where email = ?", Long.class, email);
        jdbc.update("insert into account_roles (account_id, role) values (?, 'MEMBER')", id);
        for (String role : roles) {
            jdbc.update("insert into account_roles (account_id, role) values (?, ?)", id, role);
        }
        return id;
    }

    public static void grantReputation(JdbcTemplate jdbc, long accountId, int points) {
        jdbc.update(
                "insert into community_reputation (account_id, points, reason, post_id, actor_id, created_at)"
                        + " values (?, ?, 'GRANTED_IN_TEST', 0, 0, ?)",
                accountId,
                points,
                Timestamp.from(Instant.now()));
    }
}

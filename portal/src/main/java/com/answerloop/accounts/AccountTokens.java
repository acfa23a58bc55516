package com.answerloop.accounts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Issued email tokens, looked up by their hash. */
interface AccountTokens extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    /** Makes every open token of that purpose unusable, e.g. older reset links once a new password is set. */
    @Modifying
    @Query("""
            update AccountToken t set t.usedAt = :now
            where t.accountId = :accountId and t.purpose = :purpose and t.usedAt is null""")
    int useAll(long accountId, TokenPurpose purpose, Instant now);
}

package com.answerloop.community;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Whether members get forum emails, with their unsubscribe tokens. */
interface MailPreferences extends JpaRepository<MailPreference, Long> {
    Optional<MailPreference> findByToken(String token);

    /**
     * Creates the member's row unless one exists. Several listeners may tell one member at once: a plain insert let
     * the second fail on the key and its whole announcement wait for redelivery.
     */
    @Modifying
    @Query(
            value =
                    "INSERT INTO community_mail_preferences (account_id, token, mail_enabled) VALUES (:accountId, :token,"
                            + " TRUE) ON DUPLICATE KEY UPDATE account_id = account_id",
            nativeQuery = true)
    void createIfAbsent(long accountId, String token);
}

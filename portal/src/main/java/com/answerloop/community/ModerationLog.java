package com.answerloop.community;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The moderators' action log. */
interface ModerationLog extends JpaRepository<ModerationEntry, Long> {
    Page<ModerationEntry> findAllByOrderByIdDesc(Pageable pageable);

    /** Writes one line of the log; {@code moderatorId} null for what the system did by itself. */
    default void record(String action, Long moderatorId, Long threadId, Long postId, String detail, Instant at) {
        save(new ModerationEntry(moderatorId, action, threadId, postId, detail, at));
    }
}

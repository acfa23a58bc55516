package com.answerloop.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Per-member rate limits for posting and voting, kept in memory: a limit that resets on restart is acceptable for
 * slowing down floods, and it costs no database write per request. Moderators are not limited.
 */
@Component
class PostingLimits {

    private static final Duration VOTE_WINDOW = Duration.ofMinutes(1);

    private final CommunitySettings settings;
    private final Clock clock;
    private final Map<Long, Instant> lastPost = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Instant>> votes = new ConcurrentHashMap<>();

    PostingLimits(CommunitySettings settings, ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Records a post, or refuses it when the member posted less than the configured interval ago. */
    void post(Actor actor) {
        if (actor.moderator() || settings.postInterval().isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant[] refused = new Instant[1];
        lastPost.compute(actor.id(), (id, last) -> {
            if (last != null && last.plus(settings.postInterval()).isAfter(now)) {
                refused[0] = last;
                return last;
            }
            return now;
        });
        if (refused[0] != null) {
            long wait = Duration.between(now, refused[0].plus(settings.postInterval()))
                    .toMillis();
            throw CommunityProblem.tooSoon("posting", (wait + 999) / 1000);
        }
    }

    /** Records a vote, or refuses it when the member cast the allowed number of votes in the last minute. */
    void vote(Actor actor) {
        if (actor.moderator()) {
            return;
        }
        Instant now = clock.instant();
        Deque<Instant> recent = votes.computeIfAbsent(actor.id(), id -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().plus(VOTE_WINDOW).isAfter(now)) {
                recent.pollFirst();
            }
            if (recent.size() >= settings.votesPerMinute()) {
                long wait = Duration.between(now, recent.peekFirst().plus(VOTE_WINDOW))
                        .toMillis();
                throw CommunityProblem.tooSoon("voting", (wait + 999) / 1000);
            }
            recent.addLast(now);
        }
    }

    /** Forgets all counters (tests and operators after a false alarm). */
    void reset() {
        lastPost.clear();
        votes.clear();
    }
}

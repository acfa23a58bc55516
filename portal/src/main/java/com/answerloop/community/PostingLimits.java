package com.answerloop.community;

import com.answerloop.shared.ratelimit.BucketStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Per-member rate limits for posting and voting, as token buckets in the portal's {@link BucketStore}: in memory on
 * one node, in the shared database under the cluster profile, so a member cannot post twice as fast through two
 * nodes. Moderators are not limited.
 */
@Component
class PostingLimits {

    private static final Duration VOTE_WINDOW = Duration.ofMinutes(1);

    private final CommunitySettings settings;
    private final BucketStore buckets;

    /** Part of every key: {@link #reset()} moves to fresh buckets and leaves the old ones to expire. */
    private final AtomicLong generation = new AtomicLong();

    PostingLimits(CommunitySettings settings, BucketStore buckets) {
        this.settings = settings;
        this.buckets = buckets;
    }

    /** Records a post, or refuses it when the member posted less than the configured interval ago. */
    void post(Actor actor) {
        if (actor.moderator() || settings.postInterval().isZero()) {
            return;
        }
        take("posting", actor, 1, settings.postInterval());
    }

    /** Records a vote, or refuses it when the member cast the allowed number of votes in the last minute. */
    void vote(Actor actor) {
        if (actor.moderator()) {
            return;
        }
        take("voting", actor, settings.votesPerMinute(), VOTE_WINDOW);
    }

    private void take(String what, Actor actor, int allowed, Duration per) {
        ConsumptionProbe probe = buckets.bucket(
                        what + "|" + generation.get() + "|" + actor.id(),
                        () -> BucketConfiguration.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(allowed)
                                        .refillGreedy(allowed, per)
                                        .build())
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long waitMillis = Duration.ofNanos(probe.getNanosToWaitForRefill()).toMillis();
            throw CommunityProblem.tooSoon(what, (waitMillis + 999) / 1000);
        }
    }

    /** Forgets all counters (tests and operators after a false alarm). */
    void reset() {
        generation.incrementAndGet();
    }
}

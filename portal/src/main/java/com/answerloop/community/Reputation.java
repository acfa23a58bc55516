package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.ProfileHighlights;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reputation points, badges and trust levels. Point values (see {@code docs/community.md}): an upvote on an answer
 * +10, on a question +5; a downvote received -2; an accepted answer +15 to its author and +2 to the asker who accepted
 * it (nothing for accepting your own answer). Each entry is deleted when its cause is withdrawn.
 */
@Component
@Transactional
class Reputation implements ProfileHighlights {

    static final int ANSWER_UPVOTE = 10;
    static final int QUESTION_UPVOTE = 5;
    static final int DOWNVOTE_RECEIVED = -2;
    static final int ACCEPTED = 15;
    static final int ACCEPTER = 2;
    static final int GOOD_POST_SCORE = 10;

    private final ReputationLedger ledger;
    private final BadgeAwards badges;
    private final Posts posts;
    private final CommunitySettings settings;
    private final AccountManagement accounts;
    private final Clock clock;

    Reputation(
            ReputationLedger ledger,
            BadgeAwards badges,
            Posts posts,
            CommunitySettings settings,
            AccountManagement accounts,
            Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.badges = badges;
        this.posts = posts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Replaces whatever this voter's vote on the post earned its author with what {@code value} earns. */
    void voted(Post post, long voterId, int value) {
        ledger.withdraw(post.id(), voterId, "UPVOTE");
        ledger.withdraw(post.id(), voterId, "DOWNVOTE");
        if (value > 0) {
            add(post.authorId(), post.isQuestion() ? QUESTION_UPVOTE : ANSWER_UPVOTE, "UPVOTE", post.id(), voterId);
        } else if (value < 0) {
            add(post.authorId(), DOWNVOTE_RECEIVED, "DOWNVOTE", post.id(), voterId);
        }
        if (post.score() >= GOOD_POST_SCORE) {
            award(post.authorId(), post.isQuestion() ? Badge.GOOD_QUESTION : Badge.GOOD_ANSWER);
        }
    }

    void accepted(Post answer, long askerId) {
        if (answer.authorId() != askerId) {
            add(answer.authorId(), ACCEPTED, "ACCEPTED", answer.id(), askerId);
            add(askerId, ACCEPTER, "ACCEPTER", answer.id(), askerId);
        }
        long accepted = posts.countByAuthorIdAndKindAndAcceptedTrue(answer.authorId(), Post.Kind.ANSWER);
        if (accepted >= 1) {
            award(answer.authorId(), Badge.FIRST_ACCEPTED);
        }
        if (accepted >= 10) {
            award(answer.authorId(), Badge.TEN_ACCEPTED);
        }
    }

    void unaccepted(Post answer, long askerId) {
        ledger.withdraw(answer.id(), askerId, "ACCEPTED");
        ledger.withdraw(answer.id(), askerId, "ACCEPTER");
    }

    void answered(long authorId) {
        award(authorId, Badge.FIRST_ANSWER);
    }

    private void add(long accountId, int points, String reason, long postId, long actorId) {
        ledger.save(new ReputationEntry(accountId, points, reason, postId, actorId, clock.instant()));
    }

    private void award(long accountId, Badge badge) {
        if (!badges.existsByAccountIdAndBadge(accountId, badge.name())) {
            badges.save(new BadgeAward(accountId, badge, clock.instant()));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public long reputationOf(long accountId) {
        return ledger.reputationOf(accountId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> badgesOf(long accountId) {
        return badges.findByAccountIdOrderByIdAsc(accountId).stream()
                .map(award -> award.badge().title())
                .toList();
    }

    @Transactional(readOnly = true)
    TrustLevel trustLevel(long accountId) {
        long points = reputationOf(accountId);
        if (points >= settings.establishedReputation()) {
            return TrustLevel.ESTABLISHED;
        }
        return points >= settings.memberReputation() ? TrustLevel.MEMBER : TrustLevel.NEW;
    }

    /** Whether the actor has the privileges of {@code level}; moderators have all. */
    boolean has(Actor actor, TrustLevel level) {
        return actor.moderator() || trustLevel(actor.id()).atLeast(level);
    }

    /** Top members by points earned since the start of this month (UTC), or of all time. */
    @Transactional(readOnly = true)
    List<LeaderboardEntry> leaderboard(boolean thisMonth, int limit) {
        Instant since = thisMonth
                ? YearMonth.now(clock.withZone(ZoneOffset.UTC))
                        .atDay(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                : Instant.EPOCH;
        Names names = new Names(accounts);
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (Object[] row : ledger.leaders(since, PageRequest.of(0, limit))) {
            long id = ((Number) row[0]).longValue();
            entries.add(new LeaderboardEntry(entries.size() + 1, id, names.of(id), ((Number) row[1]).longValue()));
        }
        return entries;
    }
}

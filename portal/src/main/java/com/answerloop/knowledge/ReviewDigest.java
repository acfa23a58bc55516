package com.answerloop.knowledge;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.Role;
import com.answerloop.accounts.Roles;
import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutgoingMail;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a week, emails each article owner the list of their articles that are due for review. The digest is recorded in
 * the same transaction that queues the mail, and the mail leaves after that commit (the {@link Mailer}), so an owner
 * gets one digest a week: the job runs on one node at a time, and a rerun in the same week sends nothing again.
 *
 * <p>Only owners with an active agent, editor or administrator account are mailed: the list names internal articles,
 * and an address typed into a file's front matter is not proof that its holder may read them.
 */
@Component
class ReviewDigest {

    private static final Logger log = LoggerFactory.getLogger(ReviewDigest.class);

    private final ArticleReviews reviews;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final PortalSettings portal;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReviewDigest(
            ArticleReviews reviews,
            AccountManagement accounts,
            Mailer mailer,
            PortalSettings portal,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.reviews = reviews;
        this.accounts = accounts;
        this.mailer = mailer;
        this.portal = portal;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(cron = "${answerloop.content.review-digest-cron:0 0 7 * * MON}", zone = "UTC")
    @SchedulerLock(name = "review-digest", lockAtLeastFor = "PT5M")
    void weekly() {
        send();
    }

    /** Sends this week's digests that have not gone out yet; returns how many were sent. */
    int send() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, List<ArticleReview>> byOwner = reviews.due().stream()
                .filter(review -> review.owner() != null)
                .collect(Collectors.groupingBy(
                        review -> review.owner().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.toList()));
        int sent = 0;
        int skipped = 0;
        for (Map.Entry<String, List<ArticleReview>> entry : byOwner.entrySet()) {
            Optional<UserAccount> owner = accounts.findByEmail(entry.getKey()).filter(ReviewDigest::mayReadEverything);
            if (owner.isEmpty()) {
                skipped++;
                continue;
            }
            Boolean queued = transactions.execute(tx -> {
                if (alreadySent(entry.getKey(), week)) {
                    return false;
                }
                jdbc.update(
                        "insert into review_digests (owner, week_start, articles, sent_at) values (?, ?, ?, ?)",
                        entry.getKey(),
                        Date.valueOf(week),
                        entry.getValue().size(),
                        Timestamp.from(clock.instant()));
                mailer.send(mail(owner.get(), entry.getValue()));
                return true;
            });
            if (Boolean.TRUE.equals(queued)) {
                sent++;
            }
        }
        log.info(
                "Review digests for the week of {}: {} sent, {} owners without an active staff account skipped",
                week,
                sent,
                skipped);
        return sent;
    }

    private boolean alreadySent(String owner, LocalDate week) {
        Integer count = jdbc.queryForObject(
                "select count(*) from review_digests where owner = ? and week_start = ?",
                Integer.class,
                owner,
                Date.valueOf(week));
        return count != null && count > 0;
    }

    private static boolean mayReadEverything(UserAccount account) {
        return !account.suspended() && (Roles.holds(account, Role.AGENT) || Roles.holds(account, Role.EDITOR));
    }

    private OutgoingMail mail(UserAccount owner, List<ArticleReview> due) {
        String list = due.stream()
                .map(review -> "- %s%n  due since %s, last reviewed %s%n  %s"
                        .formatted(
                                review.title(),
                                review.dueOn(),
                                review.lastReviewed(),
                                portal.absoluteUrl(review.editorUrl())))
                .collect(Collectors.joining("\n"));
        String subject = due.size() == 1
                ? "[Answerloop] 1 article you own is due for review"
                : "[Answerloop] " + due.size() + " articles you own are due for review";
        return new OutgoingMail(owner.email(), subject, """
                Hello %s,

                These articles you own are due for review. Open each one, check that it is still right, then mark it \
                verified or revise it:

                %s

                All articles due for review: %s

                You get this email each week while articles you own are due. An editor can name another owner on the \
                article's editor page.
                """.formatted(
                        owner.displayName(), list, portal.absoluteUrl("/editor#due-for-review")));
    }
}

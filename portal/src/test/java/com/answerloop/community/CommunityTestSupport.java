package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.shared.mail.MailDelivery;
import com.answerloop.support.BackgroundWork;
import com.answerloop.support.Content;
import com.answerloop.support.Mailbox;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Base of the community tests: the whole portal (MockMvc, no server) on an in-memory H2 database in MySQL mode, a
 * temporary data directory with a real Lucene index, and a real SMTP server (GreenMail). One Spring context serves
 * every subclass. Members are created directly in the accounts tables: registration is the accounts module's subject.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:community-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.accounts.admin-email=first-admin@community.test",
            "answerloop.accounts.admin-password=correct horse battery staple 42",
            // Rate limits have their own test; elsewhere they would only slow the fixtures down.
            "answerloop.community.post-interval=0s",
            "answerloop.community.votes-per-minute=1000",
            // A mail server that never answers is given up on after 2 s here (15 s in production).
            "spring.mail.properties[mail.smtp.timeout]=2000",
            "spring.mail.properties[mail.smtp.writetimeout]=2000",
        })
@AutoConfigureMockMvc
abstract class CommunityTestSupport {

    static final GreenMail MAIL = startMailServer();
    private static final Path DATA_DIR = Content.temporaryDirectory("answerloop-community-data");
    private static final Path CONTENT_DIR = Content.temporaryDirectory("answerloop-community-content");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * How long a test waits for work done on other threads after a commit (notifications, mail, index updates): mail
     * from earlier test classes may still be queued in front, and CI has two cores. A bound, not a speed target.
     */
    static final Duration AFTER_COMMIT = Duration.ofSeconds(30);

    static final String LONG_ENOUGH = " This text is long enough to be a valid post body.";

    @Autowired
    MockMvc mvc;

    @Autowired
    ThreadManagement threads;

    @Autowired
    ThreadPages pages;

    @Autowired
    Posting posting;

    @Autowired
    Voting voting;

    @Autowired
    Flagging flagging;

    @Autowired
    Moderation moderation;

    @Autowired
    ModerationQueue queue;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    TopicAdministration topicAdministration;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    PostingLimits limits;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listenerThreads;

    @Autowired
    @Qualifier(MailDelivery.EXECUTOR)
    ThreadPoolTaskExecutor mailThreads;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("answerloop.data-dir", DATA_DIR::toString);
        registry.add("answerloop.content-dir", CONTENT_DIR::toString);
    }

    @BeforeEach
    void resetLimits() {
        limits.reset();
    }

    /** A verified member with the given roles (MEMBER always), joined {@code joinedDaysAgo} days ago. */
    Member member(String name, int joinedDaysAgo, String... roles) {
        int n = SEQUENCE.incrementAndGet();
        String email = "member" + n + "-" + System.nanoTime() + "@community.test";
        long id = CommunitySeeds.account(jdbc, email, name, "{noop}unused", joinedDaysAgo, roles);
        return new Member(id, email, name);
    }

    /** An established member (enough reputation to vote down, edit tags and flag with weight). */
    Member established(String name) {
        Member member = member(name, 30);
        grantReputation(member, 150);
        return member;
    }

    /** Gives reputation through the ledger, as if earned on an unrelated post. */
    void grantReputation(Member member, int points) {
        CommunitySeeds.grantReputation(jdbc, member.id(), points);
    }

    Actor actor(Member member) {
        return Actor.of(accounts.findById(member.id()).orElseThrow());
    }

    RequestPostProcessor as(Member member) {
        return user(userDetails.loadUserByUsername(member.email()));
    }

    Posting.PostResult question(Member asker, String title) {
        return posting.ask(actor(asker), "general", title, "How do I do this?" + LONG_ENOUGH, "setup");
    }

    /**
     * Waits until the event listeners and the mail threads have worked off what earlier test classes left queued
     * (hundreds of index updates and notifications), so a test's own notification is not measured behind them. Idle
     * means idle for half a second: a listener that finishes may just have handed a mail over.
     */
    void awaitBackgroundWorkDone() {
        BackgroundWork.awaitIdle(listenerThreads, mailThreads);
    }

    /**
     * A new topic that nobody follows, so asking in it sends no notification mail: members of earlier test classes
     * follow "general", and their mails would otherwise queue in front of the ones a test measures.
     */
    String topicNobodyFollows(String title) {
        Member admin = member(title + " Admin", 30, "ADMIN");
        return topicAdministration
                .saveTopic(actor(admin), true, null, "quiet-" + System.nanoTime(), title, null, 99)
                .slug();
    }

    Posting.PostResult answer(Member answerer, long threadId, String text) {
        return posting.answer(actor(answerer), threadId, text + LONG_ENOUGH);
    }

    /** Every item of the moderation queue, page after page (other tests' items wait there too). */
    List<FlaggedPost> queueItems(Actor moderator) {
        List<FlaggedPost> items = new ArrayList<>();
        Page<FlaggedPost> page = queue.page(moderator, 0);
        items.addAll(page.getContent());
        while (page.hasNext()) {
            page = queue.page(moderator, page.getNumber() + 1);
            items.addAll(page.getContent());
        }
        return items;
    }

    long reputation(Member member) {
        return threads.reputationOf(member.id());
    }

    /** Emails received for this address, oldest first. */
    static List<MimeMessage> mailsTo(String address) {
        return Mailbox.mailsTo(MAIL, address);
    }

    static String text(MimeMessage message) {
        return Mailbox.text(message);
    }

    static String lastMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).as("mails to " + address).isNotEmpty();
        return text(mails.getLast());
    }

    record Member(long id, String email, String name) {}

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }
}

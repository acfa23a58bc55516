package com.answerloop.cases;

import static com.answerloop.cases.CaseInput.blankToNull;
import static com.answerloop.cases.CaseInput.optional;
import static com.answerloop.cases.CaseInput.required;

import com.answerloop.accounts.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers' side of cases: opening a request from the contact form, reading and answering one's own requests
 * (signed in, or through the secret link), the effort survey, and counting deflections.
 */
@Service
@Transactional
class CustomerRequests {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 20_000;
    // the column length of support_cases.customer_name
    static final int MAX_NAME = 120;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String CUSTOMER_ACTOR = "customer";

    private final Cases cases;
    private final CaseMessages messages;
    private final CaseAudit audit;
    private final CaseAccessLinks accessLinks;
    private final Deflections deflections;
    private final CaseViews views;
    private final CaseGuardian guardian;
    private final CaseMails mails;
    private final CasesSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerRequests(
            Cases cases,
            CaseMessages messages,
            CaseAudit audit,
            CaseAccessLinks accessLinks,
            Deflections deflections,
            CaseViews views,
            CaseGuardian guardian,
            CaseMails mails,
            CasesSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.accessLinks = accessLinks;
        this.deflections = deflections;
        this.views = views;
        this.guardian = guardian;
        this.mails = mails;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a case from the contact form and emails the customer a confirmation with a secret link to it.
     *
     * @param customer the signed-in customer, whose account address is used; empty for anonymous visitors
     */
    OpenedCase open(NewRequest request, Optional<UserAccount> customer) {
        String subject = required(request.subject(), "Enter a subject.", MAX_SUBJECT);
        String description = required(request.description(), "Describe your question or problem.", MAX_BODY);
        String email = customer.map(UserAccount::email).orElseGet(() -> normalizeEmail(request.email()));
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            throw new CaseProblem("Enter a valid email address so we can answer you.");
        }
        String name = customer.map(UserAccount::displayName).orElse(blankToNull(request.name()));
        if (name != null && name.length() > MAX_NAME) {
            throw new CaseProblem("Keep your name to " + MAX_NAME + " characters.");
        }
        String category = blankToNull(request.category());
        if (category != null && !settings.categories().contains(category)) {
            category = null;
        }
        Instant now = clock.instant();
        SupportCase c = cases.saveAndFlush(new SupportCase(
                subject,
                description,
                email,
                name,
                customer.map(UserAccount::id).orElse(null),
                category,
                optional(request.searchedWords(), 2000),
                now));
        c.assignReference();
        messages.save(new CaseMessage(c.id(), MessageKind.CUSTOMER, displayName(c), description, now));
        audit.save(new CaseAuditEntry(c.id(), CUSTOMER_ACTOR, "OPENED", null, now));
        String accessPath = mails.received(c, now);
        events.publishEvent(new CaseOpened(
                c.reference(), category, c.subject(), c.searchedWords() == null ? "" : c.searchedWords()));
        return new OpenedCase(c.reference(), accessPath);
    }

    /**
     * A signed-in customer's own requests, newest first: those sent while signed in and those sent earlier, without an
     * account, from the same address (an account signs in only once its address is verified, so the address is
     * theirs).
     */
    @Transactional(readOnly = true)
    List<CaseSummary> requestsOf(UserAccount customer) {
        return cases.requestsOf(customer.id(), customer.email()).stream()
                .map(CaseSummary::of)
                .toList();
    }

    /** One of a signed-in customer's requests; empty when the case does not exist or is someone else's. */
    @Transactional(readOnly = true)
    Optional<CaseView> requestOf(UserAccount customer, String reference) {
        return views.byReference(reference)
                .filter(c -> guardian.maySee(customer, c))
                .map(views::forCustomer);
    }

    /** The request a secret link opens, if the token is valid. */
    @Transactional(readOnly = true)
    Optional<CaseView> requestByToken(String token) {
        return accessLinks.caseOf(token).flatMap(cases::findById).map(views::forCustomer);
    }

    /** The customer, holding a secret link, ends every link to the case; false when the link does not work. */
    boolean revokeLinksByToken(String token) {
        return accessLinks
                .caseOf(token)
                .map(caseId -> {
                    accessLinks.revokeAll(caseId, "The customer");
                    return true;
                })
                .orElse(false);
    }

    /** The customer adds to their request; a pending or solved case goes back to the agents as open. */
    void customerReply(long caseId, String body) {
        SupportCase c = cases.findById(caseId).orElseThrow();
        String text = required(body, "Write your reply.", MAX_BODY);
        Instant now = clock.instant();
        CaseStatus before = c.status();
        boolean reopened = c.customerReplied(now);
        messages.save(new CaseMessage(c.id(), MessageKind.CUSTOMER, displayName(c), text, now));
        audit.save(new CaseAuditEntry(c.id(), CUSTOMER_ACTOR, "CUSTOMER_REPLIED", null, now));
        if (reopened) {
            audit.save(
                    new CaseAuditEntry(c.id(), CUSTOMER_ACTOR, "STATUS", before + " -> OPEN (customer replied)", now));
        }
    }

    /**
     * Records the customer's effort score (1 = very low effort, 7 = very high) for a solved or closed case; answering
     * again replaces the earlier answer.
     */
    void recordEffort(long caseId, int score, String comment) {
        SupportCase c = cases.findById(caseId).orElseThrow();
        Instant now = clock.instant();
        c.recordEffort(score, optional(comment, 1000), now);
        audit.save(new CaseAuditEntry(c.id(), CUSTOMER_ACTOR, "EFFORT", "score " + score, now));
        cases.save(c); // publishes EffortRated
    }

    /** A visitor found the answer in a suggestion: counted without anything that identifies them. */
    void recordDeflection(String documentKey, String channel) {
        deflections.save(new Deflection(documentKey, channel, clock.instant()));
        events.publishEvent(new CaseDeflected(documentKey, channel));
    }

    private static String displayName(SupportCase c) {
        return c.customerName() != null ? c.customerName() : "Customer";
    }

    private static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}

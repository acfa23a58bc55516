package com.answerloop.cases;

import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's entry point: opening requests from the contact form, what customers may see of them, and the
 * agents' work on them (queue, replies, notes, status, assignment, links and flags).
 *
 * <p>Customer-facing reads only ever load public messages ({@link MessageKind#isPublic()}), so an internal note cannot
 * reach a customer page or email by accident.
 */
@Service
@Transactional
public class CaseManagement {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 20_000;
    private static final Set<MessageKind> PUBLIC_KINDS = EnumSet.of(MessageKind.CUSTOMER, MessageKind.AGENT_REPLY);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern REFERENCE = Pattern.compile("AL-\\d{1,12}", Pattern.CASE_INSENSITIVE);
    private static final String CUSTOMER_ACTOR = "customer";

    private final Cases cases;
    private final CaseMessages messages;
    private final CaseAudit audit;
    private final CaseAccessTokens tokens;
    private final CaseArticleLinks links;
    private final ArticleFlags flags;
    private final Deflections deflections;
    private final Mailer mailer;
    private final PortalSettings portal;
    private final CasesSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseManagement(
            Cases cases,
            CaseMessages messages,
            CaseAudit audit,
            CaseAccessTokens tokens,
            CaseArticleLinks links,
            ArticleFlags flags,
            Deflections deflections,
            Mailer mailer,
            PortalSettings portal,
            CasesSettings settings,
            ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.tokens = tokens;
        this.links = links;
        this.flags = flags;
        this.deflections = deflections;
        this.mailer = mailer;
        this.portal = portal;
        this.settings = settings;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ---- customers

    /**
     * Opens a case from the contact form and emails the customer a confirmation with a secret link to it.
     *
     * @param customer the signed-in customer, whose account address is used; empty for anonymous visitors
     */
    public OpenedCase open(NewRequest request, Optional<UserAccount> customer) {
        String subject = required(request.subject(), "Enter a subject.", MAX_SUBJECT);
        String description = required(request.description(), "Describe your question or problem.", MAX_BODY);
        String email = customer.map(UserAccount::email).orElseGet(() -> normalizeEmail(request.email()));
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            throw new CaseProblem("Enter a valid email address so we can answer you.");
        }
        String name = customer.map(UserAccount::displayName).orElse(blankToNull(request.name()));
        String category = blankToNull(request.category());
        if (category != null && !settings.categories().contains(category)) {
            category = null;
        }
        String searched = blankToNull(request.searchedWords());
        if (searched != null && searched.length() > 2000) {
            searched = searched.substring(0, 2000);
        }
        Instant now = clock.instant();
        SupportCase c = cases.saveAndFlush(new SupportCase(
                subject,
                description,
                email,
                name,
                customer.map(UserAccount::id).orElse(null),
                category,
                searched,
                now));
        c.assignReference();
        messages.save(new CaseMessage(c.id(), MessageKind.CUSTOMER, displayName(c), description, now));
        audit.save(new CaseAuditEntry(c.id(), CUSTOMER_ACTOR, "OPENED", null, now));
        String accessPath = newAccessPath(c, now);
        mailer.send(
                new OutgoingMail(email, "[" + c.reference() + "] We received your request: " + subject, """
                Hello%s,

                Thank you for contacting us. Your request %s has been received; we aim to answer within %s.

                See your request and add to it at any time:
                %s

                Your request:
                %s

                Keep this link private: anyone who has it can read your request.
                """.formatted(
                                name == null ? "" : " " + name,
                                c.reference(),
                                settings.responseTarget(),
                                portal.absoluteUrl(accessPath),
                                description)));
        events.publishEvent(new CaseOpened(c.reference(), category));
        return new OpenedCase(c.reference(), accessPath);
    }

    /** A signed-in customer's own requests, newest first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> requestsOf(long accountId) {
        return cases.findByCustomerAccountIdOrderByCreatedAtDesc(accountId).stream()
                .map(CaseSummary::of)
                .toList();
    }

    /** One of a signed-in customer's requests; empty when the case does not exist or is someone else's. */
    @Transactional(readOnly = true)
    public Optional<CaseView> requestOf(long accountId, String reference) {
        return byReference(reference)
                .filter(c -> c.customerAccountId() != null && c.customerAccountId() == accountId)
                .map(c -> view(c, false));
    }

    /** The request a secret link opens, if the token is valid. */
    @Transactional(readOnly = true)
    public Optional<CaseView> requestByToken(String token) {
        return caseByToken(token).map(c -> view(c, false));
    }

    /** The customer adds to their request; a pending or solved case goes back to the agents as open. */
    public void customerReply(long caseId, String body) {
        SupportCase c = cases.findById(caseId).orElseThrow();
        String text = required(body, "Write your reply.", MAX_BODY);
        if (!c.status().acceptsCustomerReplies()) {
            throw new CaseProblem("This request is closed. Please send a new request.");
        }
        Instant now = clock.instant();
        messages.save(new CaseMessage(c.id(), MessageKind.CUSTOMER, displayName(c), text, now));
        audit.save(new CaseAuditEntry(c.id(), CUSTOMER_ACTOR, "CUSTOMER_REPLIED", null, now));
        if (c.status() == CaseStatus.PENDING || c.status() == CaseStatus.SOLVED) {
            audit.save(new CaseAuditEntry(
                    c.id(), CUSTOMER_ACTOR, "STATUS", c.status() + " -> OPEN (customer replied)", now));
            c.changeStatus(CaseStatus.OPEN, now);
        } else {
            c.touch(now);
        }
    }

    /**
     * Records the customer's effort score (1 = very low effort, 7 = very high) for a solved or closed case; answering
     * again replaces the earlier answer.
     */
    public void recordEffort(long caseId, int score, String comment) {
        if (score < 1 || score > 7) {
            throw new CaseProblem("Choose a number from 1 to 7.");
        }
        SupportCase c = cases.findById(caseId).orElseThrow();
        if (c.status() != CaseStatus.SOLVED && c.status() != CaseStatus.CLOSED) {
            throw new CaseProblem("The survey opens once your request is solved.");
        }
        String note = blankToNull(comment);
        if (note != null && note.length() > 1000) {
            note = note.substring(0, 1000);
        }
        Instant now = clock.instant();
        c.recordEffort(score, note == null ? c.effortComment() : note, now);
        audit.save(new CaseAuditEntry(c.id(), CUSTOMER_ACTOR, "EFFORT", "score " + score, now));
    }

    /** A visitor found the answer in a suggestion: counted without anything that identifies them. */
    public void recordDeflection(String documentKey, String channel) {
        deflections.save(new Deflection(documentKey, channel, clock.instant()));
        events.publishEvent(new CaseDeflected(documentKey, channel));
    }

    @Transactional(readOnly = true)
    public long deflectionCount() {
        return deflections.count();
    }

    // ---- agents

    /** A queue view, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> queue(
            Queue view, UserAccount agent, CaseStatus status, String category, Duration olderThan) {
        Set<CaseStatus> statuses = switch (view) {
            case UNASSIGNED, MINE -> EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING);
            case PENDING -> EnumSet.of(CaseStatus.PENDING);
            case SOLVED -> EnumSet.of(CaseStatus.SOLVED, CaseStatus.CLOSED);
            case ALL -> EnumSet.allOf(CaseStatus.class);
        };
        if (status != null) {
            statuses = statuses.contains(status) ? EnumSet.of(status) : EnumSet.noneOf(CaseStatus.class);
        }
        if (statuses.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Sort sort = view == Queue.SOLVED ? Sort.by(Sort.Order.desc("solvedAt")) : Sort.by("createdAt", "id");
        return cases
                .queue(
                        statuses,
                        view == Queue.UNASSIGNED,
                        view == Queue.MINE ? agent.id() : null,
                        blankToNull(category),
                        olderThan == null ? null : now.minus(olderThan),
                        view == Queue.SOLVED ? now.minus(Duration.ofDays(14)) : null,
                        PageRequest.of(0, 200, sort))
                .stream()
                .map(CaseSummary::of)
                .toList();
    }

    /** Finds cases by reference, customer email, or words in subject, description and searched words. */
    @Transactional(readOnly = true)
    public List<CaseSummary> find(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        if (needle.length() > 200) {
            needle = needle.substring(0, 200);
        }
        return cases.find(needle, PageRequest.of(0, 100)).stream()
                .map(CaseSummary::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<String> categories() {
        List<String> all = new ArrayList<>(settings.categories());
        cases.categories().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    /** Everything about a case, internal notes included: for agents only. */
    @Transactional(readOnly = true)
    public Optional<CaseView> caseForAgent(String reference) {
        return byReference(reference).map(c -> view(c, true));
    }

    /** Other cases of the same customer (by account or address), newest first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> historyOf(CaseView view) {
        List<SupportCase> found = view.customerAccountId() != null
                ? cases.findByCustomerAccountIdOrderByCreatedAtDesc(view.customerAccountId())
                : cases.findByCustomerEmailOrderByCreatedAtDesc(view.customerEmail());
        return found.stream()
                .filter(c -> c.id() != view.id())
                .map(CaseSummary::of)
                .toList();
    }

    /** A public reply: stored, emailed to the customer with a fresh secret link, and optionally a status change. */
    public void reply(String reference, UserAccount agent, String body, CaseStatus newStatus) {
        SupportCase c = requireCase(reference);
        String text = required(body, "Write a reply.", MAX_BODY);
        Instant now = clock.instant();
        messages.save(new CaseMessage(c.id(), MessageKind.AGENT_REPLY, agent.displayName(), text, now));
        audit.save(new CaseAuditEntry(c.id(), agent.displayName(), "REPLIED", null, now));
        if (c.assigneeId() == null) {
            assignInternal(c, agent.id(), agent.displayName(), agent.displayName(), now);
        }
        CaseStatus target = newStatus != null ? newStatus : (c.status() == CaseStatus.NEW ? CaseStatus.OPEN : null);
        String accessPath = newAccessPath(c, now);
        mailer.send(new OutgoingMail(c.customerEmail(), "[" + c.reference() + "] " + c.subject(), """
                Hello%s,

                %s replied to your request %s:

                %s

                Read the whole conversation or answer here:
                %s
                """.formatted(
                        c.customerName() == null ? "" : " " + c.customerName(),
                        agent.displayName(),
                        c.reference(),
                        text,
                        portal.absoluteUrl(accessPath))));
        if (target != null && target != c.status()) {
            changeStatus(c, agent.displayName(), target, now);
        } else {
            c.touch(now);
        }
    }

    /** An internal note: visible to agents only, never emailed. */
    public void addNote(String reference, UserAccount agent, String body) {
        SupportCase c = requireCase(reference);
        String text = required(body, "Write a note.", MAX_BODY);
        Instant now = clock.instant();
        messages.save(new CaseMessage(c.id(), MessageKind.INTERNAL_NOTE, agent.displayName(), text, now));
        audit.save(new CaseAuditEntry(c.id(), agent.displayName(), "NOTE", null, now));
        c.touch(now);
    }

    public void changeStatus(String reference, UserAccount agent, CaseStatus next) {
        SupportCase c = requireCase(reference);
        changeStatus(c, agent.displayName(), next, clock.instant());
    }

    /** Assigns the case to an agent ({@code null} id: unassign). */
    public void assign(String reference, UserAccount actor, Long agentId, String agentName) {
        SupportCase c = requireCase(reference);
        Instant now = clock.instant();
        assignInternal(c, agentId, agentName, actor.displayName(), now);
        if (agentId != null && c.status() == CaseStatus.NEW) {
            changeStatus(c, actor.displayName(), CaseStatus.OPEN, now);
        }
    }

    /** Links a document found in the knowledge panel; linking the same one twice counts once. */
    public boolean linkDocument(String reference, UserAccount agent, String documentKey, String title, String url) {
        SupportCase c = requireCase(reference);
        if (links.existsByCaseIdAndDocumentKey(c.id(), documentKey)) {
            return false;
        }
        Instant now = clock.instant();
        links.save(new CaseArticleLink(c.id(), documentKey, title, url, agent.displayName(), now));
        audit.save(new CaseAuditEntry(c.id(), agent.displayName(), "LINKED", title + " (" + url + ")", now));
        c.touch(now);
        events.publishEvent(new ArticleLinkedToCase(documentKey, url, c.reference()));
        return true;
    }

    public void flagDocument(
            String reference, UserAccount agent, String documentKey, String title, String url, String note) {
        SupportCase c = reference == null ? null : requireCase(reference);
        String text = required(note, "Say what needs updating.", 2000);
        Instant now = clock.instant();
        flags.save(new ArticleFlag(documentKey, title, url, c == null ? null : c.id(), text, agent.displayName(), now));
        if (c != null) {
            audit.save(new CaseAuditEntry(c.id(), agent.displayName(), "FLAGGED", title + ": " + text, now));
        }
        events.publishEvent(new ArticleFlagged(documentKey, url, text));
    }

    /** Open flags, oldest first: the editors' "flag it" queue. */
    @Transactional(readOnly = true)
    public List<FlagView> openFlags() {
        return flags.findByResolvedAtIsNullOrderByCreatedAtAsc().stream()
                .map(ArticleFlag::toView)
                .toList();
    }

    public void resolveFlag(long flagId, String by) {
        flags.findById(flagId).filter(ArticleFlag::isOpen).ifPresent(f -> f.resolve(by, clock.instant()));
    }

    /** Reuse per document key (links to cases, last link time). */
    @Transactional(readOnly = true)
    public Map<String, ReuseStats> reuse() {
        Map<String, ReuseStats> stats = new HashMap<>();
        for (Object[] row : links.reuse()) {
            String key = (String) row[0];
            stats.put(key, new ReuseStats(key, (Long) row[1], (Instant) row[2]));
        }
        return stats;
    }

    /** Queue views of the agent console. */
    public enum Queue {
        UNASSIGNED,
        MINE,
        PENDING,
        SOLVED,
        ALL
    }

    // ---- helpers

    private void changeStatus(SupportCase c, String actor, CaseStatus next, Instant now) {
        if (next == c.status()) {
            return;
        }
        if (!c.status().next().contains(next)) {
            throw new CaseProblem("A " + c.status().label().toLowerCase(Locale.ROOT) + " case cannot become "
                    + next.label().toLowerCase(Locale.ROOT) + ".");
        }
        audit.save(new CaseAuditEntry(c.id(), actor, "STATUS", c.status() + " -> " + next, now));
        c.changeStatus(next, now);
        if (next == CaseStatus.SOLVED) {
            sendSurvey(c, now);
            events.publishEvent(new CaseResolved(
                    c.reference(), links.findByCaseIdOrderByIdAsc(c.id()).size()));
        }
    }

    private void sendSurvey(SupportCase c, Instant now) {
        String accessPath = newAccessPath(c, now);
        StringBuilder choices = new StringBuilder();
        for (int score = 1; score <= 7; score++) {
            choices.append("  ")
                    .append(score)
                    .append(score == 1 ? " (very low effort)" : score == 7 ? " (very high effort)" : "")
                    .append(": ")
                    .append(portal.absoluteUrl(accessPath + "/effort?score=" + score))
                    .append('\n');
        }
        mailer.send(new OutgoingMail(c.customerEmail(), "[" + c.reference() + "] Your request is solved", """
                Hello%s,

                Your request %s (%s) is solved. If something is still not right, reply here and we will reopen it:
                %s

                One question:
                How much effort did you personally have to put forth to handle your request?
                Click one number, from 1 (very low effort) to 7 (very high effort):
                %s""".formatted(
                        c.customerName() == null ? "" : " " + c.customerName(),
                        c.reference(),
                        c.subject(),
                        portal.absoluteUrl(accessPath),
                        choices)));
    }

    private void assignInternal(SupportCase c, Long agentId, String agentName, String actor, Instant now) {
        audit.save(new CaseAuditEntry(
                c.id(),
                actor,
                "ASSIGNED",
                (c.assigneeName() == null ? "nobody" : c.assigneeName()) + " -> "
                        + (agentName == null ? "nobody" : agentName),
                now));
        c.assignTo(agentId, agentId == null ? null : agentName, now);
    }

    private String newAccessPath(SupportCase c, Instant now) {
        String token = CaseAccessToken.newToken();
        tokens.save(new CaseAccessToken(c.id(), CaseAccessToken.hash(token), now));
        return "/requests/access/" + token;
    }

    private Optional<SupportCase> caseByToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(CaseAccessToken.hash(token)).flatMap(t -> cases.findById(t.caseId()));
    }

    private Optional<SupportCase> byReference(String reference) {
        if (reference == null || !REFERENCE.matcher(reference.strip()).matches()) {
            return Optional.empty();
        }
        return cases.findByReference(reference.strip().toUpperCase(Locale.ROOT));
    }

    private SupportCase requireCase(String reference) {
        return byReference(reference).orElseThrow(() -> new CaseProblem("No case " + reference + "."));
    }

    private CaseView view(SupportCase c, boolean forAgent) {
        List<CaseMessage> conversation = forAgent
                ? messages.findByCaseIdOrderByIdAsc(c.id())
                : messages.findByCaseIdAndKindInOrderByIdAsc(c.id(), PUBLIC_KINDS);
        return new CaseView(
                c.id(),
                c.reference(),
                c.subject(),
                c.description(),
                c.customerEmail(),
                c.customerName(),
                c.customerAccountId(),
                c.category(),
                c.status(),
                c.assigneeId(),
                c.assigneeName(),
                forAgent ? c.searchedWords() : null,
                c.createdAt(),
                c.updatedAt(),
                c.solvedAt(),
                c.effortScore(),
                c.effortComment(),
                conversation.stream().map(CaseMessage::toView).toList(),
                forAgent
                        ? audit.findByCaseIdOrderByIdAsc(c.id()).stream()
                                .map(CaseAuditEntry::toView)
                                .toList()
                        : List.of(),
                forAgent
                        ? links.findByCaseIdOrderByIdAsc(c.id()).stream()
                                .map(CaseArticleLink::toView)
                                .toList()
                        : List.of());
    }

    private static String displayName(SupportCase c) {
        return c.customerName() != null ? c.customerName() : "Customer";
    }

    private static String required(String value, String message, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new CaseProblem(message);
        }
        if (text.length() > max) {
            throw new CaseProblem("Please keep it under " + max + " characters.");
        }
        return text;
    }

    private static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.answerloop.cases;

import com.answerloop.accounts.UserAccount;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A customer's request and its state; the conversation lives in {@link CaseMessage}s. Status changes are guarded here
 * and register their event, which Spring Data publishes when the case is saved.
 */
@Entity
@Table(name = "support_cases")
class SupportCase extends AbstractAggregateRoot<SupportCase> {

    static final String REFERENCE_PREFIX = "AL-";
    // References start at AL-1001 so they read as case numbers, not as row counts.
    private static final long REFERENCE_OFFSET = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;
    private String subject;
    private String description;
    private String customerEmail;
    private String customerName;
    private Long customerAccountId;
    private String category;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private Long assigneeId;
    private String assigneeName;
    private String searchedWords;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant solvedAt;
    private Instant firstResponseAt;
    private Integer effortScore;
    private String effortComment;
    private Instant effortAt;

    @Version
    private long lockVersion;

    protected SupportCase() {}

    SupportCase(
            String subject,
            String description,
            String customerEmail,
            String customerName,
            Long customerAccountId,
            String category,
            String searchedWords,
            Instant now) {
        this.subject = subject;
        this.description = description;
        this.customerEmail = customerEmail;
        this.customerName = customerName;
        this.customerAccountId = customerAccountId;
        this.category = category;
        this.searchedWords = searchedWords;
        this.status = CaseStatus.NEW;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Called once the row has its id: the reference is the id shifted, so it is unique without a second sequence. */
    void assignReference() {
        this.reference = REFERENCE_PREFIX + (REFERENCE_OFFSET + id);
    }

    /**
     * Moves the case to {@code next} if its status allows it; solving it registers {@link CaseResolved}.
     *
     * @param linkedDocuments how many documents agents linked to the case, read only when it is solved
     * @param actor who moves it (the solver, in the event)
     * @return whether the status changed (moving to the current status changes nothing)
     */
    boolean moveTo(CaseStatus next, Instant now, IntSupplier linkedDocuments, String actor) {
        if (next == status) {
            return false;
        }
        if (!status.next().contains(next)) {
            throw new CaseProblem("A " + status.label().toLowerCase(Locale.ROOT) + " case cannot become "
                    + next.label().toLowerCase(Locale.ROOT) + ".");
        }
        this.status = next;
        this.updatedAt = now;
        if (next == CaseStatus.SOLVED) {
            this.solvedAt = now;
            registerEvent(new CaseResolved(reference, linkedDocuments.getAsInt(), actor));
        }
        return true;
    }

    /**
     * The customer wrote again: refused once the case is closed; a pending or solved case goes back to the agents.
     *
     * @return whether the case was reopened
     */
    boolean customerReplied(Instant now) {
        if (!status.acceptsCustomerReplies()) {
            throw new CaseProblem("This request is closed. Please send a new request.");
        }
        if (status.reopensOnCustomerReply()) {
            return moveTo(CaseStatus.OPEN, now, () -> 0, "customer");
        }
        touch(now);
        return false;
    }

    void assignTo(Long agentId, String agentName, Instant now) {
        this.assigneeId = agentId;
        this.assigneeName = agentName;
        this.updatedAt = now;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** The effort survey's answer (1 = very low effort, 7 = very high); answering again replaces it. */
    void recordEffort(int score, String comment, Instant now) {
        if (score < 1 || score > 7) {
            throw new CaseProblem("Choose a number from 1 to 7.");
        }
        if (!status.opensSurvey()) {
            throw new CaseProblem("The survey opens once your request is solved.");
        }
        this.effortScore = score;
        this.effortComment = comment == null ? effortComment : comment;
        this.effortAt = now;
        registerEvent(new EffortRated(reference, category, score));
    }

    /**
     * An agent replied to the customer: the first reply is the case's first response, told once with whether it came
     * within {@code target} (business time, see {@link BusinessTime}).
     */
    void agentReplied(Instant now, Duration target) {
        if (firstResponseAt != null) {
            return;
        }
        this.firstResponseAt = now;
        boolean withinTarget = BusinessTime.between(createdAt, now).compareTo(target) <= 0;
        registerEvent(new FirstResponseGiven(
                reference, category, Duration.between(createdAt, now).toSeconds(), withinTarget));
    }

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    String subject() {
        return subject;
    }

    String description() {
        return description;
    }

    String customerEmail() {
        return customerEmail;
    }

    String customerName() {
        return customerName;
    }

    /** Whether the signed-in customer sent this request, signed in or earlier from the same address. */
    boolean belongsTo(UserAccount customer) {
        return customerAccountId != null
                ? customerAccountId == customer.id()
                : customerEmail != null && customerEmail.equalsIgnoreCase(customer.email());
    }

    Long customerAccountId() {
        return customerAccountId;
    }

    String category() {
        return category;
    }

    CaseStatus status() {
        return status;
    }

    Long assigneeId() {
        return assigneeId;
    }

    String assigneeName() {
        return assigneeName;
    }

    String searchedWords() {
        return searchedWords;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant solvedAt() {
        return solvedAt;
    }

    Integer effortScore() {
        return effortScore;
    }

    String effortComment() {
        return effortComment;
    }
}

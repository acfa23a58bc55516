package com.answerloop.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer's request and its state; the conversation lives in {@link CaseMessage}s. */
@Entity
@Table(name = "support_cases")
class SupportCase {

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

    void changeStatus(CaseStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
        if (next == CaseStatus.SOLVED) {
            this.solvedAt = now;
        }
    }

    void assignTo(Long agentId, String agentName, Instant now) {
        this.assigneeId = agentId;
        this.assigneeName = agentName;
        this.updatedAt = now;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    void recordEffort(int score, String comment, Instant now) {
        this.effortScore = score;
        this.effortComment = comment;
        this.effortAt = now;
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

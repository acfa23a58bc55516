package com.answerloop.community;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A question with its answers: title, topic, tags, state and the counters lists sort by. */
@Entity
@Table(name = "community_threads")
class ForumThread {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long topicId;
    private String slug;
    private String title;
    private long authorId;

    @Enumerated(EnumType.STRING)
    private ThreadState state;

    private String closeReason;
    private Long duplicateOf;
    private int score;
    private int answerCount;
    private Long acceptedAnswerId;
    private boolean hidden;
    private Instant createdAt;
    private Instant lastActivityAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "community_thread_tags", joinColumns = @JoinColumn(name = "thread_id"))
    @Column(name = "tag", length = 40)
    private Set<String> tags = new LinkedHashSet<>();

    protected ForumThread() {}

    ForumThread(long topicId, String title, List<String> tags, long authorId, Instant now) {
        this.topicId = topicId;
        this.title = title;
        this.slug = Slugs.of(title);
        this.tags.addAll(tags);
        this.authorId = authorId;
        this.state = ThreadState.OPEN;
        this.createdAt = now;
        this.lastActivityAt = now;
    }

    long id() {
        return id;
    }

    long topicId() {
        return topicId;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    long authorId() {
        return authorId;
    }

    ThreadState state() {
        return state;
    }

    String closeReason() {
        return closeReason;
    }

    Long duplicateOf() {
        return duplicateOf;
    }

    int score() {
        return score;
    }

    int answerCount() {
        return answerCount;
    }

    Long acceptedAnswerId() {
        return acceptedAnswerId;
    }

    boolean hidden() {
        return hidden;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastActivityAt() {
        return lastActivityAt;
    }

    List<String> tags() {
        return tags.stream().sorted().toList();
    }

    String url() {
        return "/community/threads/" + id + "/" + slug;
    }

    boolean takesAnswers() {
        return state == ThreadState.OPEN || state == ThreadState.ANSWERED;
    }

    boolean locked() {
        return state == ThreadState.LOCKED;
    }

    void retitle(String title, List<String> tags) {
        this.title = title;
        this.slug = Slugs.of(title);
        retag(tags);
    }

    void retag(List<String> tags) {
        this.tags.clear();
        this.tags.addAll(tags);
    }

    void touch(Instant now) {
        this.lastActivityAt = now;
    }

    void score(int score) {
        this.score = score;
    }

    void answerCount(int answerCount) {
        this.answerCount = answerCount;
    }

    void accept(Long answerId) {
        this.acceptedAnswerId = answerId;
        if (state == ThreadState.OPEN || state == ThreadState.ANSWERED) {
            state = answerId == null ? ThreadState.OPEN : ThreadState.ANSWERED;
        }
    }

    void close(String reason, Long duplicateOf) {
        this.state = ThreadState.CLOSED;
        this.closeReason = reason;
        this.duplicateOf = duplicateOf;
    }

    void lock() {
        this.state = ThreadState.LOCKED;
    }

    /** Back to open (or answered, if an answer is accepted), clearing any close reason. */
    void reopen() {
        this.state = acceptedAnswerId == null ? ThreadState.OPEN : ThreadState.ANSWERED;
        this.closeReason = null;
        this.duplicateOf = null;
    }

    void moveTo(long topicId) {
        this.topicId = topicId;
    }

    void hidden(boolean hidden) {
        this.hidden = hidden;
    }
}

package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.shared.markdown.MarkdownRenderer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community module's API for other modules: public threads for the search index and the sitemap, accepted
 * answers for capture, topics and reputation. The forum's own pages work through {@link ThreadPages}, {@link
 * Posting}, {@link Voting}, {@link Subscriptions}, {@link Flagging}, {@link Moderation} and {@link
 * TopicAdministration}, which ask {@link ForumGuardian} what each member may do.
 */
@Service
@Transactional(readOnly = true)
public class ThreadManagement {

    static final int TOP_ANSWERS_INDEXED = 3;

    private final Topics topics;
    private final ForumThreads threads;
    private final Posts posts;
    private final ThreadPages pages;
    private final TopicAdministration topicAdministration;
    private final Reputation reputation;
    private final AccountManagement accounts;
    private final MarkdownRenderer markdown;

    ThreadManagement(
            Topics topics,
            ForumThreads threads,
            Posts posts,
            ThreadPages pages,
            TopicAdministration topicAdministration,
            Reputation reputation,
            AccountManagement accounts,
            MarkdownRenderer markdown) {
        this.topics = topics;
        this.threads = threads;
        this.posts = posts;
        this.pages = pages;
        this.topicAdministration = topicAdministration;
        this.reputation = reputation;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    /** The thread as the search index should hold it, or empty when it is not public (hidden, held, unknown). */
    public Optional<IndexableThread> indexable(long threadId) {
        return threads.findById(threadId).filter(t -> !t.hidden()).map(this::toIndexable);
    }

    /** Every public thread, for rebuilding the search index. */
    public List<IndexableThread> allIndexable() {
        return threads.findByHiddenFalse().stream().map(this::toIndexable).toList();
    }

    /** The accepted answer of a public thread, if it has one that is visible (not hidden or held). */
    public Optional<AcceptedAnswer> acceptedAnswer(long threadId) {
        return threads.findById(threadId)
                .filter(t -> !t.hidden() && t.acceptedAnswerId() != null)
                .flatMap(thread -> {
                    List<Post> all = posts.findByThreadIdOrderByIdAsc(thread.id());
                    Optional<Post> question = all.stream()
                            .filter(Post::isQuestion)
                            .filter(Post::visible)
                            .findFirst();
                    Optional<Post> answer = all.stream()
                            .filter(p -> p.id() == thread.acceptedAnswerId())
                            .filter(Post::visible)
                            .findFirst();
                    if (question.isEmpty() || answer.isEmpty()) {
                        return Optional.empty();
                    }
                    Names names = new Names(accounts);
                    return Optional.of(new AcceptedAnswer(
                            thread.id(),
                            thread.title(),
                            thread.url(),
                            question.get().body(),
                            names.of(question.get().authorId()),
                            answer.get().id(),
                            answer.get().body(),
                            names.of(answer.get().authorId())));
                });
    }

    /** Public threads, newest activity first, a page at a time (sitemap, API). */
    public Page<ThreadSummary> publicThreads(Pageable pageable) {
        return pages.publicThreads(pageable);
    }

    public List<TopicView> topics() {
        return topicAdministration.topics();
    }

    public long reputationOf(long accountId) {
        return reputation.reputationOf(accountId);
    }

    private IndexableThread toIndexable(ForumThread thread) {
        Topic topic = topics.findById(thread.topicId()).orElseThrow();
        List<Post> all = posts.findByThreadIdOrderByIdAsc(thread.id()).stream()
                .filter(Post::visible)
                .toList();
        String question = all.stream()
                .filter(Post::isQuestion)
                .findFirst()
                .map(p -> markdown.render(p.body()).plainText())
                .orElse("");
        String accepted = all.stream()
                .filter(Post::accepted)
                .findFirst()
                .map(p -> markdown.render(p.body()).plainText())
                .orElse("");
        List<String> top = all.stream()
                .filter(p -> !p.isQuestion() && !p.accepted())
                .sorted(Comparator.comparingInt((Post p) -> p.score())
                        .reversed()
                        .thenComparing(Post::id))
                .limit(TOP_ANSWERS_INDEXED)
                .map(p -> markdown.render(p.body()).plainText())
                .toList();
        return new IndexableThread(
                thread.id(),
                thread.slug(),
                thread.url(),
                thread.title(),
                question,
                accepted,
                top,
                thread.tags(),
                topic.slug(),
                topic.title(),
                thread.answerCount(),
                thread.score(),
                LocalDate.ofInstant(thread.lastActivityAt(), ZoneOffset.UTC));
    }
}

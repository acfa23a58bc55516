package com.answerloop.search;

import com.answerloop.community.AnswerAccepted;
import com.answerloop.community.AnswerPosted;
import com.answerloop.community.PostHidden;
import com.answerloop.community.QuestionAsked;
import com.answerloop.community.ThreadChanged;
import com.answerloop.community.ThreadManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps community threads in the index in step with the forum, after each forum transaction commits. Every event
 * re-reads the thread's current public state rather than trusting the event's snapshot, so listeners that run out of
 * order still leave the latest state in the index; a thread that is no longer public leaves the index.
 */
@Component
class ThreadIndexing {

    private final SearchManagement search;
    private final ThreadManagement threads;
    private final IndexChangeFeed feed;

    ThreadIndexing(SearchManagement search, ThreadManagement threads, IndexChangeFeed feed) {
        this.search = search;
        this.threads = threads;
        this.feed = feed;
    }

    @ApplicationModuleListener
    void on(QuestionAsked event) {
        refresh(event.threadId());
    }

    @ApplicationModuleListener
    void on(AnswerPosted event) {
        refresh(event.threadId());
    }

    @ApplicationModuleListener
    void on(AnswerAccepted event) {
        refresh(event.threadId());
    }

    @ApplicationModuleListener
    void on(PostHidden event) {
        refresh(event.threadId());
    }

    @ApplicationModuleListener
    void on(ThreadChanged event) {
        refresh(event.threadId());
    }

    /** Writes the change here, then tells the other nodes of a cluster ({@link IndexChangeFeed}). */
    private void refresh(long threadId) {
        apply(threadId);
        feed.announce(ThreadDocuments.TYPE, threadId);
    }

    /**
     * Writes the thread's current state into this node's index: a local change, or one another node announced.
     * Serialised as {@link ArticleIndexing#apply} is: a question and its first answer arrive as two events at once,
     * and unserialised, the older read could be written last, and both listeners stored the same passages' embeddings
     * at once, the second waiting on the first one's uncommitted rows.
     */
    synchronized void apply(long threadId) {
        threads.indexable(threadId)
                .ifPresentOrElse(
                        thread -> search.index(ThreadDocuments.toDocument(thread)),
                        () -> search.remove(ThreadDocuments.TYPE, threadId));
    }
}

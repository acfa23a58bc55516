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

    ThreadIndexing(SearchManagement search, ThreadManagement threads) {
        this.search = search;
        this.threads = threads;
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

    private void refresh(long threadId) {
        threads.indexable(threadId)
                .ifPresentOrElse(
                        thread -> search.index(ThreadDocuments.toDocument(thread)),
                        () -> search.remove(ThreadDocuments.TYPE, threadId));
    }
}

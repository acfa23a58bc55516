package com.answerloop.community;

import com.answerloop.accounts.UserAccount;

/** Threads for other modules' tests (capture promotes accepted answers), made through the community module itself. */
public final class CommunityFixtures {

    private CommunityFixtures() {}

    /** Asks a question in topic {@code general}, answers it and has the asker accept the answer; the thread's id. */
    public static long threadWithAcceptedAnswer(
            ThreadManagement threads,
            UserAccount asker,
            UserAccount answerer,
            String title,
            String question,
            String answer) {
        ThreadManagement.PostResult asked = threads.ask(Actor.of(asker), "general", title, question, "");
        ThreadManagement.PostResult answered = threads.answer(Actor.of(answerer), asked.threadId(), answer);
        threads.accept(Actor.of(asker), answered.postId());
        return asked.threadId();
    }

    /** Asks a question nobody answered yet; the thread's id. */
    public static long openThread(ThreadManagement threads, UserAccount asker, String title, String question) {
        return threads.ask(Actor.of(asker), "general", title, question, "").threadId();
    }
}

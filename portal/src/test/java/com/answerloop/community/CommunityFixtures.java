package com.answerloop.community;

import com.answerloop.accounts.UserAccount;
import org.springframework.beans.factory.BeanFactory;

/**
 * Threads for other modules' tests (capture promotes accepted answers), made through the community module's own
 * services, which other packages cannot name: hence the bean factory.
 */
public final class CommunityFixtures {

    private CommunityFixtures() {}

    /** Asks a question in topic {@code general}, answers it and has the asker accept the answer; the thread's id. */
    public static long threadWithAcceptedAnswer(
            BeanFactory beans, UserAccount asker, UserAccount answerer, String title, String question, String answer) {
        Posting posting = beans.getBean(Posting.class);
        Posting.PostResult asked = posting.ask(Actor.of(asker), "general", title, question, "");
        Posting.PostResult answered = posting.answer(Actor.of(answerer), asked.threadId(), answer);
        beans.getBean(Voting.class).accept(Actor.of(asker), answered.postId());
        return asked.threadId();
    }

    /** Asks a question nobody answered yet; the thread's id. */
    public static long openThread(BeanFactory beans, UserAccount asker, String title, String question) {
        return beans.getBean(Posting.class)
                .ask(Actor.of(asker), "general", title, question, "")
                .threadId();
    }
}

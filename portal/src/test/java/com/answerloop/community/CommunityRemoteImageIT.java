package com.answerloop.community;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** A member cannot make moderators' browsers fetch an image from the member's server by posting it. */
class CommunityRemoteImageIT extends CommunityTestSupport {

    @Test
    void aRemoteImageInAnAnswerIsShownAsALinkOnTheThreadPageForAModerator() throws Exception {
        Member asker = member("Remote Image Asker", 30);
        Member poster = member("Remote Image Poster", 30);
        Member moderator = member("Remote Image Moderator", 30, "MODERATOR");
        var thread = question(asker, "How do I embed a screenshot?");
        answer(poster, thread.threadId(), "Like this: ![screenshot](https://tracker.example/pixel.png?id=7)");

        mvc.perform(get(thread.url()).with(as(moderator)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<img src=\"https://tracker.example"))))
                .andExpect(content().string(containsString("<a href=\"https://tracker.example/pixel.png?id&#61;7\"")));
    }
}

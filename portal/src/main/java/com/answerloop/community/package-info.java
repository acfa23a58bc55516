/** The community forum: topics, questions and answers, votes, reputation, badges, follows and moderation. */
@org.springframework.modulith.ApplicationModule(displayName = "Community")
package com.answerloop.community;

package com.answerloop.community;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Forum thresholds and limits (documented in {@code docs/community.md}).
 *
 * @param memberReputation reputation from which a new member becomes a member (may flag)
 * @param establishedReputation reputation from which a member is established (vote down, edit tags, trusted flags)
 * @param newMemberMaxLinks links a new member's post may hold before it is held for review
 * @param newMemberPostsFirstDay posts (questions, answers, comments) a new member may write in their first day
 * @param autoHideFlags trusted flags that hide a post until a moderator reviews it
 * @param postInterval minimum time between two posts of one member
 * @param votesPerMinute votes one member may cast per minute
 */
@ConfigurationProperties("answerloop.community")
public record CommunitySettings(
        @DefaultValue("15") int memberReputation,
        @DefaultValue("100") int establishedReputation,
        @DefaultValue("2") int newMemberMaxLinks,
        @DefaultValue("5") int newMemberPostsFirstDay,
        @DefaultValue("2") int autoHideFlags,
        @DefaultValue("15s") Duration postInterval,
        @DefaultValue("30") int votesPerMinute) {}

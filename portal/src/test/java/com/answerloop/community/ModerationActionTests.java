package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The moderation forms name their actions in lower case; the log keeps the names it always wrote. */
class ModerationActionTests {

    @Test
    void theFormsLowerCaseNamesAreTheOnlyNamesTaken() {
        assertThat(ModerationAction.of("uphold")).isEqualTo(ModerationAction.UPHOLD);
        assertThat(ThreadAction.of("merge")).isEqualTo(ThreadAction.MERGE);
        for (String refused : new String[] {"HIDE", "Hide", "lock", "", null}) {
            assertThatThrownBy(() -> ModerationAction.of(refused))
                    .as(refused)
                    .isInstanceOf(CommunityProblem.class)
                    .hasMessage("Unknown moderation action.");
        }
        assertThatThrownBy(() -> ThreadAction.of("hide")).isInstanceOf(CommunityProblem.class);
    }

    @Test
    void aCommentIsNeverApprovedAndItsLogEntriesSayComment() {
        assertThat(ModerationAction.UPHOLD.postLogEntry()).isEqualTo("UPHOLD_FLAGS");
        assertThat(ModerationAction.UPHOLD.commentLogEntry()).isEqualTo("UPHOLD_COMMENT_FLAGS");
        assertThat(ModerationAction.RESTORE.hides()).isFalse();
        assertThatThrownBy(ModerationAction.APPROVE::commentLogEntry)
                .isInstanceOf(CommunityProblem.class)
                .hasMessage("Unknown moderation action.");
    }
}

package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The clean-up of a captured draft before it is stored: no template hint and no @mention reaches readers. */
class KcsTemplateTests {

    @Test
    void dropsSectionsLeftAsTheTemplatesHintAndKeepsWhatTheAuthorWrote() {
        String draft = "## Issue\n\nExports stall.\n\n## Environment\n\n_Product, plan, platform, version._\n\n"
                + "## Resolution\n\nRestart the export.\n\n## Cause\n\n_Why it happened, if known._\n\n"
                + "Ask the admin to confirm.\n";

        String clean = KcsTemplate.withoutEmptySections(draft);

        assertThat(clean)
                .isEqualTo("## Issue\n\nExports stall.\n\n## Resolution\n\nRestart the export.\n\n"
                        + "## Cause\n\nAsk the admin to confirm.\n");
        assertThat(KcsTemplate.hintsIn(clean)).isEmpty();
    }

    @Test
    void removesMentionsButNotEmailAddresses() {
        assertThat(KcsTemplate.withoutMentions("@ines_d, try the export again. Mail help@example.com or ping @bob."))
                .isEqualTo("try the export again. Mail help@example.com or ping .");
    }
}

package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A mistyped setting stops the portal at start with a message naming it. */
class SearchSettingsTests {

    @Test
    void exactCountsLimitBelowOneIsRefusedByName() {
        assertThatThrownBy(() -> new SearchSettings(200, null, true, 0, SearchSettings.Semantic.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answerloop.search.exact-counts-up-to");
    }
}

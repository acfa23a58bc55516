package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"moderator", "MODERATOR", "M0derator", "Moderat0r", "rnoderator", "ModeratoR"})
    void lookAlikesOfModeratorShareItsKey(String name) {
        assertThat(DisplayNames.key(name)).isEqualTo(DisplayNames.key("Moderator"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPHELIA  MARSH", "0phelia Marsh", "OpheIia Marsh", "Ophe1ia Marsh", "ophelia marsh"})
    void caseSpacingAndLookAlikeLettersDoNotMakeANewName(String name) {
        assertThat(DisplayNames.key(name)).isEqualTo(DisplayNames.key("Ophelia Marsh"));
    }

    @Test
    void differentNamesKeepDifferentKeys() {
        assertThat(DisplayNames.key("Mode Rator")).isNotEqualTo(DisplayNames.key("Moderator"));
        assertThat(DisplayNames.key("Grace Hopper")).isNotEqualTo(DisplayNames.key("Grace Hooper"));
    }

    @Test
    void mixedScriptLookAlikesAreRefusedAndSingleScriptNamesAccepted() {
        // Cyrillic о (U+043E) inside a Latin word
        assertThat(DisplayNames.problemWith("M\u043Ederator Team", key -> false))
                .hasValueSatisfying(problem -> assertThat(problem).contains("one writing system"));
        assertThat(DisplayNames.problemWith("Мария Иванова", key -> false)).isEmpty();
        assertThat(DisplayNames.problemWith("李小龍", key -> false)).isEmpty();
        assertThat(DisplayNames.problemWith("Zoë O'Brien-Smith", key -> false)).isEmpty();
    }

    @Test
    void invisibleCharactersAndReservedNamesAreRefused() {
        assertThat(DisplayNames.problemWith("Ad\u200Bmin", key -> false)).isPresent();
        assertThat(DisplayNames.problemWith("Administrator", key -> false))
                .hasValue("This display name is reserved; choose another one.");
    }

    @Test
    void aTakenKeyIsReported() {
        String taken = DisplayNames.key("Grace Hopper");
        assertThat(DisplayNames.problemWith("GRACE  HOPPER", taken::equals))
                .hasValueSatisfying(problem -> assertThat(problem).contains("looks the same"));
    }
}

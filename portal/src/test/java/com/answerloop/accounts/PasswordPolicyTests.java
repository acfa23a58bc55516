package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesPasswordsShorterThanEightCharacters() {
        assertThat(policy.problemWith("x7#kq9z", "a@example.com", "A")).hasValue("Use at least 8 characters.");
        assertThat(policy.problemWith("x7#kq9zw", "a@example.com", "A")).isEmpty();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // seven emoji are seven characters, although fourteen UTF-16 units
        assertThat(policy.problemWith("🔑🔒🔓🗝🚪🏠🌍", null, null)).hasValue("Use at least 8 characters.");
    }

    @Test
    void acceptsLongPassphrasesUpTo128Characters() {
        String sixtyFour = "correct horse battery staple and a few more words to reach 64 ch";
        assertThat(sixtyFour).hasSize(64);
        assertThat(policy.problemWith(sixtyFour, "a@example.com", "A")).isEmpty();
        assertThat(policy.problemWith("w".repeat(60) + "x".repeat(68), null, null))
                .isEmpty();
        assertThat(policy.problemWith("w".repeat(60) + "x".repeat(69), null, null))
                .hasValue("Use at most 128 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password1", "PASSWORD123", "12345678", "qwertyuiop", "iloveyou1", "letmein!"})
    void refusesCommonPasswordsIgnoringCase(String common) {
        assertThat(policy.problemWith(common, "a@example.com", "A"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("most commonly used"));
    }

    @Test
    void shipsAListOfThousandsOfCommonPasswords() {
        assertThat(policy.commonPasswordCount()).isGreaterThan(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correcthorsebatterystaple", "Correct Horse Battery Staple", "rush2112", "4815162342"})
    void refusesPasswordsFromTheBreachedListWhateverTheSpacing(String breached) {
        assertThat(policy.problemWith(breached, "a@example.com", "A"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("most commonly used"));
    }

    @Test
    void theBreachedListShipsWithItsLicence() throws Exception {
        try (var licence = getClass().getClassLoader().getResourceAsStream("accounts/breached-passwords.LICENSE")) {
            assertThat(licence).isNotNull();
            assertThat(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Permission is hereby granted");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Answerloop1", "answerloop2026", "My Answer-Loop passphrase"})
    void refusesPasswordsContainingTheSiteName(String password) {
        assertThat(policy.problemWith(password, "a@example.com", "A"))
                .hasValue("Do not use the name of this site in your password.");
    }

    @Test
    void refusesPasswordsBuiltOnTheEmailNameButNotPassphrasesThatMentionIt() {
        assertThat(policy.problemWith("jane.doe2026", "jane.doe@example.com", "Jane"))
                .hasValue("Do not use your email address as your password.");
        assertThat(policy.problemWith("Jane!1234", "jane@example.com", "J"))
                .hasValue("Do not use your email address as your password.");
        assertThat(policy.problemWith("jane's quiet garden passphrase", "jane@example.com", "J"))
                .isEmpty();
    }

    @Test
    void refusesTheUsersOwnEmailOrNameAndSingleRepeatedCharacters() {
        assertThat(policy.problemWith("Ada.Lovelace@example.com", "ada.lovelace@example.com", "Ada"))
                .hasValue("Do not use your email address as your password.");
        assertThat(policy.problemWith("ada.lovelace", "ada.lovelace@example.com", "Ada"))
                .hasValue("Do not use your email address as your password.");
        assertThat(policy.problemWith("Grace Hopper", "g@example.com", "grace hopper"))
                .hasValue("Do not use your display name as your password.");
        assertThat(policy.problemWith("%%%%%%%%%%", null, null)).isPresent();
    }

    @Test
    void acceptsAnUnusualPassphraseWithoutCompositionRules() {
        assertThat(policy.problemWith("purple elephants dance quietly", "a@example.com", "A"))
                .isEmpty();
    }
}

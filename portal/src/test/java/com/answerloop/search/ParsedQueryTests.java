package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedQueryTests {

    @Test
    void splitsWordsPhrasesAndExclusions() {
        ParsedQuery parsed = ParsedQuery.parse("reset \"two factor\" password -email -\"sign in\"");

        assertThat(parsed.text()).isEqualTo("reset password");
        assertThat(parsed.phrases()).containsExactly("two factor");
        assertThat(parsed.excluded()).containsExactly("email", "sign in");
    }

    @Test
    void treatsLuceneSyntaxAsText() {
        ParsedQuery parsed = ParsedQuery.parse("title:foo AND (bar* OR baz~2) [a TO z] \\ ^3");

        assertThat(parsed.text()).isEqualTo("title:foo AND (bar* OR baz~2) [a TO z] \\ ^3");
        assertThat(parsed.phrases()).isEmpty();
        assertThat(parsed.excluded()).isEmpty();
    }

    @Test
    void anUnbalancedQuoteIsAStrayMarkAndTheWordsStayPlainWords() {
        ParsedQuery parsed = ParsedQuery.parse("\"if I was away last week");

        assertThat(parsed.phrases()).isEmpty();
        assertThat(parsed.text()).isEqualTo("if I was away last week");
        assertThat(ParsedQuery.parse("reset \"two factor\" and \"stray").phrases())
                .containsExactly("two factor");
        assertThat(ParsedQuery.parse("reset \"two factor\" and \"stray").text()).isEqualTo("reset and stray");
    }

    @Test
    void loneDashAndEmptyQuotesAreIgnored() {
        ParsedQuery parsed = ParsedQuery.parse(" - \"\" -\"\" ");

        assertThat(parsed.text()).isEqualTo("-");
        assertThat(parsed.phrases()).isEmpty();
        assertThat(parsed.excluded()).isEmpty();
    }

    @Test
    void onlyExclusionsMeansNothingToFind() {
        assertThat(ParsedQuery.parse("-password").isEmpty()).isTrue();
    }

    @Test
    void cutsVeryLongInput() {
        ParsedQuery parsed = ParsedQuery.parse("word ".repeat(1_000));

        assertThat(parsed.text().length()).isLessThanOrEqualTo(ParsedQuery.MAX_LENGTH);
    }

    @Test
    void normalizesForAnalytics() {
        assertThat(ParsedQuery.normalize("  Reset\tPASSWORD \n now ")).isEqualTo("reset password now");
        assertThat(ParsedQuery.normalize(null)).isEmpty();
        assertThat(List.of(ParsedQuery.normalize("x".repeat(500)).length())).containsExactly(200);
    }
}

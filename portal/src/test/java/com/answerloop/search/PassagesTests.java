package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an article is cut into the passages whose meaning is searched. */
class PassagesTests {

    private static String words(String word, int count) {
        return (word + " ").repeat(count).strip();
    }

    private static SearchDocument article(List<String> headings, String body) {
        return new SearchDocument(
                "article",
                1,
                "a-1",
                "/articles/a-1",
                "Billing",
                "",
                headings,
                body,
                List.of(),
                "faq",
                "FAQ",
                null,
                null,
                false,
                LocalDate.of(2024, 1, 1));
    }

    @Test
    void eachLongSectionIsAPassageOfItsOwnLedByItsHeading() {
        // three sections of 100 words: windows of 160 words would mix the refunds text into the invoices passage
        String body = "Invoices\n" + words("invoice", 100) + "\nRefunds\n" + words("refund", 100) + "\nVAT\n"
                + words("tax", 100) + "\n";

        List<String> passages = Passages.of(article(List.of("Invoices", "Refunds", "VAT"), body));

        assertThat(passages).hasSize(3);
        assertThat(passages.get(1))
                .startsWith("Billing: Refunds\n")
                .contains("refund")
                .doesNotContain("invoice", "tax");
        assertThat(passages.get(2)).startsWith("Billing: VAT\n").doesNotContain("refund");
    }

    @Test
    void shortSectionsShareAPassageSoThatLaterSectionsAreNotLeftOut() {
        StringBuilder body = new StringBuilder(words("intro", 150)).append('\n');
        List<String> headings = List.of("One", "Two", "Three", "Four", "Five", "Six");
        for (String heading : headings) {
            body.append(heading)
                    .append('\n')
                    .append(words(heading.toLowerCase(), 20))
                    .append('\n');
        }

        List<String> passages = Passages.of(article(headings, body.toString()));

        assertThat(passages).hasSizeLessThanOrEqualTo(Passages.MAX);
        assertThat(String.join("\n", passages)).contains("six");
    }

    @Test
    void withoutHeadingsTheBodyIsCutIntoWindows() {
        List<String> passages = Passages.of(article(List.of(), words("word", 400)));

        assertThat(passages).hasSize(3);
        assertThat(passages.get(0)).startsWith("Billing.");
        assertThat(passages.get(1)).startsWith("Billing\n");
    }
}

package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Snippets are cut at these boundaries, so they must fall where a reader sees sentences start. */
class SentenceBreaksTests {

    private static final String TEXT =
            "Open Settings. Choose Reset password!  Did it work? Version 2.5 is needed\nA heading\n- a list item\n";

    @Test
    void breaksAfterSentenceEndsLikeTheJdkSentenceIterator() {
        String prose = "Open Settings. Choose Reset password!  Did it work? Version 2.5 is needed.";
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        assertThat(boundaries(new SentenceBreaks(), prose)).containsExactlyElementsOf(boundaries(jdk, prose));
    }

    @Test
    void everyLineOfThePlainTextStartsASentence() {
        // headings and list items end with a line break but no full stop; they are sentences of their own
        assertThat(boundaries(new SentenceBreaks(), TEXT)).containsExactly(0, 15, 39, 52, 74, 84, 98);
    }

    @Test
    void findsTheSentenceAroundAnOffsetFromEitherSide() {
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText(TEXT);
        int inSecondSentence = TEXT.indexOf("password");
        assertThat(breaks.preceding(inSecondSentence)).isEqualTo(15);
        assertThat(breaks.following(inSecondSentence)).isEqualTo(39);
        assertThat(breaks.preceding(15)).isZero();
        assertThat(breaks.following(TEXT.length() - 1)).isEqualTo(TEXT.length());
        assertThat(breaks.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.isBoundary(39)).isTrue();
        assertThat(breaks.isBoundary(40)).isFalse();
    }

    @Test
    void decimalNumbersAndTextWithoutEndingsStayWhole() {
        BreakIterator breaks = new SentenceBreaks();
        assertThat(boundaries(breaks, "Version 2.5 is needed")).containsExactly(0, 21);
        assertThat(boundaries(breaks, "")).containsExactly(0);
    }

    private static List<Integer> boundaries(BreakIterator breaks, String text) {
        breaks.setText(text);
        List<Integer> found = new ArrayList<>();
        for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
            found.add(b);
        }
        return found;
    }
}

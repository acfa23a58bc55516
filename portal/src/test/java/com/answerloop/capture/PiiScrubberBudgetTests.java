package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Adversarial case text at the longest a case message may be (20,000 characters) scans completely: no stack overflow,
 * no run over the time budget (which throws). Before the patterns were bounded, {@code "a-"} x 9,999 took 12 s and
 * email-like strings overflowed the regex stack. Figures are printed, not asserted.
 */
class PiiScrubberBudgetTests {

    private static final int MAX_CASE_TEXT = 20_000;

    private final PiiScrubber scrubber = new PiiScrubber(List.of(Pattern.compile("\\bORD-\\d{5,}\\b")));

    @Test
    void adversarialTextsOfTheMaximumLengthScanCompletelyAndStillFindTheRealAddress() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("a- repeated", repeat("a-"));
        inputs.put("a. repeated", repeat("a."));
        inputs.put("email-like labels", "a".repeat(10) + "@" + repeat("a."));
        inputs.put("spelled dots", repeat("a dot "));
        inputs.put("spelled ats", repeat("a at "));
        inputs.put("digits and dashes", repeat("1-"));
        inputs.put("digits and spaces", repeat("1 "));
        inputs.put("key assignments", repeat("key="));
        inputs.put("mixed token", repeat("aB1-"));
        inputs.put("passwords", repeat("password "));
        inputs.put("iban groups", repeat("DE12 "));
        inputs.put("whitespace runs", repeat("a" + " ".repeat(200) + "at "));

        for (var input : inputs.entrySet()) {
            String text = input.getValue() + " Reach me at jo.doe@example.com please.";
            long started = System.nanoTime();
            List<Detection> found = scrubber.detect(text, List.of("Jo Doe"));
            System.out.printf(
                    "PII scan of %,d chars (%s): %d ms%n",
                    text.length(), input.getKey(), (System.nanoTime() - started) / 1_000_000);

            assertThat(found)
                    .as(input.getKey())
                    .anySatisfy(d -> assertThat(d.text()).isEqualTo("jo.doe@example.com"));
        }
    }

    @Test
    void aScanOverItsBudgetStopsWithAClearErrorInsteadOfHoldingTheThread() {
        // Operators configure account patterns; this one rescans the rest of a long word from every letter.
        PiiScrubber configured = new PiiScrubber(List.of(Pattern.compile("[a-z]+@")), Duration.ofMillis(200));
        String text = "a".repeat(200_000) + " and no at sign";

        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThatThrownBy(() -> configured.detect(text, List.of()))
                        .isInstanceOf(PiiScanTimeout.class));
    }

    private static String repeat(String unit) {
        return unit.repeat((MAX_CASE_TEXT - 60) / unit.length());
    }
}

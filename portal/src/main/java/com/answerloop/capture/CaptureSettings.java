package com.answerloop.capture;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Capture settings.
 *
 * @param accountPatterns regular expressions for the organisation's order, invoice, account or customer numbers;
 *     the scrubber masks every match
 */
@ConfigurationProperties("answerloop.capture")
record CaptureSettings(
        @DefaultValue("(?i)\\b(?:ORD|INV|ACCT|CUST)-?\\d{5,10}\\b")
        List<String> accountPatterns) {

    List<Pattern> compiledAccountPatterns() {
        return accountPatterns.stream().map(Pattern::compile).toList();
    }
}

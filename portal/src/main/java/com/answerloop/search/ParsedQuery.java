package com.answerloop.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user typed, split into free words, quoted phrases and {@code -excluded} words or phrases. Nothing else is
 * syntax: brackets, colons, wildcards and the like are just text for the analyzer, so no input can make the query
 * fail.
 */
record ParsedQuery(String text, List<String> phrases, List<String> excluded) {

    /** Longer input is cut: nobody types more, and it bounds the size of the Lucene query. */
    static final int MAX_LENGTH = 256;

    static ParsedQuery parse(String raw) {
        if (raw == null) {
            return new ParsedQuery("", List.of(), List.of());
        }
        String input = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        StringBuilder words = new StringBuilder();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < n && !Character.isWhitespace(input.charAt(i + 1));
            int start = negated ? i + 1 : i;
            String token;
            boolean quoted = start < n && input.charAt(start) == '"';
            if (quoted && input.indexOf('"', start + 1) < 0) {
                // A quote that is never closed is a stray mark, not a phrase: the words after it stay plain words
                // (as a phrase running to the end they had to occur verbatim, and a long question found nothing).
                i = start + 1;
                continue;
            }
            if (quoted) {
                int close = input.indexOf('"', start + 1);
                token = input.substring(start + 1, close);
                i = close + 1;
            } else {
                int end = start;
                while (end < n && !Character.isWhitespace(input.charAt(end))) {
                    end++;
                }
                token = input.substring(start, end);
                i = end;
            }
            token = token.strip();
            if (token.isEmpty()) {
                continue;
            }
            if (negated) {
                excluded.add(token);
            } else if (quoted) {
                phrases.add(token);
            } else {
                words.append(words.isEmpty() ? "" : " ").append(token);
            }
        }
        return new ParsedQuery(words.toString(), List.copyOf(phrases), List.copyOf(excluded));
    }

    /** Words and phrases that should match (not the exclusions). */
    String positiveText() {
        StringBuilder all = new StringBuilder(text);
        for (String phrase : phrases) {
            all.append(all.isEmpty() ? "" : " ").append(phrase);
        }
        return all.toString();
    }

    boolean isEmpty() {
        return text.isBlank() && phrases.isEmpty();
    }

    /** The form kept for analytics and popular-query suggestions: lower case, single spaces, bounded length. */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String collapsed = raw.strip().replaceAll("[\\s\\p{Cntrl}]+", " ").toLowerCase(Locale.ROOT);
        return collapsed.length() > 200 ? collapsed.substring(0, 200) : collapsed;
    }
}

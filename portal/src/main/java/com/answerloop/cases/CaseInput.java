package com.answerloop.cases;

/** How the case forms' text is cleaned and checked, shared by the customers' and the agents' side. */
final class CaseInput {

    private CaseInput() {}

    /** The stripped text; a {@link CaseProblem} with {@code message} when empty, or when longer than {@code max}. */
    static String required(String value, String message, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new CaseProblem(message);
        }
        if (text.length() > max) {
            throw new CaseProblem("Please keep it under " + max + " characters.");
        }
        return text;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Optional text cut to {@code max} characters; null when blank. */
    static String optional(String value, int max) {
        String text = blankToNull(value);
        return text != null && text.length() > max ? text.substring(0, max) : text;
    }
}

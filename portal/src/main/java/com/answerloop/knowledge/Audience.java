package com.answerloop.knowledge;

import java.util.Locale;

/**
 * Whom a category's articles are written for, from {@code audience:} in its {@code _index.md}. Operator and agent
 * documentation may be public (self-hosters read it), but it must not crowd the customers' home page.
 */
enum Audience {
    CUSTOMERS,
    AGENTS,
    OPERATORS;

    static Audience parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "customers" -> CUSTOMERS;
            case "agents" -> AGENTS;
            case "operators" -> OPERATORS;
            default ->
                throw new IllegalArgumentException(
                        "audience must be customers, agents or operators, not '" + value + "'");
        };
    }
}

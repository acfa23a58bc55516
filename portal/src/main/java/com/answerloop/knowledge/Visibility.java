package com.answerloop.knowledge;

/** Who may read an article: everyone, or only agents and editors. */
public enum Visibility {
    PUBLIC,
    INTERNAL;

    public static Visibility parse(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "internal" -> INTERNAL;
            default -> throw new IllegalArgumentException("visibility must be public or internal, not '" + value + "'");
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

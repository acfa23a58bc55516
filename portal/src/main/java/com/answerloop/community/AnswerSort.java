package com.answerloop.community;

/** How a thread's answers are ordered: by default accepted first, then by score, then oldest first. */
public enum AnswerSort {
    VOTES("Votes"),
    NEWEST("Newest"),
    OLDEST("Oldest");

    private final String label;

    AnswerSort(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static AnswerSort parse(String value) {
        if (value == null || value.isBlank()) {
            return VOTES;
        }
        for (AnswerSort sort : values()) {
            if (sort.param().equalsIgnoreCase(value.strip())) {
                return sort;
            }
        }
        return VOTES;
    }
}

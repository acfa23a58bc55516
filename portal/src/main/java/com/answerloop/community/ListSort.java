package com.answerloop.community;

import org.springframework.data.domain.Sort;

/** How question lists are ordered. */
public enum ListSort {
    NEWEST("Newest", Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
    ACTIVE("Active", Sort.by(Sort.Order.desc("lastActivityAt"), Sort.Order.desc("id"))),
    UNANSWERED("Unanswered", Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
    VOTES("Most voted", Sort.by(Sort.Order.desc("score"), Sort.Order.desc("createdAt"), Sort.Order.desc("id")));

    private final String label;
    private final Sort sort;

    ListSort(String label, Sort sort) {
        this.label = label;
        this.sort = sort;
    }

    public String label() {
        return label;
    }

    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    Sort sort() {
        return sort;
    }

    static ListSort parse(String value) {
        if (value == null || value.isBlank()) {
            return NEWEST;
        }
        for (ListSort sort : values()) {
            if (sort.param().equalsIgnoreCase(value.strip())) {
                return sort;
            }
        }
        throw CommunityProblem.invalid("Unknown sort '" + value + "': use newest, active, unanswered or votes.");
    }
}

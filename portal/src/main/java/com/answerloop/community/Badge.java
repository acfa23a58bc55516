package com.answerloop.community;

/** Recognition with clear criteria, checked whenever the underlying counts change. */
public enum Badge {
    FIRST_ANSWER("First answer", "Posted a first answer."),
    FIRST_ACCEPTED("First accepted answer", "Had an answer accepted for the first time."),
    TEN_ACCEPTED("Ten accepted answers", "Had 10 answers accepted."),
    GOOD_QUESTION("Good question", "Asked a question that reached a score of 10."),
    GOOD_ANSWER("Good answer", "Wrote an answer that reached a score of 10.");

    private final String title;
    private final String criteria;

    Badge(String title, String criteria) {
        this.title = title;
        this.criteria = criteria;
    }

    public String title() {
        return title;
    }

    public String criteria() {
        return criteria;
    }
}

package com.answerloop.knowledge;

import java.util.Locale;
import java.util.Optional;

/** A request about an article that cannot be done as asked; the message is meant for the user. */
public class ArticleProblem extends RuntimeException {

    /** The field of an article editor a refusal is about, so the page shows the message beside it. */
    public enum Field {
        TITLE,
        BODY,
        CATEGORY
    }

    private final Field field;

    public ArticleProblem(String message) {
        this(null, message);
    }

    public ArticleProblem(Field field, String message) {
        super(message);
        this.field = field;
    }

    /** The form property ({@code title}, {@code body}, {@code category}) the refusal is about, when it is about one. */
    public Optional<String> field() {
        return Optional.ofNullable(field).map(f -> f.name().toLowerCase(Locale.ROOT));
    }
}

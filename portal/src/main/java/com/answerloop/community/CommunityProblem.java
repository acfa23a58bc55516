package com.answerloop.community;

import java.util.Optional;

/** Why a forum action was refused, in words a member understands; the status maps to HTTP. */
class CommunityProblem extends RuntimeException {

    enum Kind {
        NOT_FOUND(404),
        FORBIDDEN(403),
        INVALID(400),
        CONFLICT(409),
        RATE_LIMITED(429);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    /** The form field (and API property) a refusal is about, so the page shows the message beside it. */
    enum Field {
        TOPIC("topic"),
        TITLE("title"),
        BODY("body"),
        TAGS("tags");

        final String name;

        Field(String name) {
            this.name = name;
        }
    }

    private final Kind kind;
    private final long retryAfterSeconds;
    private final Field field;

    CommunityProblem(Kind kind, String message) {
        this(kind, message, 0);
    }

    CommunityProblem(Kind kind, String message, long retryAfterSeconds) {
        this(kind, message, retryAfterSeconds, null);
    }

    private CommunityProblem(Kind kind, String message, long retryAfterSeconds, Field field) {
        super(message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
        this.field = field;
    }

    static CommunityProblem notFound(String what) {
        return new CommunityProblem(Kind.NOT_FOUND, "We couldn't find that " + what + ".");
    }

    static CommunityProblem forbidden(String message) {
        return new CommunityProblem(Kind.FORBIDDEN, message);
    }

    static CommunityProblem invalid(String message) {
        return new CommunityProblem(Kind.INVALID, message);
    }

    /** An entry of one field that is not acceptable. */
    static CommunityProblem invalid(Field field, String message) {
        return new CommunityProblem(Kind.INVALID, message, 0, field);
    }

    static CommunityProblem tooSoon(String what, long seconds) {
        long wait = Math.max(1, seconds);
        return new CommunityProblem(
                Kind.RATE_LIMITED,
                "You are " + what + " too quickly. Try again in " + wait + (wait == 1 ? " second." : " seconds."),
                wait);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return kind.status;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The name of the field the refusal is about, when it is about one. */
    Optional<String> field() {
        return Optional.ofNullable(field).map(f -> f.name);
    }
}

package com.answerloop.community;

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

    private final Kind kind;
    private final long retryAfterSeconds;

    CommunityProblem(Kind kind, String message) {
        this(kind, message, 0);
    }

    CommunityProblem(Kind kind, String message, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
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
}

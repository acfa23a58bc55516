package com.answerloop.community;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.BindingResult;

/** A refused form shows its page again with the message, the refusal's status and (rate limits) Retry-After. */
final class FormErrors {

    private FormErrors() {}

    /** The page again for a refusal; an unknown post or thread stays a 404 page. */
    static String page(CommunityProblem problem, HttpServletResponse response, Supplier<String> page) {
        if (problem.kind() == CommunityProblem.Kind.NOT_FOUND) {
            throw problem;
        }
        response.setStatus(problem.status());
        if (problem.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return page.get();
    }

    /** As {@link #page(CommunityProblem, HttpServletResponse, Supplier)}, the message also beside its field. */
    static String page(
            CommunityProblem problem, BindingResult form, HttpServletResponse response, Supplier<String> page) {
        problem.field().ifPresent(field -> form.rejectValue(field, "refused", problem.getMessage()));
        return page(problem, response, page);
    }
}

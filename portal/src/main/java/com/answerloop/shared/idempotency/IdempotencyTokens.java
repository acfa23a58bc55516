package com.answerloop.shared.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Adds a fresh idempotency token to every post form the pages render, the way Spring Security adds the CSRF token.
 * Each rendering gets a new token, so a form shown again with a validation message is a new submission, while a double
 * click or a retried send of the same page is the same one. Wraps Spring Security's processor, which keeps adding the
 * CSRF field.
 *
 * <p>Thymeleaf asks for the extra fields of every {@code th:action} form, GET ones too, after telling the form's method
 * to {@link #processAction}. A GET form (the search box) gets no token: it would land in the address bar and make every
 * search URL unique, unshareable and uncacheable.
 */
class IdempotencyTokens implements RequestDataValueProcessor {

    private static final String GET_FORM = IdempotencyTokens.class.getName() + ".getForm";

    private final RequestDataValueProcessor csrf;

    IdempotencyTokens(RequestDataValueProcessor csrf) {
        this.csrf = csrf;
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> security = csrf.getExtraHiddenFields(request);
        if (security != null) {
            fields.putAll(security);
        }
        if (!Boolean.TRUE.equals(request.getAttribute(GET_FORM))) {
            fields.put(IdempotencyRule.FORM_FIELD, UUID.randomUUID().toString());
        }
        return fields;
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
        request.setAttribute(GET_FORM, "get".equalsIgnoreCase(httpMethod));
        return csrf.processAction(request, action, httpMethod);
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return csrf.processFormFieldValue(request, name, value, type);
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return csrf.processUrl(request, url);
    }
}

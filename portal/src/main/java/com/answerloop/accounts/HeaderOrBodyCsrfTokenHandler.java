package com.answerloop.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriUtils;

/**
 * Takes the CSRF token from the request header or the form body only. A token in the query string ends up in logs,
 * browser history and Referer headers, so a request that carries it there (and not in the header) is refused.
 */
final class HeaderOrBodyCsrfTokenHandler implements CsrfTokenRequestHandler {

    /** Spring Security's default: a token masked afresh on every page, against BREACH. */
    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        if (request.getHeader(token.getHeaderName()) == null
                && inQueryString(request.getQueryString(), token.getParameterName())) {
            return null;
        }
        return masked.resolveCsrfTokenValue(request, token);
    }

    static boolean inQueryString(String query, String name) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (name.equals(UriUtils.decode(key.replace('+', ' '), StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}

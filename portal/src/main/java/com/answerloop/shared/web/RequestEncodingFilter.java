package com.answerloop.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects a query string that is not valid UTF-8 ({@code ?q=%ff}) with 400 before anything reads a parameter: the
 * servlet container would otherwise fail inside whichever filter or controller asked first, as a 500. API calls get a
 * problem detail, pages the error page with a sentence saying what is wrong.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestEncodingFilter extends OncePerRequestFilter {

    static final String MESSAGE =
            "The address contains characters that are not valid UTF-8. Check the link, or type the search again.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || validUtf8(query)) {
            chain.doFilter(request, response);
            return;
        }
        if (ApiProblems.isApi(request)) {
            ApiProblems.write(response, ApiProblems.of(HttpStatus.BAD_REQUEST, MESSAGE));
            return;
        }
        request.setAttribute(PageMeta.ERROR_MESSAGE_ATTRIBUTE, MESSAGE);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    /** Whether the percent-decoded bytes of the query string are UTF-8 (a malformed escape counts as invalid). */
    static boolean validUtf8(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return true; // the container already decoded raw non-ASCII characters; nothing left to check
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

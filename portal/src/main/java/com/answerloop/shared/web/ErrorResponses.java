package com.answerloop.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers errors that reach the servlet container's error dispatch (unknown paths, refused requests, failures before
 * a controller ran): an API call gets a problem detail, everything else an error page from the {@link
 * ErrorViewResolver}s, whatever the client's {@code Accept} header says. It replaces Spring Boot's
 * {@code BasicErrorController}, whose JSON for non-browser clients is neither a problem detail nor a page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses extends AbstractErrorController {

    ErrorResponses(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, resolvers.orderedStream().toList());
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = getStatus(request);
        if (ApiProblems.isApi(request)) {
            ProblemDetail problem = ApiProblems.of(status, detail(request, status));
            if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
                problem.setInstance(URI.create(path));
            }
            ApiProblems.write(response, problem);
            return null;
        }
        Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
        response.setStatus(status.value());
        ModelAndView page = resolveErrorView(request, response, status, model);
        return page != null ? page : new ModelAndView("error", model, status);
    }

    private static String detail(HttpServletRequest request, HttpStatus status) {
        if (status.is4xxClientError()
                && request.getAttribute(PageMeta.ERROR_MESSAGE_ATTRIBUTE) instanceof String reason
                && !reason.isBlank()) {
            return reason;
        }
        return switch (status) {
            case NOT_FOUND -> "There is no API endpoint at this path. The endpoints are listed in docs/api.md.";
            case METHOD_NOT_ALLOWED -> "This endpoint does not accept this HTTP method.";
            case BAD_REQUEST -> "The request could not be read.";
            case UNAUTHORIZED -> "Sign in to do this.";
            case FORBIDDEN -> "You do not have permission to do this.";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. Please try again later."
                        : status.getReasonPhrase() + ".";
        };
    }
}

package com.answerloop.shared.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a JSON API into an RFC 9457 problem detail in the shape {@link ApiProblems} decides. The client
 * gets a clear title and detail; unexpected causes go to the log, never to the response. Problem details that API
 * controllers build themselves get their {@code type} in {@link ProblemDetailBodies}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("API request failed", e);
        ProblemDetail problem = ApiProblems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again later.");
        problem.setTitle("Internal error");
        return problem;
    }

    /** {@code size=abc}: names the parameter and what it takes, without Java type names or parser messages. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> required = ex.getRequiredType();
        boolean number = required != null
                && (Number.class.isAssignableFrom(required)
                        || required == int.class
                        || required == long.class
                        || required == short.class);
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "A parameter";
        String detail = "'" + name + "' " + (number ? "must be a whole number." : "has a value that is not allowed.");
        log.debug("Rejected API parameter", ex);
        return handleExceptionInternal(ex, ApiProblems.of(status, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ApiProblems.complete(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}

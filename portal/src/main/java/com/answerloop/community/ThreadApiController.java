package com.answerloop.community;

import com.answerloop.shared.web.ApiProblems;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The forum's JSON API. Reading is public; asking, answering, voting and accepting need a signed-in session (and its
 * CSRF token) and go through the same checks as the pages. Errors are RFC 9457 problem details; rate limits answer
 * 429 with {@code Retry-After}.
 */
@RestController
@RequestMapping("/api/v1")
class ThreadApiController {

    private final ThreadPages pages;
    private final Posting posting;
    private final Voting voting;
    private final CurrentActor actors;

    ThreadApiController(ThreadPages pages, Posting posting, Voting voting, CurrentActor actors) {
        this.pages = pages;
        this.posting = posting;
        this.voting = voting;
        this.actors = actors;
    }

    @GetMapping("/threads")
    Map<String, Object> list(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page) {
        if (page < 1) {
            throw CommunityProblem.invalid("Pages are numbered from 1.");
        }
        Page<ThreadSummary> found = pages.list(topic, tag, ListSort.parse(sort), page - 1);
        return Map.of(
                "items", found.getContent(),
                "page", found.getNumber() + 1,
                "size", found.getSize(),
                "totalPages", found.getTotalPages(),
                "total", found.getTotalElements());
    }

    @GetMapping("/threads/{id}")
    ThreadPage thread(@PathVariable long id, @RequestParam(required = false) String sort) {
        return pages.thread(id, actors.current().orElse(null), AnswerSort.parse(sort))
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
    }

    record QuestionRequest(String topic, String title, String body, List<String> tags) {}

    record AnswerRequest(String body) {}

    record VoteRequest(String value) {}

    record AcceptRequest(Long answerId) {}

    @PostMapping("/threads")
    ResponseEntity<Posting.PostResult> ask(@RequestBody QuestionRequest request) {
        Posting.PostResult result = posting.ask(
                actors.required(),
                request.topic(),
                request.title(),
                request.body(),
                request.tags() == null ? null : String.join(",", request.tags()));
        return ResponseEntity.created(URI.create(result.url())).body(result);
    }

    @PostMapping("/threads/{id}/answers")
    ResponseEntity<Posting.PostResult> answer(@PathVariable long id, @RequestBody AnswerRequest request) {
        Posting.PostResult result = posting.answer(actors.required(), id, request.body());
        return ResponseEntity.created(URI.create(result.url())).body(result);
    }

    @PostMapping("/posts/{postId}/votes")
    Map<String, Object> vote(@PathVariable long postId, @RequestBody VoteRequest request) {
        int score = voting.vote(actors.required(), postId, PostController.voteValue(request.value()));
        return Map.of("postId", postId, "score", score);
    }

    @PostMapping("/threads/{id}/accept")
    Map<String, Object> accept(@PathVariable long id, @RequestBody AcceptRequest request) {
        if (request.answerId() == null) {
            throw CommunityProblem.invalid("Give the answerId to accept.");
        }
        if (pages.threadOf(request.answerId()) != id) {
            throw CommunityProblem.invalid("That answer belongs to another thread.");
        }
        voting.accept(actors.required(), request.answerId());
        return Map.of("threadId", id, "acceptedAnswerId", request.answerId());
    }

    /** Maps forum refusals to problem details before the shared API handler sees them. */
    @RestControllerAdvice(assignableTypes = ThreadApiController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems {

        @ExceptionHandler(CommunityProblem.class)
        ResponseEntity<ProblemDetail> problem(CommunityProblem problem) {
            HttpStatus status = HttpStatus.valueOf(problem.status());
            ProblemDetail detail = ApiProblems.of(status, problem.getMessage());
            // an extension member (RFC 9457 §3.2): which property of the request to correct
            problem.field().ifPresent(field -> detail.setProperty("field", field));
            ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
            if (problem.retryAfterSeconds() > 0) {
                response.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
            }
            return response.body(detail);
        }
    }
}

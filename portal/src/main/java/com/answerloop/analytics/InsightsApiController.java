package com.answerloop.analytics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The insights figures as JSON, for editors and admins: {@code GET /api/v1/insights/{area}?days=30} or
 * {@code ?from=2026-01-01&to=2026-01-31}.
 */
@RestController
class InsightsApiController {

    private final Insights insights;
    private final AnalyticsBuffer buffer;

    InsightsApiController(Insights insights, AnalyticsBuffer buffer) {
        this.insights = insights;
        this.buffer = buffer;
    }

    @GetMapping("/api/v1/insights/{area}")
    ResponseEntity<?> area(
            @PathVariable String area,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (!Insights.AREAS.contains(area)) {
            return problem(HttpStatus.NOT_FOUND, "No insights area '" + area + "'; areas: " + Insights.AREAS);
        }
        try {
            return ResponseEntity.ok(insights.area(area, Period.parse(days, from, to, buffer.today())));
        } catch (Period.Invalid invalid) {
            return problem(HttpStatus.BAD_REQUEST, invalid.getMessage());
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}

package com.answerloop.search;

import com.answerloop.shared.web.ApiProblems;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The search JSON API: {@code /api/v1/search} and typeahead suggestions. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/v1/search")
class SearchApiController {

    record ApiHit(
            String type,
            String slug,
            String title,
            String url,
            String snippet,
            float score,
            String category,
            List<String> tags,
            String updated,
            @JsonInclude(JsonInclude.Include.NON_NULL) String state) {}

    record ApiFacets(List<FacetValue> category, List<FacetValue> tag, List<FacetValue> type) {}

    record ApiResults(
            String query,
            long total,
            boolean totalEstimated,
            int page,
            int size,
            List<ApiHit> hits,
            ApiFacets facets,
            String didYouMean,
            String showingResultsFor,
            boolean rebuilding) {}

    record ApiSuggestion(String type, String text, String url) {}

    record ApiSuggestions(String query, List<ApiSuggestion> suggestions) {}

    /** A parameter out of its range: answered with 400 and a problem detail naming it. */
    static final class BadParameter extends RuntimeException {
        BadParameter(String message) {
            super(message);
        }
    }

    /** The document types a search can be narrowed to. */
    static final List<String> TYPES = List.of(ArticleDocuments.TYPE, ThreadDocuments.TYPE);

    private final SearchManagement search;
    private final SearchTracking tracking;

    SearchApiController(SearchManagement search, SearchTracking tracking) {
        this.search = search;
        this.tracking = tracking;
    }

    @GetMapping
    ApiResults search(
            @RequestParam String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "10") int size,
            @RequestParam(required = false) String category,
            @RequestParam(name = "tag", required = false) List<String> tags,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String sort,
            HttpServletRequest request) {
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            throw new BadParameter("size must be between 1 and " + SearchQuery.MAX_SIZE);
        }
        if (page < 1 || page > SearchQuery.MAX_PAGE + 1) {
            throw new BadParameter("page must be between 1 and " + (SearchQuery.MAX_PAGE + 1));
        }
        SearchSort order =
                SearchSort.fromParameter(sort).orElseThrow(() -> new BadParameter("sort must be relevance or recent"));
        if (type != null && !type.isBlank() && !TYPES.contains(type.strip())) {
            throw new BadParameter("type must be one of " + String.join(", ", TYPES));
        }
        SearchQuery query = new SearchQuery(q, category, tags, type, order, page - 1, size);
        SearchResults results = search.search(query, Readers.seesInternal());
        tracking.searched(results, request);
        List<ApiHit> hits = results.hits().stream()
                .map(h -> new ApiHit(
                        h.type(),
                        h.slug(),
                        h.title(),
                        h.url(),
                        h.snippetHtml(),
                        h.score(),
                        h.categorySlug(),
                        h.tags(),
                        h.updated().toString(),
                        h.state()))
                .toList();
        return new ApiResults(
                q,
                results.total(),
                results.totalEstimated(),
                page,
                size,
                hits,
                new ApiFacets(results.categories(), results.tags(), results.types()),
                results.didYouMean(),
                results.showingResultsFor(),
                results.rebuilding());
    }

    @GetMapping("/suggest")
    ApiSuggestions suggest(@RequestParam(defaultValue = "") String q) {
        List<ApiSuggestion> suggestions = search.suggest(q, Readers.seesInternal(), 8).stream()
                .map(s -> s.kind() == Suggestion.Kind.TITLE
                        ? new ApiSuggestion("article", s.text(), s.url())
                        : new ApiSuggestion(
                                "query",
                                s.text(),
                                UriComponentsBuilder.fromPath("/search")
                                        .queryParam("q", s.text())
                                        .encode()
                                        .toUriString()))
                .toList();
        return new ApiSuggestions(q, suggestions);
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid search parameter");
        return problem;
    }
}

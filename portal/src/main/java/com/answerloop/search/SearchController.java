package com.answerloop.search;

import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search results page: results with highlighted snippets, facets that combine and can be removed, sort,
 * pagination, "did you mean" and a zero-result page with ways onward; and the click-tracking redirect.
 */
@Controller
class SearchController {

    static final int PAGE_SIZE = 10;

    /** A facet value as a link that adds (or, when selected, removes) it. */
    record FacetLink(String label, int count, String href, boolean selected) {}

    /** A filter in use, with the link that removes it. */
    record ActiveFilter(String name, String label, String removeHref) {}

    record PageLink(int number, String href, boolean current) {}

    private final SearchManagement search;
    private final SearchTracking tracking;

    SearchController(SearchManagement search, SearchTracking tracking) {
        this.search = search;
        this.tracking = tracking;
    }

    @GetMapping("/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") String page,
            @RequestParam(required = false) String category,
            @RequestParam(name = "tag", required = false) List<String> tags,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String sort,
            HttpServletRequest request,
            Model model) {
        boolean seesInternal = Readers.seesInternal();
        int pageNumber = parsePage(page);
        SearchSort order = SearchSort.parse(sort);
        SearchQuery query = new SearchQuery(q, category, tags, type, order, pageNumber - 1, PAGE_SIZE);
        String text = q.strip();
        model.addAttribute("q", text);
        model.addAttribute("hideHeaderSearch", true);
        model.addAttribute("sort", order.label());
        model.addAttribute(
                "page",
                PageMeta.website(
                        text.isEmpty() ? "Search" : "Search results for " + shorten(text),
                        "Search the Answerloop help center.",
                        "/search"));
        if (text.isEmpty()) {
            model.addAttribute("results", null);
            model.addAttribute("categories", search.categories(seesInternal));
            model.addAttribute("popular", search.popular(seesInternal, 5));
            return "search/results";
        }
        SearchResults results = search.search(query, seesInternal);
        tracking.searched(results, request);
        model.addAttribute("results", results);
        model.addAttribute("rebuilding", results.rebuilding());
        model.addAttribute("activeFilters", activeFilters(query));
        model.addAttribute("categoryFacets", facetLinks(query, "category", results.categories()));
        model.addAttribute("tagFacets", facetLinks(query, "tag", results.tags()));
        model.addAttribute("typeFacets", facetLinks(query, "type", results.types()));
        model.addAttribute("relevanceHref", link(query, Map.of("sort", List.of()), true));
        model.addAttribute("recencyHref", link(query, Map.of("sort", List.of("recency")), true));
        model.addAttribute("pages", pageLinks(query, results));
        model.addAttribute("prevHref", pageNumber > 1 ? pageHref(query, pageNumber - 1) : null);
        model.addAttribute("nextHref", results.hasNext() ? pageHref(query, pageNumber + 1) : null);
        model.addAttribute("firstPosition", (pageNumber - 1) * PAGE_SIZE + 1);
        if (results.didYouMean() != null) {
            model.addAttribute("didYouMeanHref", link(query, Map.of("q", List.of(results.didYouMean())), true));
        }
        if (results.total() == 0) {
            model.addAttribute("categories", search.categories(seesInternal));
            model.addAttribute("popular", search.popular(seesInternal, 5));
        }
        return "search/results";
    }

    /** Records which result was opened, then sends the reader to it. Only indexed, visible documents are targets. */
    @GetMapping("/search/click")
    RedirectView click(
            @RequestParam String id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") String pos,
            HttpServletRequest request) {
        int colon = id.indexOf(':');
        String url = null;
        if (colon > 0) {
            try {
                long documentId = Long.parseLong(id.substring(colon + 1));
                url = search.urlOf(id.substring(0, colon), documentId, Readers.seesInternal());
            } catch (NumberFormatException e) {
                url = null;
            }
        }
        if (url == null) {
            RedirectView back = new RedirectView(
                    UriComponentsBuilder.fromPath("/search")
                            .queryParam("q", q)
                            .encode()
                            .toUriString(),
                    true);
            return back;
        }
        tracking.clicked(q, id, parsePage(pos), request);
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(org.springframework.http.HttpStatus.SEE_OTHER);
        return redirect;
    }

    private static int parsePage(String value) {
        try {
            int page = Integer.parseInt(value.strip());
            return Math.max(1, Math.min(page, SearchQuery.MAX_PAGE + 1));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static MultiValueMap<String, String> params(SearchQuery query) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", query.text().strip());
        if (query.category() != null) {
            params.add("category", query.category());
        }
        for (String tag : query.tags()) {
            params.add("tag", tag);
        }
        if (query.type() != null) {
            params.add("type", query.type());
        }
        if (query.sort() == SearchSort.RECENCY) {
            params.add("sort", "recency");
        }
        return params;
    }

    /** The search URL with some parameters replaced; a changed filter or sort starts again at page one. */
    private static String link(SearchQuery query, Map<String, List<String>> replace, boolean firstPage) {
        MultiValueMap<String, String> params = params(query);
        replace.forEach((name, values) -> {
            params.remove(name);
            if (!values.isEmpty()) {
                params.put(name, new ArrayList<>(values));
            }
        });
        if (firstPage) {
            params.remove("page");
        }
        return UriComponentsBuilder.fromPath("/search")
                .queryParams(params)
                .encode()
                .toUriString();
    }

    private static String pageHref(SearchQuery query, int page) {
        MultiValueMap<String, String> params = params(query);
        if (page > 1) {
            params.add("page", Integer.toString(page));
        }
        return UriComponentsBuilder.fromPath("/search")
                .queryParams(params)
                .encode()
                .toUriString();
    }

    private static List<FacetLink> facetLinks(SearchQuery query, String name, List<FacetValue> values) {
        List<FacetLink> links = new ArrayList<>();
        for (FacetValue value : values) {
            boolean selected;
            List<String> next;
            if (name.equals("tag")) {
                selected = query.tags().stream()
                        .anyMatch(t -> IndexSchema.normalizeTag(t).equals(value.value()));
                next = new ArrayList<>(query.tags());
                if (selected) {
                    next.removeIf(t -> IndexSchema.normalizeTag(t).equals(value.value()));
                } else {
                    next.add(value.value());
                }
            } else {
                String current = name.equals("category") ? query.category() : query.type();
                selected = value.value().equals(current);
                next = selected ? List.of() : List.of(value.value());
            }
            links.add(new FacetLink(value.label(), value.count(), link(query, Map.of(name, next), true), selected));
        }
        return links;
    }

    private static List<ActiveFilter> activeFilters(SearchQuery query) {
        List<ActiveFilter> filters = new ArrayList<>();
        if (query.category() != null) {
            filters.add(
                    new ActiveFilter("Category", query.category(), link(query, Map.of("category", List.of()), true)));
        }
        for (String tag : query.tags()) {
            List<String> rest = new ArrayList<>(query.tags());
            rest.remove(tag);
            filters.add(new ActiveFilter("Tag", tag, link(query, Map.of("tag", rest), true)));
        }
        if (query.type() != null) {
            filters.add(new ActiveFilter("Type", query.type(), link(query, Map.of("type", List.of()), true)));
        }
        return filters;
    }

    private static List<PageLink> pageLinks(SearchQuery query, SearchResults results) {
        int pages = results.totalPages();
        int current = query.page() + 1;
        List<PageLink> links = new ArrayList<>();
        if (pages <= 1) {
            return links;
        }
        for (int p = Math.max(1, current - 3); p <= Math.min(pages, current + 3); p++) {
            links.add(new PageLink(p, pageHref(query, p), p == current));
        }
        return links;
    }
}

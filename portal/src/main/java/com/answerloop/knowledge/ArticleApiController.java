package com.answerloop.knowledge;

import com.answerloop.accounts.Roles;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read-only JSON API over the help center's articles. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final ArticleManagement articles;

    ArticleApiController(ArticleManagement articles) {
        this.articles = articles;
    }

    record ArticleItem(String slug, String title, String summary, String url, LocalDate updated, String category) {}

    record ArticlePage(List<ArticleItem> items, int page, int size, long total, int totalPages) {}

    record CategoryItem(String slug, String title, String url) {}

    record ArticleBody(
            String slug,
            String title,
            String summary,
            List<String> tags,
            CategoryItem category,
            CategoryItem section,
            LocalDate updated,
            int version,
            String url,
            String html) {}

    @GetMapping
    ArticlePage list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 1 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        Page<ArticleSummary> result =
                articles.articles(PageRequest.of(page - 1, size), Roles.seesInternal(authentication));
        return new ArticlePage(
                result.map(a -> new ArticleItem(
                                a.slug(), a.title(), a.summary(), a.url(), a.updated(), a.categoryTitle()))
                        .getContent(),
                page,
                size,
                result.getTotalElements(),
                result.getTotalPages());
    }

    @GetMapping("/{slug}")
    ArticleBody article(@PathVariable String slug, Authentication authentication) {
        ArticleDetails a =
                articles.article(slug, Roles.seesInternal(authentication)).orElseThrow(() -> notFound(slug));
        return new ArticleBody(
                a.slug(),
                a.title(),
                a.summary(),
                a.tags(),
                item(a.category()),
                item(a.section()),
                a.updated(),
                a.version(),
                a.url(),
                a.html());
    }

    @GetMapping(value = "/{slug}/export", produces = "text/markdown;charset=UTF-8")
    ResponseEntity<String> export(@PathVariable String slug, Authentication authentication) {
        String markdown =
                articles.export(slug, Roles.seesInternal(authentication)).orElseThrow(() -> notFound(slug));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + slug + ".md\"")
                .body(markdown);
    }

    private static CategoryItem item(ArticleDetails.CategoryRef ref) {
        return ref == null ? null : new CategoryItem(ref.slug(), ref.title(), ref.url());
    }

    private static ResponseStatusException notFound(String slug) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No article with slug '" + slug + "'");
    }
}

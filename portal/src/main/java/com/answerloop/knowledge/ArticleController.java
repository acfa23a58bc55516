package com.answerloop.knowledge;

import com.answerloop.accounts.Roles;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The article page and its "Was this helpful?" form. */
@Controller
class ArticleController {

    static final String VOTER_COOKIE = "al_voter";

    private final ArticleManagement articles;
    private final ArticlePages pages;
    private final ArticleStructuredData structuredData;

    ArticleController(ArticleManagement articles, ArticlePages pages, ArticleStructuredData structuredData) {
        this.articles = articles;
        this.pages = pages;
        this.structuredData = structuredData;
    }

    @GetMapping("/articles/{slug}")
    String article(
            @PathVariable String slug,
            @RequestParam(required = false) String feedback,
            Authentication authentication,
            HttpServletRequest request,
            Model model) {
        ArticleDetails article =
                pages.article(slug, Roles.seesInternal(authentication)).orElseThrow(() -> notFound(slug, request));
        model.addAttribute("article", article);
        model.addAttribute("structuredData", structuredData.jsonLd(article));
        model.addAttribute("page", PageMeta.article(article.title(), article.summary(), article.url()));
        // after a "No", the reader is offered a way to a person (as Zendesk does)
        model.addAttribute("feedbackState", "thanks".equals(feedback) || "sorry".equals(feedback) ? feedback : null);
        return "knowledge/article";
    }

    @PostMapping("/articles/{slug}/feedback")
    String feedback(
            @PathVariable String slug,
            @RequestParam String helpful,
            @RequestParam(required = false) String comment,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response) {
        boolean yes = switch (helpful) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "helpful must be yes or no");
        };
        String voter = voterToken(request, response);
        if (!articles.recordFeedback(slug, voter, yes, comment, Roles.seesInternal(authentication))) {
            throw notFound(slug, request);
        }
        return "redirect:/articles/" + slug + "?feedback=" + (yes ? "thanks" : "sorry") + "#feedback";
    }

    /** An anonymous random token per browser, so each browser has one vote per article. */
    static String voterToken(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            var existing = Arrays.stream(request.getCookies())
                    .filter(cookie -> VOTER_COOKIE.equals(cookie.getName()))
                    .map(Cookie::getValue)
                    .filter(value -> value.matches("[0-9a-f-]{36}"))
                    .findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String token = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(VOTER_COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
        return token;
    }

    private ResponseStatusException notFound(String slug, HttpServletRequest request) {
        String reason = articles.isArchived(slug)
                ? "This article has been archived and is no longer available."
                : "We couldn't find that article.";
        request.setAttribute(PageMeta.ERROR_MESSAGE_ATTRIBUTE, reason);
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }
}

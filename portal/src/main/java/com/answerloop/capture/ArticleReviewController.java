package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.knowledge.ArticleReview;
import com.answerloop.knowledge.ArticleReviews;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The editor's review-date actions on an article's editor page: verify it, or set its owner and interval. */
@Controller
class ArticleReviewController {

    private final ArticleReviews reviews;
    private final AccountManagement accounts;

    ArticleReviewController(ArticleReviews reviews, AccountManagement accounts) {
        this.reviews = reviews;
        this.accounts = accounts;
    }

    @PostMapping("/editor/articles/{slug}/verify")
    String verify(@PathVariable String slug, RedirectAttributes redirect) {
        return act(slug, redirect, () -> {
            ArticleReview review = reviews.verify(slug, editor().email());
            return "Verified: readers see it was checked today; the next review is due on " + review.dueOn() + ".";
        });
    }

    @PostMapping("/editor/articles/{slug}/review-terms")
    String terms(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") String interval,
            RedirectAttributes redirect) {
        return act(slug, redirect, () -> {
            ArticleReview review = reviews.setTerms(slug, owner, interval, editor().email());
            return "Review terms saved: reviewed every " + review.everyDays() + " days, next due on " + review.dueOn()
                    + ".";
        });
    }

    private String act(String slug, RedirectAttributes redirect, Supplier<String> action) {
        if (!reviews.exists(slug)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article.");
        }
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (ArticleProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:/editor/articles/" + slug + "#review-heading";
    }

    private UserAccount editor() {
        return accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}

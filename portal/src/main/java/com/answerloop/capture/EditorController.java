package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleHistory;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.knowledge.ArticleReviews;
import com.answerloop.knowledge.ArticleState;
import com.answerloop.knowledge.EditorialManagement;
import com.answerloop.knowledge.ReaderComment;
import com.answerloop.search.SearchManagement;
import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutgoingMail;
import com.answerloop.shared.web.PageMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' review queue ({@code /editor/**}, role editor): drafts waiting for validation, and published articles
 * whose flags or "No" votes pile up ("reuse is review"), worst first; approve, send back with a comment (the author
 * is emailed), version history with a diff, rollback, and export to kb-content format.
 */
@Controller
class EditorController {

    private final ArticleManagement articles;
    private final EditorialManagement editorial;
    private final ContentStandard standard;
    private final ArticleLinks cases;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final PortalSettings portal;
    private final ArticleReviews reviews;
    private final SearchManagement search;

    EditorController(
            ArticleManagement articles,
            EditorialManagement editorial,
            ContentStandard standard,
            ArticleLinks cases,
            AccountManagement accounts,
            Mailer mailer,
            PortalSettings portal,
            ArticleReviews reviews,
            SearchManagement search) {
        this.articles = articles;
        this.editorial = editorial;
        this.standard = standard;
        this.cases = cases;
        this.accounts = accounts;
        this.mailer = mailer;
        this.portal = portal;
        this.reviews = reviews;
        this.search = search;
    }

    /**
     * One line of the queue with the numbers editors weigh.
     *
     * @param comments what readers wrote with a "No" vote, newest first
     */
    record QueueItem(
            ArticleDraft article,
            List<FlagView> flags,
            ReuseStats reuse,
            int attention,
            List<ReaderComment> comments) {}

    @GetMapping({"/editor", "/editor/review"})
    String queue(Model model) {
        Map<String, List<FlagView>> flags =
                cases.openFlags().stream().collect(Collectors.groupingBy(FlagView::documentKey));
        Map<String, ReuseStats> reuse = cases.reuse();
        List<QueueItem> drafts = new ArrayList<>();
        for (ArticleDraft draft : articles.inState(ArticleState.NOT_VALIDATED)) {
            drafts.add(item(draft, flags, reuse));
        }
        // KCS "reuse is review": a not validated article agents keep linking to cases is validated first.
        drafts.sort(Comparator.comparingLong(
                        (QueueItem q) -> q.reuse() == null ? 0 : -q.reuse().linkCount())
                .thenComparingInt(q -> -q.flags().size())
                .thenComparing(q -> q.article().modifiedAt()));
        List<QueueItem> published = new ArrayList<>();
        for (ArticleDraft article : articles.inState(ArticleState.PUBLISHED)) {
            published.add(item(article, flags, reuse));
        }
        // A reader who said why an article failed them is worth an editor's look even before the votes pile up.
        List<QueueItem> attention = new ArrayList<>(withComments(published).stream()
                .filter(item -> item.attention() > 0 || !item.comments().isEmpty())
                .toList());
        attention.sort(Comparator.comparingInt(QueueItem::attention)
                .thenComparingInt(item -> item.comments().size())
                .reversed());
        model.addAttribute("page", PageMeta.website("Review queue", null, null));
        model.addAttribute("drafts", withComments(drafts));
        model.addAttribute("attention", attention);
        model.addAttribute("dueForReview", reviews.due());
        return "capture/editor-queue";
    }

    @GetMapping("/editor/articles/{slug}")
    String article(@PathVariable String slug, @RequestParam(required = false) Integer diff, Model model) {
        ArticleDraft draft = articles.draft(slug).orElseThrow(EditorController::notFound);
        Map<String, List<FlagView>> flags =
                cases.openFlags().stream().collect(Collectors.groupingBy(FlagView::documentKey));
        List<ArticleHistory> history = articles.versions(slug);
        model.addAttribute("page", PageMeta.website("Review: " + draft.title(), null, null));
        model.addAttribute(
                "item", withComments(List.of(item(draft, flags, cases.reuse()))).getFirst());
        model.addAttribute("standardProblems", standard.problems(draft));
        model.addAttribute("review", reviews.of(slug).orElseThrow());
        model.addAttribute("history", history);
        model.addAttribute("phrasings", search.learnedPhrasings(draft.id()));
        if (diff != null && history.stream().anyMatch(h -> h.number() == diff)) {
            model.addAttribute("diffFrom", diff);
            model.addAttribute("diff", LineDiff.between(articles.versionBody(slug, diff), draft.body()));
        }
        return "capture/editor-article";
    }

    @PostMapping("/editor/articles/{slug}/approve")
    String approve(@PathVariable String slug, RedirectAttributes redirect) {
        return act(slug, redirect, "Validated and published.", () -> {
            if (!standard.approve(slug).isEmpty()) {
                throw new ArticleProblem(
                        "Not published: the article does not meet the content standard yet (see" + " the list below).");
            }
        });
    }

    @PostMapping("/editor/articles/{slug}/archive")
    String archive(@PathVariable String slug, RedirectAttributes redirect) {
        return act(
                slug, redirect, "Archived: removed from the knowledge base and search.", () -> articles.archive(slug));
    }

    /** Puts the article on the home page's promoted list or takes it off (also {@code promoted:} in its file). */
    @PostMapping("/editor/articles/{slug}/promotion")
    String promotion(
            @PathVariable String slug,
            @RequestParam(defaultValue = "false") boolean promoted,
            RedirectAttributes redirect) {
        if (!editorial.promote(slug, promoted, editor().email())) {
            throw notFound();
        }
        redirect.addFlashAttribute(
                "message",
                promoted
                        ? "Promoted: listed on the home page until readers' visits decide what is popular."
                        : "No longer promoted on the home page.");
        return "redirect:/editor/articles/" + slug;
    }

    @PostMapping("/editor/articles/{slug}/send-back")
    String sendBack(
            @PathVariable String slug, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        if (comment.isBlank()) {
            redirect.addFlashAttribute("error", "Tell the author what to change.");
            return "redirect:/editor/articles/" + slug;
        }
        UserAccount editor = editor();
        return act(slug, redirect, "Sent back to the author.", () -> {
            String author = articles.sendBack(slug);
            ArticleDraft draft = articles.draft(slug).orElseThrow();
            if (author != null && author.contains("@")) {
                mailer.send(new OutgoingMail(author, "Your article needs changes: " + draft.title(), """
                        Hello,

                        %s reviewed your article "%s" and sent it back with this comment:

                        %s

                        Revise it and submit it again: %s
                        """.formatted(
                                editor.displayName(),
                                draft.title(),
                                comment.strip(),
                                portal.absoluteUrl("/agent/articles/" + slug))));
            }
        });
    }

    @PostMapping("/editor/articles/{slug}/rollback")
    String rollback(@PathVariable String slug, @RequestParam int version, RedirectAttributes redirect) {
        UserAccount editor = editor();
        return act(
                slug,
                redirect,
                "Rolled back to version " + version + " (as a new version).",
                () -> articles.rollback(slug, version, editor.email()));
    }

    @PostMapping("/editor/flags/{id}/resolve")
    String resolveFlag(@PathVariable long id, RedirectAttributes redirect) {
        cases.resolveFlag(id, editor().displayName());
        redirect.addFlashAttribute("message", "Flag resolved.");
        return "redirect:/editor/review";
    }

    @GetMapping("/editor/articles/{slug}/export")
    ResponseEntity<String> export(@PathVariable String slug) {
        String file = articles.exportAnyState(slug).orElseThrow(EditorController::notFound);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + slug + ".md\"")
                .body(file);
    }

    /** Takes a learned phrasing off the article for good: search no longer finds the article by it. */
    @PostMapping("/editor/articles/{slug}/phrasings/remove")
    String removePhrasing(@PathVariable String slug, @RequestParam String phrasing, RedirectAttributes redirect) {
        ArticleDraft draft = articles.draft(slug).orElseThrow(EditorController::notFound);
        if (search.removePhrasing(draft.id(), phrasing, editor().email())) {
            redirect.addFlashAttribute(
                    "message", "Removed \u201c" + phrasing + "\u201d: it will not be learned again.");
        } else {
            redirect.addFlashAttribute("error", "The article has no such phrasing.");
        }
        return "redirect:/editor/articles/" + slug;
    }

    private String act(String slug, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (ArticleProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:/editor/articles/" + slug;
    }

    private static QueueItem item(
            ArticleDraft draft, Map<String, List<FlagView>> flags, Map<String, ReuseStats> reuse) {
        List<FlagView> open = flags.getOrDefault(draft.documentKey(), List.of());
        // Flags weigh more than votes: an agent saw the article fail a real customer.
        int attention = open.size() * 3 + Math.max(0, draft.helpfulNo() - draft.helpfulYes());
        return new QueueItem(draft, open, reuse.get(draft.documentKey()), attention, List.of());
    }

    /** The items with the comments readers left with their "No" votes (one query for the whole list). */
    private List<QueueItem> withComments(List<QueueItem> items) {
        Map<Long, List<ReaderComment>> comments = editorial.readerComments(
                items.stream().map(item -> item.article().id()).toList());
        return items.stream()
                .map(item -> new QueueItem(
                        item.article(),
                        item.flags(),
                        item.reuse(),
                        item.attention(),
                        comments.getOrDefault(item.article().id(), List.of())))
                .toList();
    }

    private UserAccount editor() {
        return accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article.");
    }
}

package com.answerloop.analytics;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.NewArticle;
import com.answerloop.shared.web.PageMeta;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** The insights pages for editors and admins: one page per area, a period picker, and a CSV export of every table. */
@Controller
class InsightsController {

    private final Insights insights;
    private final AnalyticsBuffer buffer;
    private final ArticleManagement articles;
    private final AccountManagement accounts;

    InsightsController(
            Insights insights, AnalyticsBuffer buffer, ArticleManagement articles, AccountManagement accounts) {
        this.insights = insights;
        this.buffer = buffer;
        this.articles = articles;
        this.accounts = accounts;
    }

    @GetMapping("/admin/insights")
    String overview(
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        return area("overview", days, from, to, model);
    }

    @GetMapping("/admin/insights/{area}")
    String area(
            @PathVariable String area,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        if (!Insights.AREAS.contains(area)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate today = buffer.today();
        Period period;
        try {
            period = Period.parse(days, from, to, today);
        } catch (Period.Invalid invalid) {
            model.addAttribute("periodError", invalid.getMessage() + " Showing the last " + Period.DEFAULT + " days.");
            period = Period.last(Period.DEFAULT, today);
        }
        InsightsPage page = insights.area(area, period);
        model.addAttribute("page", PageMeta.website("Insights: " + page.title(), null, null));
        model.addAttribute("insights", page);
        model.addAttribute("period", period);
        model.addAttribute("periods", Period.CHOICES);
        model.addAttribute("areas", Insights.AREAS);
        // what the visitor typed goes back into the form, so a typo can be corrected rather than retyped
        model.addAttribute("fromInput", from == null ? (period.custom() ? period.from() : "") : from);
        model.addAttribute("toInput", to == null ? (period.custom() ? period.to() : "") : to);
        return "analytics/insights";
    }

    @GetMapping(path = "/admin/insights/{area}/{table}.csv")
    ResponseEntity<String> csv(
            @PathVariable String area,
            @PathVariable String table,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (!Insights.AREAS.contains(area)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Period period;
        try {
            period = Period.parse(days, from, to, buffer.today());
        } catch (Period.Invalid invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage());
        }
        InsightsPage page = insights.area(area, period);
        InsightsPage.Table found = page.table(table);
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String filename = "insights-" + area + "-" + table + "-" + page.from() + "-" + page.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(CsvTable.of(found));
    }

    /** "Write an article" on a content gap: a draft titled after the gap, opened in the editor. */
    @PostMapping("/admin/insights/content-gaps/draft")
    String draft(@RequestParam String topic) {
        UserAccount editor =
                accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        String stripped = topic.strip();
        // a gap label is a stored query (at most 200 characters); a title longer than a headline helps nobody
        String title = stripped.isEmpty() ? "New article" : stripped.substring(0, Math.min(stripped.length(), 120));
        String body = "Customers looked for \"" + title + "\" up to " + buffer.today() + " and found no article.\n\n"
                + "## Answer\n\n";
        String slug = articles.createDraft(
                new NewArticle(
                        Character.toUpperCase(title.charAt(0)) + title.substring(1), "", body, List.of(), null, null),
                editor.email(),
                false);
        return "redirect:/editor/articles/" + slug;
    }
}

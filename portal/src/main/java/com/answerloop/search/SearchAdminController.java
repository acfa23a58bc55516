package com.answerloop.search;

import com.answerloop.shared.web.PageMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of search: index status and rebuild with progress, and the search reports for a period. */
@Controller
class SearchAdminController {

    static final List<Integer> PERIODS = List.of(1, 7, 30, 90);

    /**
     * A report row as shown: the query with personal data masked, linked to its results only when nothing was masked
     * and there is text to link.
     */
    record ReportRow(String query, boolean linked, long searches, long hits, long clicks) {}

    private final IndexKeeper keeper;
    private final SearchLogs logs;
    private final QueryPrivacy privacy;

    SearchAdminController(IndexKeeper keeper, SearchLogs logs, QueryPrivacy privacy) {
        this.keeper = keeper;
        this.logs = logs;
        this.privacy = privacy;
    }

    @GetMapping("/admin/search")
    String status(@RequestParam(defaultValue = "7") String days, Model model) {
        int period = parsePeriod(days);
        Instant since = Instant.now().minus(Duration.ofDays(period));
        IndexKeeper.RebuildStatus status = keeper.status();
        model.addAttribute(
                "page", PageMeta.website("Search administration", "Search index and reports.", "/admin/search"));
        model.addAttribute("status", status);
        model.addAttribute("documents", keeper.index().documentCount());
        model.addAttribute(
                "indexPath", keeper.index().path().toAbsolutePath().normalize().toString());
        model.addAttribute(
                "synonymsPath",
                keeper.synonyms().file().toAbsolutePath().normalize().toString());
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        int visitors = privacy.minVisitors();
        model.addAttribute("minVisitors", visitors);
        model.addAttribute("topQueries", rows(logs.topQueries(since, visitors, 25)));
        model.addAttribute("zeroResults", rows(logs.zeroResultQueries(since, visitors, 25)));
        model.addAttribute("noClicks", rows(logs.queriesWithoutClicks(since, visitors, 25)));
        return "search/admin";
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild(RedirectAttributes redirect) {
        boolean started = keeper.rebuild("requested by an administrator", false);
        redirect.addFlashAttribute("message", started ? "Rebuild started." : "A rebuild is already running.");
        return "redirect:/admin/search";
    }

    private List<ReportRow> rows(List<SearchLogs.QueryStat> stats) {
        return stats.stream()
                .map(stat -> {
                    String shown = privacy.masked(stat.query());
                    boolean linked = shown.equals(stat.query()) && !shown.isBlank();
                    return new ReportRow(
                            shown.isBlank() ? "(blank query)" : shown,
                            linked,
                            stat.searches(),
                            stat.hits(),
                            stat.clicks());
                })
                .toList();
    }

    private static int parsePeriod(String days) {
        try {
            int value = Integer.parseInt(days.strip());
            return PERIODS.contains(value) ? value : 7;
        } catch (NumberFormatException e) {
            return 7;
        }
    }
}

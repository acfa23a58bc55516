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

    private final IndexKeeper keeper;
    private final SearchLogs logs;

    SearchAdminController(IndexKeeper keeper, SearchLogs logs) {
        this.keeper = keeper;
        this.logs = logs;
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
        model.addAttribute("topQueries", logs.topQueries(since, 25));
        model.addAttribute("zeroResults", logs.zeroResultQueries(since, 25));
        model.addAttribute("noClicks", logs.queriesWithoutClicks(since, 25));
        return "search/admin";
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild(RedirectAttributes redirect) {
        boolean started = keeper.rebuild("requested by an administrator", false);
        redirect.addFlashAttribute("message", started ? "Rebuild started." : "A rebuild is already running.");
        return "redirect:/admin/search";
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

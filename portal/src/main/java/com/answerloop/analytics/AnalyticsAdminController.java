package com.answerloop.analytics;

import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** For admins: rebuild the analytics read models from their source tables, and watch its progress. */
@Controller
class AnalyticsAdminController {

    private final AnalyticsRebuild rebuild;

    AnalyticsAdminController(AnalyticsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @GetMapping("/admin/analytics")
    String status(Model model) {
        model.addAttribute("page", PageMeta.website("Analytics read models", null, null));
        model.addAttribute("progress", rebuild.progress());
        return "analytics/admin";
    }

    @PostMapping("/admin/analytics/rebuild")
    String rebuild(RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                rebuild.start()
                        ? "The rebuild has started; reload this page to follow it."
                        : "A rebuild is already running; it was not started again.");
        return "redirect:/admin/analytics";
    }
}

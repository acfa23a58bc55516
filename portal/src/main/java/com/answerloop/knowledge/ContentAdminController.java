package com.answerloop.knowledge;

import com.answerloop.shared.cluster.LockedRun;
import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for kb-content: the last import's summary and problems, "Import now", exports. */
@Controller
class ContentAdminController {

    private final ArticleManagement articles;

    ContentAdminController(ArticleManagement articles) {
        this.articles = articles;
    }

    @GetMapping("/admin/content")
    String content(Model model) {
        model.addAttribute("lastImport", articles.lastImport().orElse(null));
        model.addAttribute("articles", articles.articles(org.springframework.data.domain.PageRequest.of(0, 500), true));
        model.addAttribute("page", PageMeta.website("Knowledge base content", "Import and export kb-content", null));
        return "knowledge/admin-content";
    }

    @PostMapping("/admin/content/import")
    String importNow(RedirectAttributes redirect) {
        switch (articles.importContent("admin")) {
            case LockedRun.Done<ImportResult> done ->
                redirect.addFlashAttribute(
                        "message", "Import finished: " + done.result().summary());
            case LockedRun.Refused<ImportResult> refused ->
                redirect.addFlashAttribute("refused", OneImportAtATime.refusal(refused));
        }
        return "redirect:/admin/content";
    }
}

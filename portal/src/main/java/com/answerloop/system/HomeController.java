package com.answerloop.system;

import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.shared.web.PageMeta;
import com.answerloop.shared.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The help center's front door: search first, then categories, popular and recent articles. */
@Controller
class HomeController {

    private static final int LIST_SIZE = 6;

    private final ArticleManagement articles;

    HomeController(ArticleManagement articles) {
        this.articles = articles;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        boolean internal = Viewer.canSeeInternal(authentication);
        model.addAttribute("categories", articles.categories(internal));
        model.addAttribute("popular", articles.popular(LIST_SIZE, internal));
        model.addAttribute("recent", articles.recentlyUpdated(LIST_SIZE, internal));
        model.addAttribute("hideHeaderSearch", true);
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Help center", "Answers to your questions: search the help center or browse by topic.", "/"));
        return "system/home";
    }
}

package com.answerloop.system;

import com.answerloop.accounts.Roles;
import com.answerloop.analytics.ArticleReadership;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.HomeArticles;
import com.answerloop.shared.web.PageMeta;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The help center's front door: search first, then categories, popular and recent articles. */
@Controller
class HomeController {

    private static final int LIST_SIZE = 6;
    // An article is popular once customers opened it this many times in the last 30 days; below that, a handful of
    // visits would decide the list, and editors' promoted articles stand in.
    private static final int POPULAR_DAYS = 30;
    private static final int POPULAR_MIN_READS = 10;

    private final ArticleManagement articles;
    private final HomeArticles lists;
    private final ArticleReadership readership;

    HomeController(ArticleManagement articles, HomeArticles lists, ArticleReadership readership) {
        this.articles = articles;
        this.lists = lists;
        this.readership = readership;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        boolean internal = Roles.seesInternal(authentication);
        model.addAttribute("categories", articles.categories(internal));
        model.addAttribute(
                "popular",
                lists.popular(
                        LIST_SIZE,
                        internal,
                        readership.mostReadByCustomers(POPULAR_DAYS, POPULAR_MIN_READS, 3 * LIST_SIZE)));
        model.addAttribute("recent", lists.recentlyUpdated(LIST_SIZE, internal));
        model.addAttribute("hideHeaderSearch", true);
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Help center", "Answers to your questions: search the help center or browse by topic.", "/"));
        return "system/home";
    }
}

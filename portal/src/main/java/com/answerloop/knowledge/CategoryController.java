package com.answerloop.knowledge;

import com.answerloop.accounts.Roles;
import com.answerloop.shared.web.PageMeta;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Browsing the help center by category and section. */
@Controller
class CategoryController {

    private final ArticleManagement articles;

    CategoryController(ArticleManagement articles) {
        this.articles = articles;
    }

    @GetMapping("/categories")
    String categories(Authentication authentication, Model model) {
        model.addAttribute("categories", articles.categories(Roles.seesInternal(authentication)));
        model.addAttribute(
                "page", PageMeta.website("All categories", "Browse every topic of the help center.", "/categories"));
        return "knowledge/categories";
    }

    @GetMapping("/categories/{category}")
    String category(@PathVariable String category, Authentication authentication, Model model) {
        return show(category, authentication, model);
    }

    @GetMapping("/categories/{category}/{section}")
    String section(
            @PathVariable String category, @PathVariable String section, Authentication authentication, Model model) {
        return show(category + "/" + section, authentication, model);
    }

    private String show(String path, Authentication authentication, Model model) {
        CategoryPage page = articles.category(path, Roles.seesInternal(authentication))
                .filter(found -> found.articleCount() > 0)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "We couldn't find that category."));
        model.addAttribute("category", page);
        model.addAttribute(
                "page",
                PageMeta.website(
                        page.title(),
                        page.description().isBlank() ? "Articles about " + page.title() : page.description(),
                        page.url()));
        return "knowledge/category";
    }
}

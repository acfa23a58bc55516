package com.answerloop.community;

import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators create and edit the forum's topics. */
@Controller
class TopicAdminController {

    private final TopicAdministration topics;
    private final CurrentActor actors;

    TopicAdminController(TopicAdministration topics, CurrentActor actors) {
        this.topics = topics;
        this.actors = actors;
    }

    @GetMapping("/admin/community/topics")
    String topics(Model model) {
        model.addAttribute("topics", topics.topics());
        model.addAttribute("page", PageMeta.website("Community topics", null, null));
        return "community/admin-topics";
    }

    @PostMapping("/admin/community/topics")
    String save(
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String slug,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(defaultValue = "0") int position) {
        topics.saveTopic(actors.required(), actors.isAdmin(), id, slug, title, description, position);
        return "redirect:/admin/community/topics";
    }
}

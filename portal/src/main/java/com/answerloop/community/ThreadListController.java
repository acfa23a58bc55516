package com.answerloop.community;

import com.answerloop.shared.web.PageMeta;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The forum's thread lists: all threads, a topic's and a tag's. */
@Controller
class ThreadListController {

    private final ThreadPages pages;
    private final TopicAdministration topics;
    private final Subscriptions subscriptions;
    private final CurrentActor actors;

    ThreadListController(
            ThreadPages pages, TopicAdministration topics, Subscriptions subscriptions, CurrentActor actors) {
        this.pages = pages;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.actors = actors;
    }

    @GetMapping("/community")
    String home(@RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute(
                "page",
                PageMeta.website("Community", "Questions and answers from the Answerloop community.", "/community"));
        model.addAttribute("topics", topics.topics());
        return list(model, null, null, ListSort.parse(sort), page, "/community");
    }

    @GetMapping("/community/topics/{slug}")
    String topic(
            @PathVariable String slug,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        TopicView topic = pages.topic(slug).orElseThrow(() -> CommunityProblem.notFound("topic"));
        model.addAttribute("topic", topic);
        model.addAttribute(
                "page",
                PageMeta.website(
                        topic.title() + " · Community",
                        topic.description() == null ? "Questions about " + topic.title() : topic.description(),
                        topic.url()));
        model.addAttribute(
                "followingTopic", subscriptions.followsTopic(actors.current().orElse(null), slug));
        return list(model, slug, null, ListSort.parse(sort), page, topic.url());
    }

    @GetMapping("/community/tags/{tag}")
    String tag(
            @PathVariable String tag,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("tag", tag);
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Questions tagged " + tag,
                        "Community questions tagged " + tag + ".",
                        "/community/tags/" + tag));
        return list(model, null, tag, ListSort.parse(sort), page, "/community/tags/" + tag);
    }

    private String list(Model model, String topic, String tag, ListSort sort, int page, String path) {
        Page<ThreadSummary> threadsPage = pages.list(topic, tag, sort, page - 1);
        model.addAttribute("threads", threadsPage);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", ListSort.values());
        model.addAttribute("listPath", path);
        return "community/list";
    }
}

package com.answerloop.community;

import com.answerloop.shared.web.PageMeta;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A member's notifications, topic follows, and the email settings including the one-click unsubscribe page. */
@Controller
class NotificationController {

    private final Subscriptions subscriptions;
    private final CurrentActor actors;

    NotificationController(Subscriptions subscriptions, CurrentActor actors) {
        this.subscriptions = subscriptions;
        this.actors = actors;
    }

    @PostMapping("/community/topics/{slug}/follow")
    String followTopic(@PathVariable String slug, @RequestParam(defaultValue = "true") boolean follow) {
        subscriptions.followTopic(actors.required(), slug, follow);
        return "redirect:/community/topics/" + slug;
    }

    @GetMapping("/community/notifications")
    String notifications(@RequestParam(defaultValue = "1") int page, Model model) {
        Optional<Actor> actor = actors.current();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute(
                "notifications", subscriptions.notifications(actor.get().id(), page - 1));
        model.addAttribute("mailEnabled", subscriptions.mailEnabled(actor.get().id()));
        model.addAttribute("page", PageMeta.website("Notifications", null, "/community/notifications"));
        return "community/notifications";
    }

    @PostMapping("/community/notifications/read")
    String markRead() {
        subscriptions.markAllRead(actors.required().id());
        return "redirect:/community/notifications";
    }

    @PostMapping("/community/notifications/mail")
    String mailSetting(@RequestParam boolean enabled) {
        subscriptions.setMail(actors.required().id(), enabled);
        return "redirect:/community/notifications";
    }

    @GetMapping("/community/unsubscribe")
    String unsubscribeForm(@RequestParam(defaultValue = "") String token, Model model) {
        return unsubscribePage(model, token, subscriptions.knownUnsubscribeToken(token), false);
    }

    @PostMapping("/community/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        boolean done = subscriptions.setMail(token, false);
        return unsubscribePage(model, token, done, done);
    }

    private static String unsubscribePage(Model model, String token, boolean known, boolean done) {
        model.addAttribute("token", token);
        model.addAttribute("known", known);
        model.addAttribute("done", done);
        model.addAttribute("page", PageMeta.website("Unsubscribe", null, null));
        return "community/unsubscribe";
    }
}

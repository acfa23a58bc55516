package com.answerloop.community;

import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The leaderboard and the page explaining reputation, badges and trust levels. */
@Controller
class RecognitionController {

    private final Reputation reputation;
    private final CurrentActor actors;
    private final CommunitySettings settings;

    RecognitionController(Reputation reputation, CurrentActor actors, CommunitySettings settings) {
        this.reputation = reputation;
        this.actors = actors;
        this.settings = settings;
    }

    @GetMapping("/community/leaderboard")
    String leaderboard(@RequestParam(defaultValue = "month") String period, Model model) {
        boolean month = !"all".equals(period);
        model.addAttribute("month", month);
        model.addAttribute("leaders", reputation.leaderboard(month, 50));
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Leaderboard",
                        "Members who helped most in the Answerloop community.",
                        "/community/leaderboard"));
        return "community/leaderboard";
    }

    @GetMapping("/community/help")
    String help(Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("badges", Badge.values());
        model.addAttribute(
                "myLevel",
                actors.current().map(a -> reputation.trustLevel(a.id())).orElse(null));
        model.addAttribute(
                "myReputation",
                actors.current().map(a -> reputation.reputationOf(a.id())).orElse(null));
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Reputation and privileges",
                        "How reputation, badges and trust levels work in the Answerloop community.",
                        "/community/help"));
        return "community/help";
    }
}

package com.answerloop.accounts;

import com.answerloop.shared.web.PageMeta;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public profile pages. Reputation and badges come from the community module through {@link ProfileHighlights}; until
 * one is present they show 0 and none.
 */
@Controller
class ProfileController {

    private static final DateTimeFormatter JOINED =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final AccountManagement accounts;
    private final List<ProfileHighlights> highlights;

    ProfileController(AccountManagement accounts, List<ProfileHighlights> highlights) {
        this.accounts = accounts;
        this.highlights = highlights;
    }

    @GetMapping("/users/{id}")
    String profile(@PathVariable long id, Model model) {
        Account account = accounts.account(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user"));
        String name = account.displayName();
        model.addAttribute("page", PageMeta.website(name, "Profile of " + name + " on Answerloop.", "/users/" + id));
        model.addAttribute("displayName", name);
        model.addAttribute("about", account.about());
        model.addAttribute(
                "joinedIso",
                DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(account.createdAt()));
        model.addAttribute("joinedText", JOINED.format(account.createdAt()));
        model.addAttribute("suspended", account.suspended());
        model.addAttribute(
                "reputation",
                highlights.stream().mapToLong(h -> h.reputationOf(id)).sum());
        model.addAttribute(
                "badges",
                highlights.stream().flatMap(h -> h.badgesOf(id).stream()).toList());
        return "accounts/profile";
    }
}

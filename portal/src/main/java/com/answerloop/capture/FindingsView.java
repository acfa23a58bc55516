package com.answerloop.capture;

import java.util.List;
import org.springframework.ui.Model;

/** Model attributes of the "personal data found in your edit" fieldset shared by the capture and draft editors. */
final class FindingsView {

    private FindingsView() {}

    static void addTo(Model model, List<Detection> findings, PersonalDataDecisions review) {
        model.addAttribute("findings", findings);
        model.addAttribute("keptValues", review.kept());
        // values decided earlier and not kept: they stay masked
        model.addAttribute(
                "maskedValues",
                review.reviewed().stream()
                        .filter(v -> !review.kept().contains(v))
                        .filter(v -> findings.stream().noneMatch(d -> d.text().equals(v)))
                        .toList());
    }
}

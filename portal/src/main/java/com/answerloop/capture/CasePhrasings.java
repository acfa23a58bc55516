package com.answerloop.capture;

import com.answerloop.cases.CaseManagement;
import com.answerloop.search.SearchManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Search that learns from the loop, the agents' half: when an agent links an article to a case, the case's subject
 * and the words the customer searched before writing are ways people ask for that article. The customer's name is
 * scrubbed here, where it is known, before the search module sees them (which keeps no text with personal data in
 * it); the case is their source, so one case counts once however many phrasings it gives.
 */
@Component
class CasePhrasings {

    private final CaseManagement cases;
    private final PiiScrubber scrubber;
    private final SearchManagement search;

    CasePhrasings(CaseManagement cases, CaptureSettings settings, SearchManagement search) {
        this.cases = cases;
        this.scrubber = new PiiScrubber(settings.compiledAccountPatterns());
        this.search = search;
    }

    @ApplicationModuleListener
    void on(ArticleLinkedToCase event) {
        cases.caseForAgent(event.caseReference()).ifPresent(view -> {
            List<String> names = new ArrayList<>();
            if (view.customerName() != null) {
                names.add(view.customerName());
            }
            List<String> phrasings = new ArrayList<>();
            phrasings.add(view.subject());
            if (view.searchedWords() != null) {
                // the searches before the request, joined by " | " (CaseOpened)
                phrasings.addAll(List.of(view.searchedWords().split(" \\| ")));
            }
            for (String phrasing : phrasings) {
                if (phrasing != null && !phrasing.isBlank()) {
                    String scrubbed = PiiScrubber.apply(phrasing, scrubber.detect(phrasing, names), Set.of());
                    search.learnPhrasing(event.documentKey(), scrubbed, "case:" + view.reference());
                }
            }
        });
    }
}

package com.answerloop.capture;

import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CaseManagement;
import com.answerloop.cases.CaseView;
import com.answerloop.cases.MessageKind;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.NewArticle;
import com.answerloop.knowledge.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a solved case into an article draft in the KCS template (Issue in the customer's words, Environment,
 * Resolution, Cause) with personal data scrubbed. The agent reviews each detection and may keep it; everything else
 * is masked, and the final text is scrubbed again on saving, so a draft never carries case personal data the agent
 * did not explicitly keep.
 */
@Service
public class CaptureManagement {

    private final CaseManagement cases;
    private final ArticleManagement articles;
    private final PiiScrubber scrubber;

    CaptureManagement(CaseManagement cases, ArticleManagement articles, CaptureSettings settings) {
        this.cases = cases;
        this.articles = articles;
        this.scrubber = new PiiScrubber(settings.compiledAccountPatterns());
    }

    /** The scrubber configured for this portal. */
    public PiiScrubber scrubber() {
        return scrubber;
    }

    /** The template filled from the case, with detections; empty when there is no such case. */
    public Optional<CaptureProposal> propose(String reference) {
        return cases.caseForAgent(reference).map(this::proposal);
    }

    /** The proposal's text with every detection masked except those at the kept indexes. */
    public String scrubbed(CaptureProposal proposal, Collection<Integer> keptIndexes) {
        return PiiScrubber.apply(proposal.text(), proposal.detections(), keptTexts(proposal, keptIndexes));
    }

    /**
     * Saves the edited draft for review (state not validated). The text is scrubbed once more: anything the scrubber
     * finds, and any value it found in the case, is masked unless the agent kept it.
     *
     * @return the new article's slug
     */
    @Transactional
    public String capture(
            String reference, String title, String body, Collection<Integer> keptIndexes, UserAccount agent) {
        CaptureProposal proposal = propose(reference).orElseThrow(() -> new IllegalArgumentException("no case"));
        Set<String> kept = keptTexts(proposal, keptIndexes);
        String cleanTitle = clean(title, proposal, kept);
        String cleanBody = clean(body, proposal, kept);
        return articles.createDraft(
                new NewArticle(cleanTitle, null, cleanBody, List.of("captured"), Visibility.PUBLIC, null),
                agent.email(),
                true);
    }

    String clean(String text, CaptureProposal proposal, Set<String> kept) {
        String value = text == null ? "" : text;
        CaseView view = cases.caseForAgent(proposal.reference()).orElseThrow();
        String once = PiiScrubber.apply(value, scrubber.detect(value, names(view)), kept);
        // Values found in the case may hide in a context the detector reads differently: mask them literally too.
        for (Detection d : proposal.detections()) {
            if (!kept.contains(d.text()) && d.text().length() >= 3) {
                once = once.replace(d.text(), d.kind().placeholder());
            }
        }
        return once;
    }

    private CaptureProposal proposal(CaseView view) {
        String text = template(view);
        return new CaptureProposal(view.reference(), view.subject(), text, scrubber.detect(text, names(view)));
    }

    private static Set<String> keptTexts(CaptureProposal proposal, Collection<Integer> keptIndexes) {
        Set<String> kept = new HashSet<>();
        for (Integer index : keptIndexes) {
            if (index != null && index >= 0 && index < proposal.detections().size()) {
                kept.add(proposal.detections().get(index).text());
            }
        }
        return kept;
    }

    private static List<String> names(CaseView view) {
        List<String> names = new ArrayList<>();
        if (view.customerName() != null) {
            names.add(view.customerName());
        }
        return names;
    }

    /** The KCS structure, filled with the customer's own words and the agent's last public reply. */
    static String template(CaseView view) {
        StringBuilder issue = new StringBuilder();
        for (CaseView.Message m : view.customerMessages()) {
            issue.append(m.body().strip()).append("\n\n");
        }
        String resolution = view.messages().stream()
                .filter(m -> m.kind() == MessageKind.AGENT_REPLY)
                .reduce((first, second) -> second)
                .map(m -> m.body().strip())
                .orElse("_Describe the steps that solved it._");
        StringBuilder text = new StringBuilder();
        text.append("## Issue\n\n").append(issue);
        if (view.searchedWords() != null && !view.searchedWords().isBlank()) {
            text.append("Customers also describe this as: ")
                    .append(view.searchedWords().replace(" | ", "; "))
                    .append("\n\n");
        }
        text.append("## Environment\n\n")
                .append(view.category() == null ? "_Product, plan, platform, version._" : "Area: " + view.category())
                .append("\n\n");
        text.append("## Resolution\n\n").append(resolution).append("\n\n");
        text.append("## Cause\n\n_Why it happened, if known._\n");
        return text.toString();
    }
}

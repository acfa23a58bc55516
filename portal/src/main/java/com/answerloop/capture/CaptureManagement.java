package com.answerloop.capture;

import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CaseManagement;
import com.answerloop.cases.CaseView;
import com.answerloop.cases.MessageKind;
import com.answerloop.community.AcceptedAnswer;
import com.answerloop.community.ThreadManagement;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.knowledge.ArticleState;
import com.answerloop.knowledge.NewArticle;
import com.answerloop.knowledge.Visibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a solved case, or a community thread's accepted answer, into an article draft in the KCS template (Issue in
 * the customer's or asker's words, Environment, Resolution, Cause) with personal data scrubbed. The author reviews
 * each detection and may keep it; everything else is masked. Every later save (the capture editor, and revisions of
 * the draft) is scrubbed again: new findings are shown for keep or mask before anything is stored, so a draft never
 * carries personal data the author did not explicitly keep.
 */
@Service
public class CaptureManagement {

    static final String THREAD_PREFIX = "thread-";

    private final CaseManagement cases;
    private final ThreadManagement threads;
    private final ArticleManagement articles;
    private final CaptureSources sources;
    private final PiiScrubber scrubber;
    private final Clock clock;

    CaptureManagement(
            CaseManagement cases,
            ThreadManagement threads,
            ArticleManagement articles,
            CaptureSources sources,
            CaptureSettings settings,
            ObjectProvider<Clock> clock) {
        this.cases = cases;
        this.threads = threads;
        this.articles = articles;
        this.sources = sources;
        this.scrubber = new PiiScrubber(settings.compiledAccountPatterns());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The scrubber configured for this portal. */
    public PiiScrubber scrubber() {
        return scrubber;
    }

    /** The template filled from the case, with detections; empty when there is no such case. */
    public Optional<CaptureProposal> propose(String reference) {
        return cases.caseForAgent(reference).map(this::proposal);
    }

    /**
     * The template filled from a public thread's accepted answer (Issue = the question, Resolution = the answer),
     * with detections and the attribution the article will carry; empty without a visible accepted answer.
     */
    public Optional<CaptureProposal> proposeFromThread(long threadId) {
        return threads.acceptedAnswer(threadId).map(this::proposal);
    }

    /** The proposal's text with every detection masked except those at the kept indexes. */
    public String scrubbed(CaptureProposal proposal, Collection<Integer> keptIndexes) {
        return PiiScrubber.apply(proposal.text(), proposal.detections(), keptTexts(proposal, keptIndexes));
    }

    /** The proposal's title, scrubbed (nothing kept). */
    public String scrubbedTitle(CaptureProposal proposal) {
        String title = proposal.title();
        return PiiScrubber.apply(title, scrubber.detect(title, proposal.names()), Set.of());
    }

    /**
     * Saves the edited draft of a case for review (state not validated), unless the edit holds personal data not
     * reviewed yet (then nothing is saved and the outcome lists it).
     */
    @Transactional
    public CaptureOutcome capture(
            String reference,
            String title,
            String body,
            Collection<Integer> keptIndexes,
            Review review,
            UserAccount agent) {
        CaptureProposal proposal = propose(reference).orElseThrow(() -> new ArticleProblem("No such case."));
        return create(
                proposal,
                CaptureSource.Kind.CASE,
                proposal.reference(),
                null,
                title,
                body,
                keptIndexes,
                review,
                agent,
                List.of("captured"));
    }

    /** Like {@link #capture} for a thread's accepted answer; the article credits the thread and the answerer. */
    @Transactional
    public CaptureOutcome promote(
            long threadId,
            String title,
            String body,
            Collection<Integer> keptIndexes,
            Review review,
            UserAccount author) {
        AcceptedAnswer answer =
                threads.acceptedAnswer(threadId).orElseThrow(() -> new ArticleProblem("No accepted answer."));
        CaptureProposal proposal = proposal(answer);
        return create(
                proposal,
                CaptureSource.Kind.THREAD,
                String.valueOf(threadId),
                answer,
                title,
                body,
                keptIndexes,
                review,
                author,
                List.of("captured", "community"));
    }

    /**
     * A new version of the author's own draft, scrubbed again: values already in the saved draft were reviewed when
     * it was saved; anything new the scrubber finds (including the source case's data) must be kept or masked first.
     *
     * @param submit also submit work in progress for review
     */
    @Transactional
    public CaptureOutcome revise(
            String slug, String title, String body, Review review, boolean submit, UserAccount author) {
        ArticleDraft draft = articles.draft(slug).orElseThrow(() -> new ArticleProblem("No such draft."));
        Optional<CaptureSource> source = sources.findByArticleSlug(slug);
        Optional<CaptureProposal> origin = source.flatMap(this::proposalOf);
        List<String> names = origin.map(CaptureProposal::names).orElse(List.of());
        Set<String> alreadyKept = new HashSet<>(review.kept());
        for (Detection d : scrubber.detect(draft.title() + "\n" + draft.body(), names)) {
            alreadyKept.add(d.text());
        }
        Review decisions = new Review(alreadyKept, review.reviewed());
        List<Detection> unreviewed = unreviewed(title, body, names, decisions);
        if (!unreviewed.isEmpty()) {
            return CaptureOutcome.review(unreviewed);
        }
        String cleanTitle =
                clean(title, names, origin.map(CaptureProposal::detections).orElse(List.of()), alreadyKept);
        String cleanBody =
                clean(body, names, origin.map(CaptureProposal::detections).orElse(List.of()), alreadyKept);
        String attribution = origin.map(CaptureProposal::attribution).orElse(null);
        articles.reviseDraft(
                slug,
                new NewArticle(
                        cleanTitle, null, credited(cleanBody, attribution), tagsOf(source), draft.visibility(), null),
                author.email());
        if (submit && draft.state() == ArticleState.WORK_IN_PROGRESS) {
            articles.submitForReview(slug);
        }
        return CaptureOutcome.saved(slug);
    }

    private CaptureOutcome create(
            CaptureProposal proposal,
            CaptureSource.Kind kind,
            String reference,
            AcceptedAnswer answer,
            String title,
            String body,
            Collection<Integer> keptIndexes,
            Review review,
            UserAccount author,
            List<String> tags) {
        Set<String> kept = keptTexts(proposal, keptIndexes);
        kept.addAll(review.kept());
        Review decisions = new Review(kept, review.reviewed());
        List<Detection> unreviewed = unreviewed(title, body, proposal.names(), decisions);
        if (!unreviewed.isEmpty()) {
            return CaptureOutcome.review(unreviewed);
        }
        String cleanTitle = clean(title, proposal.names(), proposal.detections(), kept);
        String cleanBody = clean(body, proposal.names(), proposal.detections(), kept);
        String slug = articles.createDraft(
                new NewArticle(
                        cleanTitle, null, credited(cleanBody, proposal.attribution()), tags, Visibility.PUBLIC, null),
                author.email(),
                true);
        sources.save(new CaptureSource(
                slug,
                kind,
                reference,
                answer == null ? null : answer.threadTitle(),
                answer == null ? null : answer.threadUrl(),
                answer == null ? null : answer.answererName(),
                author.email(),
                clock.instant()));
        return CaptureOutcome.saved(slug);
    }

    /** Detections in the edited text the author has neither kept nor reviewed, one per distinct value. */
    private List<Detection> unreviewed(String title, String body, List<String> names, Review review) {
        Map<String, Detection> found = new LinkedHashMap<>();
        for (String text : List.of(nonNull(title), nonNull(body))) {
            for (Detection d : scrubber.detect(text, names)) {
                if (!review.reviewed().contains(d.text())) {
                    found.putIfAbsent(d.text(), d);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Masks every detection not kept, and (literally) every value found in the source that was not kept. */
    String clean(String text, List<String> names, List<Detection> sourceDetections, Set<String> kept) {
        String value = nonNull(text);
        String once = PiiScrubber.apply(value, scrubber.detect(value, names), kept);
        // Values found in the source may hide in a context the detector reads differently: mask them literally too.
        for (Detection d : sourceDetections) {
            if (!kept.contains(d.text()) && d.text().length() >= 3) {
                once = once.replace(d.text(), d.kind().placeholder());
            }
        }
        return once;
    }

    /** The body with the source's credit at the end, added again if an edit removed it. */
    static String credited(String body, String attribution) {
        if (attribution == null || body.contains(attribution)) {
            return body;
        }
        return body.stripTrailing() + "\n\n" + attribution + "\n";
    }

    private Optional<CaptureProposal> proposalOf(CaptureSource source) {
        return switch (source.kind()) {
            case CASE -> propose(source.reference());
            case THREAD -> proposeFromThread(Long.parseLong(source.reference()));
        };
    }

    private static List<String> tagsOf(Optional<CaptureSource> source) {
        return source.filter(s -> s.kind() == CaptureSource.Kind.THREAD).isPresent()
                ? List.of("captured", "community")
                : List.of("captured");
    }

    private CaptureProposal proposal(CaseView view) {
        String text = template(view);
        List<String> names = names(view);
        return new CaptureProposal(view.reference(), view.subject(), text, scrubber.detect(text, names), names, null);
    }

    private CaptureProposal proposal(AcceptedAnswer answer) {
        String text = template(answer);
        List<String> names = List.of(answer.askerName());
        return new CaptureProposal(
                THREAD_PREFIX + answer.threadId(),
                answer.threadTitle(),
                text,
                scrubber.detect(text, names),
                names,
                attribution(answer));
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
        String customersAlso = view.searchedWords() == null
                        || view.searchedWords().isBlank()
                ? ""
                : "Customers also describe this as: " + view.searchedWords().replace(" | ", "; ") + "\n\n";
        String environment =
                view.category() == null ? "_Product, plan, platform, version._" : "Area: " + view.category();
        return structure(issue + customersAlso, environment, resolution);
    }

    /** The KCS structure from a thread: the question in the asker's words, the accepted answer as resolution. */
    static String template(AcceptedAnswer answer) {
        return structure(
                answer.question().strip() + "\n\n",
                "_Product, plan, platform, version._",
                answer.answer().strip());
    }

    private static String structure(String issue, String environment, String resolution) {
        return "## Issue\n\n" + issue + "## Environment\n\n" + environment + "\n\n## Resolution\n\n" + resolution
                + "\n\n## Cause\n\n_Why it happened, if known._\n";
    }

    /** One line crediting the thread and the answerer; it survives edits and validation (see {@link #credited}). */
    static String attribution(AcceptedAnswer answer) {
        return "_Promoted from the community thread [" + markdownText(answer.threadTitle()) + "](" + answer.threadUrl()
                + "); accepted answer by " + markdownText(answer.answererName()) + "._";
    }

    /** Escapes the characters Markdown would read as formatting or links. */
    private static String markdownText(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#!|])", "\\\\$1");
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

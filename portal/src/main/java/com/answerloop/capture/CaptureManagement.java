package com.answerloop.capture;

import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CaseGuardian;
import com.answerloop.cases.CaseManagement;
import com.answerloop.cases.CaseView;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

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
    private final CaseGuardian guardian;
    private final ArticleLinks links;
    private final ThreadManagement threads;
    private final ArticleManagement articles;
    private final CaptureSources sources;
    private final PiiScrubber scrubber;
    private final Clock clock;

    CaptureManagement(
            CaseManagement cases,
            CaseGuardian guardian,
            ArticleLinks links,
            ThreadManagement threads,
            ArticleManagement articles,
            CaptureSources sources,
            CaptureSettings settings,
            Clock clock) {
        this.cases = cases;
        this.guardian = guardian;
        this.links = links;
        this.threads = threads;
        this.articles = articles;
        this.sources = sources;
        this.scrubber = new PiiScrubber(settings.compiledAccountPatterns());
        this.clock = clock;
    }

    /** Personal data still in a draft: what blocks its approval. */
    List<Detection> personalDataIn(ArticleDraft draft) {
        return scrubber.detect(draft.title() + "\n" + draft.body(), namesFor(draft.slug()));
    }

    /** The text with the personal data the scrubber finds replaced by placeholders such as [email], for dashboards. */
    public String scrubbed(String text) {
        return PiiScrubber.apply(text, scrubber.detect(text, List.of()), Set.of());
    }

    /** The template filled from the case, with detections; empty when there is no such case. */
    public Optional<CaptureProposal> propose(String reference) {
        return cases.caseForAgent(reference).map(view -> {
            if (!guardian.mayCapture(view)) {
                // The console shows the button only for solved cases; the server holds the same rule.
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "Only a solved case can be captured as an article; this case is "
                                + view.status().name().toLowerCase(Locale.ROOT) + ".");
            }
            return proposal(view);
        });
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
            ArticleFields fields,
            Collection<Integer> keptIndexes,
            PersonalDataDecisions review,
            UserAccount agent) {
        CaptureProposal proposal = propose(reference).orElseThrow(() -> new ArticleProblem("No such case."));
        requireNotCapturedYet(proposal.reference());
        CaptureOutcome outcome = create(
                proposal, CaptureSource.Kind.CASE, proposal.reference(), null, fields, keptIndexes, review, agent);
        if (outcome.isSaved()) {
            ArticleDraft draft = articles.draft(outcome.slug()).orElseThrow();
            links.link(
                    proposal.reference(), agent.displayName(), draft.documentKey(), draft.title(), articleUrl(draft));
        }
        return outcome;
    }

    /** The article captured from this case, if there is one: a case is captured once, then linked to its article. */
    public Optional<ArticleDraft> capturedArticleOf(String reference) {
        return sources.findFirstByKindAndReference(CaptureSource.Kind.CASE, reference)
                .flatMap(source -> articles.draft(source.articleSlug()));
    }

    private void requireNotCapturedYet(String reference) {
        capturedArticleOf(reference).ifPresent(article -> {
            throw new ArticleProblem(reference + " is already captured as \"" + article.title() + "\".");
        });
    }

    /** Where agents read a captured article: its page shows drafts to agents and the published article to all. */
    static String articleUrl(ArticleDraft draft) {
        return "/articles/" + draft.slug();
    }

    /** Like {@link #capture} for a thread's accepted answer; the article credits the thread and the answerer. */
    @Transactional
    public CaptureOutcome promote(
            long threadId,
            ArticleFields fields,
            Collection<Integer> keptIndexes,
            PersonalDataDecisions review,
            UserAccount author) {
        AcceptedAnswer answer =
                threads.acceptedAnswer(threadId).orElseThrow(() -> new ArticleProblem("No accepted answer."));
        CaptureProposal proposal = proposal(answer);
        return create(
                proposal,
                CaptureSource.Kind.THREAD,
                String.valueOf(threadId),
                answer,
                fields,
                keptIndexes,
                review,
                author);
    }

    /**
     * A new version of the author's own draft, scrubbed again: values already in the saved draft were reviewed when
     * it was saved; anything new the scrubber finds (including the source case's data) must be kept or masked first.
     *
     * @param submit also submit work in progress for review
     */
    @Transactional
    public CaptureOutcome revise(
            String slug, ArticleFields fields, PersonalDataDecisions review, boolean submit, UserAccount author) {
        String title = fields.title();
        String body = fields.body();
        ArticleDraft draft = articles.draft(slug).orElseThrow(() -> new ArticleProblem("No such draft."));
        Optional<CaptureSource> source = sources.findByArticleSlug(slug);
        Optional<CaptureProposal> origin = source.flatMap(this::proposalOf);
        List<String> names = origin.map(CaptureProposal::names).orElse(List.of());
        Set<String> alreadyKept = new HashSet<>(review.kept());
        for (Detection d : scrubber.detect(draft.title() + "\n" + draft.body(), names)) {
            alreadyKept.add(d.text());
        }
        PersonalDataDecisions decisions = new PersonalDataDecisions(alreadyKept, review.reviewed());
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
                        cleanTitle,
                        null,
                        publishable(cleanBody, attribution),
                        List.of(),
                        draft.visibility(),
                        fields.categoryPath()),
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
            ArticleFields fields,
            Collection<Integer> keptIndexes,
            PersonalDataDecisions review,
            UserAccount author) {
        String title = fields.title();
        String body = fields.body();
        Set<String> kept = keptTexts(proposal, keptIndexes);
        kept.addAll(review.kept());
        PersonalDataDecisions decisions = new PersonalDataDecisions(kept, review.reviewed());
        List<Detection> unreviewed = unreviewed(title, body, proposal.names(), decisions);
        if (!unreviewed.isEmpty()) {
            return CaptureOutcome.review(unreviewed);
        }
        String cleanTitle = clean(title, proposal.names(), proposal.detections(), kept);
        String cleanBody = clean(body, proposal.names(), proposal.detections(), kept);
        // Where it came from is kept in the capture source, not in tags: tags are public.
        String slug = articles.createDraft(
                new NewArticle(
                        cleanTitle,
                        null,
                        publishable(cleanBody, proposal.attribution()),
                        List.of(),
                        Visibility.PUBLIC,
                        fields.categoryPath()),
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
    private List<Detection> unreviewed(String title, String body, List<String> names, PersonalDataDecisions review) {
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

    /** The body without the template's unfilled sections, with the source's credit at the end. */
    static String publishable(String body, String attribution) {
        String text = attribution == null ? body : body.replace(attribution, "");
        return credited(KcsTemplate.withoutEmptySections(text), attribution);
    }

    /** The people's names the scrubber looks for in an article captured from a case or thread. */
    private List<String> namesFor(String slug) {
        return sources.findByArticleSlug(slug)
                .flatMap(this::proposalOf)
                .map(CaptureProposal::names)
                .orElse(List.of());
    }

    private Optional<CaptureProposal> proposalOf(CaptureSource source) {
        return switch (source.kind()) {
            // a draft already captured stays revisable, even if its case was reopened since
            case CASE -> cases.caseForAgent(source.reference()).map(this::proposal);
            case THREAD -> proposeFromThread(Long.parseLong(source.reference()));
        };
    }

    private CaptureProposal proposal(CaseView view) {
        String text = KcsTemplate.of(view);
        List<String> names = names(view);
        return new CaptureProposal(view.reference(), view.subject(), text, scrubber.detect(text, names), names, null);
    }

    private CaptureProposal proposal(AcceptedAnswer answer) {
        String text = KcsTemplate.of(answer);
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

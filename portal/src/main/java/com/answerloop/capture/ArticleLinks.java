package com.answerloop.capture;

import com.answerloop.cases.CaseManagement;
import com.answerloop.cases.CaseProblem;
import com.answerloop.cases.CaseView;
import com.answerloop.cases.spi.CaseLinks;
import com.answerloop.knowledge.IndexableArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents agents link to cases (the knowledge base's reuse signal) and flag for an update ("flag it or fix it"):
 * what editors weigh in the review queue, and what the agent console shows through {@link CaseLinks}.
 */
@Service
@Transactional
class ArticleLinks implements CaseLinks {

    // column lengths of case_article_links and article_flags
    static final int MAX_DOCUMENT_KEY = 80;
    static final int MAX_DOCUMENT_TITLE = 300;
    static final int MAX_DOCUMENT_URL = 500;
    static final int MAX_NOTE = 2000;

    private final CaseArticleLinks links;
    private final ArticleFlags flags;
    private final CaseManagement cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleLinks(
            CaseArticleLinks links,
            ArticleFlags flags,
            CaseManagement cases,
            ApplicationEventPublisher events,
            Clock clock) {
        this.links = links;
        this.flags = flags;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    /** Links a document found in the knowledge panel; linking the same one twice counts once. */
    boolean link(String reference, String agentName, String documentKey, String title, String url) {
        checkDocument(documentKey, title, url);
        long caseId = caseId(reference);
        if (links.existsByCaseIdAndDocumentKey(caseId, documentKey)) {
            return false;
        }
        links.save(new CaseArticleLink(caseId, documentKey, title, url, agentName, clock.instant()));
        cases.recordOnCase(reference, agentName, "LINKED", title + " (" + url + ")");
        events.publishEvent(new ArticleLinkedToCase(documentKey, url, reference));
        return true;
    }

    /** An agent's note that a document needs an update, for the editors' queue. */
    void flag(String reference, String agentName, String documentKey, String title, String url, String note) {
        checkDocument(documentKey, title, url);
        Long caseId = reference == null ? null : caseId(reference);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new CaseProblem("Say what needs updating.");
        }
        if (text.length() > MAX_NOTE) {
            throw new CaseProblem("Please keep it under " + MAX_NOTE + " characters.");
        }
        flags.save(new ArticleFlag(documentKey, title, url, caseId, text, agentName, clock.instant()));
        if (reference != null) {
            cases.recordOnCase(reference, agentName, "FLAGGED", title + ": " + text);
        }
        events.publishEvent(new ArticleFlagged(documentKey, url, text));
    }

    /** The article captured from this case was published: the case's link to it now reads as the article. */
    void capturedArticlePublished(String reference, IndexableArticle article) {
        long caseId = caseId(reference);
        links.findByCaseIdAndDocumentKey(caseId, "article:" + article.id()).ifPresent(link -> {
            link.rename(article.title(), article.url());
            cases.recordOnCase(
                    reference, "Knowledge base", "ARTICLE_PUBLISHED", article.title() + " (" + article.url() + ")");
        });
    }

    /** Open flags, oldest first: the editors' "flag it" queue. */
    @Transactional(readOnly = true)
    List<FlagView> openFlags() {
        return flags.findByResolvedAtIsNullOrderByCreatedAtAsc().stream()
                .map(ArticleFlag::toView)
                .toList();
    }

    void resolveFlag(long flagId, String by) {
        flags.findById(flagId)
                .filter(ArticleFlag::isOpen)
                .ifPresent(f -> events.publishEvent(f.resolve(by, clock.instant())));
    }

    /** Reuse per document key (links to cases, last link time). */
    @Transactional(readOnly = true)
    Map<String, ReuseStats> reuse() {
        Map<String, ReuseStats> stats = new HashMap<>();
        for (Object[] row : links.reuse()) {
            String key = (String) row[0];
            stats.put(key, new ReuseStats(key, (Long) row[1], (Instant) row[2]));
        }
        return stats;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseView.Link> linksOf(long caseId) {
        return links.findByCaseIdOrderByIdAsc(caseId).stream()
                .map(CaseArticleLink::toView)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, DocumentUse> documentUse() {
        Map<String, DocumentUse> use = new HashMap<>();
        reuse().forEach((key, stats) -> use.put(key, new DocumentUse(stats.linkCount(), stats.lastLinked(), 0)));
        for (FlagView flag : openFlags()) {
            use.merge(
                    flag.documentKey(),
                    new DocumentUse(0, null, 1),
                    (a, b) -> new DocumentUse(a.linkCount(), a.lastLinked(), a.openFlags() + b.openFlags()));
        }
        return use;
    }

    private long caseId(String reference) {
        return cases.caseForAgent(reference)
                .map(CaseView::id)
                .orElseThrow(() -> new CaseProblem("No case " + reference + "."));
    }

    /** The knowledge panel posts a document's key, title and address back; they must fit their columns. */
    private static void checkDocument(String documentKey, String title, String url) {
        if (documentKey == null || documentKey.isBlank() || documentKey.length() > MAX_DOCUMENT_KEY) {
            throw new CaseProblem("That is not a document of the knowledge base.");
        }
        if (title == null || title.isBlank() || title.length() > MAX_DOCUMENT_TITLE) {
            throw new CaseProblem("Give the document a title of at most " + MAX_DOCUMENT_TITLE + " characters.");
        }
        if (url == null || url.length() > MAX_DOCUMENT_URL) {
            throw new CaseProblem("That document's address is longer than " + MAX_DOCUMENT_URL + " characters.");
        }
    }
}

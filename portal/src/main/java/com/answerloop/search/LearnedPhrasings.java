package com.answerloop.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search that learns from the loop: when a visitor's search for X ended on article A, or an agent linked A to a case
 * that began with X, X is evidence of a way people ask for A. A phrasing counts once {@link #MIN_SOURCES} different
 * visitors or cases gave it; then it is written into A's index entry, where words and meaning both find it. A phrasing
 * is kept only when the scrubber finds no personal data in it, the rule typeahead applies ({@link QueryPrivacy}), and
 * holds no scrubber's placeholder ("[email]") from a caller that scrubbed it first. Editors see an article's phrasings
 * and may remove one, which is then never learned for it again.
 */
@Component
class LearnedPhrasings implements Phrasings {

    /** Different visitors or cases that must give a phrasing before it counts: one person's habit is not a pattern. */
    static final int MIN_SOURCES = 3;

    /** The most phrasings an article carries (the most confirmed), so no article is flooded. */
    static final int MAX_PER_DOCUMENT = 20;

    static final int MAX_LENGTH = 200;
    private static final int MAX_SOURCE = 80;
    private static final int MAX_DOCUMENT_KEY = 40;
    private static final Pattern SCRUBBED = Pattern.compile("\\[[a-z][a-z -]*]");
    private static final Pattern A_LETTER = Pattern.compile("\\p{L}");

    private final JdbcClient jdbc;
    private final QueryPrivacy privacy;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LearnedPhrasings(
            JdbcClient jdbc,
            QueryPrivacy privacy,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.privacy = privacy;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records that a source (a visitor's pseudonymous key, or a case) gave this phrasing for the document. Returns
     * whether this made the phrasing count for the document (its last needed source).
     */
    boolean evidence(String documentKey, String text, String source) {
        Long articleId = articleIdOf(documentKey);
        String phrasing = ParsedQuery.normalize(text);
        if (articleId == null
                || !usable(phrasing)
                || !privacy.suggestible(phrasing)
                || source == null
                || source.isBlank()
                || source.length() > MAX_SOURCE) {
            return false;
        }
        Boolean counted = transactions.execute(status -> {
            if (isRemoved(documentKey, phrasing)) {
                return false;
            }
            try {
                jdbc.sql("INSERT INTO search_phrasing_evidence (document_key, phrasing, source, seen_at)"
                                + " VALUES (?, ?, ?, ?)")
                        .params(documentKey, phrasing, source, Timestamp.from(clock.instant()))
                        .update();
            } catch (DuplicateKeyException again) {
                return false; // the same source again: still one source
            }
            boolean nowCounts = sources(documentKey, phrasing) == minSources();
            if (nowCounts) {
                events.publishEvent(new ArticlePhrasingsChanged(articleId));
            }
            return nowCounts;
        });
        return Boolean.TRUE.equals(counted);
    }

    @Override
    public List<String> of(String documentKey) {
        return learned(documentKey).stream().map(LearnedPhrasing::phrasing).toList();
    }

    /** The document's phrasings that count, most confirmed first. */
    List<LearnedPhrasing> learned(String documentKey) {
        return jdbc
                .sql("SELECT phrasing, COUNT(*) AS sources, MAX(seen_at) AS last_seen FROM search_phrasing_evidence"
                        + " WHERE document_key = ? GROUP BY phrasing HAVING COUNT(*) >= ?"
                        + " ORDER BY COUNT(*) DESC, MAX(seen_at) DESC, phrasing")
                .params(documentKey, minSources())
                .query((rs, row) -> new LearnedPhrasing(
                        rs.getString("phrasing"),
                        rs.getLong("sources"),
                        rs.getTimestamp("last_seen").toInstant()))
                .list()
                .stream()
                .limit(MAX_PER_DOCUMENT)
                .toList();
    }

    /** An editor takes a phrasing off an article for good; returns whether it was there. */
    boolean remove(String documentKey, String phrasing, String editor) {
        Long articleId = articleIdOf(documentKey);
        if (articleId == null) {
            return false;
        }
        String normalized = ParsedQuery.normalize(phrasing);
        Boolean removed = transactions.execute(status -> {
            int deleted = jdbc.sql("DELETE FROM search_phrasing_evidence WHERE document_key = ? AND phrasing = ?")
                    .params(documentKey, normalized)
                    .update();
            if (deleted == 0) {
                return false;
            }
            if (!isRemoved(documentKey, normalized)) {
                jdbc.sql("INSERT INTO search_phrasing_removed (document_key, phrasing, removed_by, removed_at)"
                                + " VALUES (?, ?, ?, ?)")
                        .params(documentKey, normalized, editor, Timestamp.from(clock.instant()))
                        .update();
            }
            events.publishEvent(new ArticlePhrasingsChanged(articleId));
            return true;
        });
        return Boolean.TRUE.equals(removed);
    }

    /**
     * A learned phrasing is shown to editors and finds the article for everyone: it needs as many visitors as a past
     * query needs to be shown to others, and never fewer than {@link #MIN_SOURCES}.
     */
    private int minSources() {
        return Math.max(MIN_SOURCES, privacy.minVisitors());
    }

    /** Long enough to mean something, no longer than a query is kept, with a letter, and nothing scrubbed out. */
    private static boolean usable(String phrasing) {
        return phrasing.length() >= 3
                && phrasing.length() <= MAX_LENGTH
                && A_LETTER.matcher(phrasing).find()
                && !SCRUBBED.matcher(phrasing).find();
    }

    private boolean isRemoved(String documentKey, String phrasing) {
        return jdbc.sql("SELECT COUNT(*) FROM search_phrasing_removed WHERE document_key = ? AND phrasing = ?")
                        .params(documentKey, phrasing)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long sources(String documentKey, String phrasing) {
        return jdbc.sql("SELECT COUNT(*) FROM search_phrasing_evidence WHERE document_key = ? AND phrasing = ?")
                .params(documentKey, phrasing)
                .query(Long.class)
                .single();
    }

    /** Phrasings are learned for articles only; any other key (a thread) gives {@code null}. */
    private static Long articleIdOf(String documentKey) {
        String prefix = ArticleDocuments.TYPE + ":";
        if (documentKey == null || !documentKey.startsWith(prefix) || documentKey.length() > MAX_DOCUMENT_KEY) {
            return null;
        }
        try {
            return Long.parseLong(documentKey.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package com.answerloop.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a reader may see and what they chose to narrow to: the one place that turns visibility, category, type and
 * tags into query clauses, for the words side, the meaning side (as the kNN pre-filter), spelling, typeahead and
 * document lookups alike.
 */
final class ReaderFilters {

    private static final Query INTERNAL = new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.INTERNAL));

    private ReaderFilters() {}

    /**
     * Restricts a query to what the reader may see. Internal documents are excluded rather than public ones required:
     * they are few, so the exclusion skips a short list where the requirement would walk nearly every match twice.
     */
    static BooleanQuery.Builder visibleOnly(BooleanQuery.Builder query, boolean seesInternal) {
        return seesInternal ? query : query.add(INTERNAL, BooleanClause.Occur.MUST_NOT);
    }

    /** The document with this key, if the reader may see it. */
    static Query visibleByKey(String key, boolean seesInternal) {
        return visibleOnly(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(IndexSchema.KEY, key)), BooleanClause.Occur.FILTER),
                        seesInternal)
                .build();
    }

    /** Every document the reader may see. */
    static Query everythingVisible(boolean seesInternal) {
        return visibleOnly(
                        new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER),
                        seesInternal)
                .build();
    }

    /** The query restricted to what the reader may see and to the chosen category, type and tags. */
    static Query filtered(Query relevance, SearchQuery request, boolean seesInternal) {
        BooleanQuery.Builder query =
                visibleOnly(new BooleanQuery.Builder().add(relevance, BooleanClause.Occur.MUST), seesInternal);
        if (request.category() != null) {
            query.add(new TermQuery(new Term(IndexSchema.CATEGORY, request.category())), BooleanClause.Occur.FILTER);
        }
        if (request.type() != null) {
            query.add(new TermQuery(new Term(IndexSchema.TYPE, request.type())), BooleanClause.Occur.FILTER);
        }
        for (String tag : request.tags()) {
            query.add(
                    new TermQuery(new Term(IndexSchema.TAG, IndexSchema.normalizeTag(tag))),
                    BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /** Everything the reader may see within the chosen category, type and tags: the meaning side's pre-filter. */
    static Query scope(SearchQuery request, boolean seesInternal) {
        return filtered(new MatchAllDocsQuery(), request, seesInternal);
    }
}

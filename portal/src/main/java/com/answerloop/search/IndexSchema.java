package com.answerloop.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The fields of the index and how a {@link SearchDocument} becomes a Lucene document. Bump {@link #VERSION} whenever
 * a field, an index-time analysis step or the codec ({@link SearchCodec}) changes: the portal then rebuilds the index
 * at start.
 */
final class IndexSchema {

    /** Stored in the commit user data; a different value at start means the index must be rebuilt. */
    static final String VERSION = "8";

    static final String VERSION_KEY = "schemaVersion";

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String SLUG = "slug";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String HEADINGS = "headings";
    static final String BODY = "body";
    static final String TAGS = "tags";
    /** How people ask for the document, learned from the loop (docs/search.md). */
    static final String PHRASINGS = "phrasings";

    static final String TAG = "tag";
    static final String CATEGORY = "category";
    static final String CATEGORY_TITLE = "categoryTitle";
    static final String SECTION = "section";
    static final String SECTION_TITLE = "sectionTitle";
    static final String VISIBILITY = "visibility";
    static final String STATE = "state";
    static final String UPDATED = "updated";
    static final String SPELL = "spell";
    static final String TITLE_WORDS = "titleWords";

    /** The beginnings (1 to {@link #MAX_PREFIX} letters) of every title word: typeahead looks up one term. */
    static final String TITLE_PREFIXES = "titlePrefixes";

    static final int MAX_PREFIX = 20;

    /**
     * The title and page of a document as doc values, for typeahead: read without decompressing the stored fields,
     * which sit in blocks with long bodies (that decompression was half of a typeahead request at 200,000 articles).
     */
    static final String TYPEAHEAD_TITLE = "typeaheadTitle";

    static final String TYPEAHEAD_URL = "typeaheadUrl";

    /**
     * Every text field's words in one field, for deciding which documents match (total and facet counts): one postings
     * list per query word instead of one per word and field. Docs only, no norms: it never scores.
     */
    static final String ALL_TEXT = "allText";

    /** The fields that {@link #ALL_TEXT} copies and that the ranking query scores. */
    static final List<String> TEXT_FIELDS = List.of(TITLE, SUMMARY, HEADINGS, BODY, TAGS, PHRASINGS);

    /** Most recently updated first, then by score: the recency sort and the "recent articles" listing. */
    static Sort newestFirst() {
        return new Sort(new SortField(UPDATED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
    }

    /**
     * Sentence embeddings of the document's passages ({@link Passages}), one field per passage so that each
     * document's best passage is found by one HNSW search per field. Absent when semantic search is off.
     */
    static String passageVector(int passage) {
        return "passageVector" + passage;
    }

    static final String PUBLIC = "public";
    static final String INTERNAL = "internal";

    /** Stored text with offsets in the postings, so the highlighter need not re-analyse documents. */
    private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_STORED);

    private static final FieldType MATCH_ONLY_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED_TEXT.freeze();
        MATCH_ONLY_TEXT.setIndexOptions(IndexOptions.DOCS);
        MATCH_ONLY_TEXT.setOmitNorms(true);
        MATCH_ONLY_TEXT.freeze();
    }

    static Document toDocument(SearchDocument doc) {
        return toDocument(doc, List.of());
    }

    /** @param passageVectors unit-length embeddings of the document's passages, in order; may be empty */
    static Document toDocument(SearchDocument doc, List<float[]> passageVectors) {
        Document d = new Document();
        for (int i = 0; i < passageVectors.size(); i++) {
            d.add(new KnnFloatVectorField(
                    passageVector(i), passageVectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
        }
        d.add(new KeywordField(KEY, doc.key(), Field.Store.YES));
        d.add(new KeywordField(TYPE, doc.type(), Field.Store.YES));
        d.add(new StoredField(ID, doc.id()));
        d.add(new StoredField(SLUG, doc.slug() == null ? "" : doc.slug()));
        d.add(new StoredField(URL, doc.url()));
        d.add(new Field(TITLE, doc.title(), HIGHLIGHTED_TEXT));
        d.add(new TextField(TITLE_WORDS, doc.title(), Field.Store.NO));
        d.add(new TextField(TITLE_PREFIXES, doc.title(), Field.Store.NO));
        d.add(new BinaryDocValuesField(TYPEAHEAD_TITLE, new BytesRef(doc.title())));
        d.add(new BinaryDocValuesField(TYPEAHEAD_URL, new BytesRef(doc.url())));
        d.add(new Field(SUMMARY, doc.summary(), HIGHLIGHTED_TEXT));
        for (String heading : doc.headings()) {
            d.add(new TextField(HEADINGS, heading, Field.Store.NO));
        }
        d.add(new Field(BODY, doc.body(), HIGHLIGHTED_TEXT));
        for (String tag : doc.tags()) {
            d.add(new TextField(TAGS, tag, Field.Store.NO));
            d.add(new KeywordField(TAG, normalizeTag(tag), Field.Store.YES));
        }
        if (doc.categorySlug() != null) {
            d.add(new KeywordField(CATEGORY, doc.categorySlug(), Field.Store.YES));
            d.add(new StoredField(CATEGORY_TITLE, nonNull(doc.categoryTitle(), doc.categorySlug())));
        }
        if (doc.sectionSlug() != null) {
            d.add(new KeywordField(SECTION, doc.sectionSlug(), Field.Store.YES));
            d.add(new StoredField(SECTION_TITLE, nonNull(doc.sectionTitle(), doc.sectionSlug())));
        }
        d.add(new Field(ALL_TEXT, doc.title(), MATCH_ONLY_TEXT));
        d.add(new Field(ALL_TEXT, doc.summary(), MATCH_ONLY_TEXT));
        for (String heading : doc.headings()) {
            d.add(new Field(ALL_TEXT, heading, MATCH_ONLY_TEXT));
        }
        d.add(new Field(ALL_TEXT, doc.body(), MATCH_ONLY_TEXT));
        for (String tag : doc.tags()) {
            d.add(new Field(ALL_TEXT, tag, MATCH_ONLY_TEXT));
        }
        for (String phrasing : doc.phrasings()) {
            d.add(new TextField(PHRASINGS, phrasing, Field.Store.NO));
            d.add(new Field(ALL_TEXT, phrasing, MATCH_ONLY_TEXT));
        }
        d.add(new KeywordField(VISIBILITY, doc.internal() ? INTERNAL : PUBLIC, Field.Store.YES));
        if (doc.state() != null) {
            d.add(new KeywordField(STATE, doc.state(), Field.Store.YES));
        }
        long day = doc.updated().toEpochDay();
        d.add(new NumericDocValuesField(UPDATED, day));
        d.add(new StoredField(UPDATED, day));
        // the spelling dictionary: the words readers see in titles and text, unstemmed
        d.add(new TextField(SPELL, doc.title(), Field.Store.NO));
        for (String heading : doc.headings()) {
            d.add(new TextField(SPELL, heading, Field.Store.NO));
        }
        d.add(new TextField(SPELL, doc.summary(), Field.Store.NO));
        d.add(new TextField(SPELL, doc.body(), Field.Store.NO));
        return d;
    }

    static String normalizeTag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private IndexSchema() {}
}

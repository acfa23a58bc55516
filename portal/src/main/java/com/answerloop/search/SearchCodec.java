package com.answerloop.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with one change: every document's stored fields are compressed on their own instead of in
 * blocks of about 80 KB shared with their neighbours. A search reads the stored text of its ten hits for their
 * snippets; with shared blocks each hit decompressed about three times its own size, which was a seventh of a search at
 * 200,000 articles. The price is a slightly weaker compression (no dictionary across documents).
 *
 * <p>Registered under {@link #NAME} in {@code META-INF/services/org.apache.lucene.codecs.Codec}, so Lucene finds it
 * again when it opens the index. Upgrading Lucene to a new default codec means a new name here and a new
 * {@link IndexSchema#VERSION} (the index is then rebuilt).
 */
public final class SearchCodec extends FilterCodec {

    static final String NAME = "Answerloop104";

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "AnswerloopStoredFieldsPerDocument", CompressionMode.FAST, 1 << 16, 1, 10);

    /** Used by Lucene's service loader. */
    public SearchCodec() {
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}

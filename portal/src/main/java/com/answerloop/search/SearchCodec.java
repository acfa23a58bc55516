package com.answerloop.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;

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

    /**
     * The passage vectors' format when writing; reading finds each segment's format by the name Lucene records per
     * field, so either kind of segment can be read by either setting.
     */
    private final KnnVectorsFormat vectors;

    /** Used by Lucene's service loader; vectors as floats (HNSW over the 32-bit values). */
    public SearchCodec() {
        this(false);
    }

    /**
     * @param int8Vectors whether the HNSW graph of the passage vectors is built and searched over vectors quantised to
     *     one byte per dimension (the floats are kept too, for merges); measured in docs/search.md
     */
    SearchCodec(boolean int8Vectors) {
        super(NAME, new Lucene104Codec());
        KnnVectorsFormat int8 = new Lucene104HnswScalarQuantizedVectorsFormat();
        this.vectors = int8Vectors
                ? new PerFieldKnnVectorsFormat() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return int8;
                    }
                }
                : null;
    }

    @Override
    public KnnVectorsFormat knnVectorsFormat() {
        return vectors == null ? super.knnVectorsFormat() : vectors;
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}

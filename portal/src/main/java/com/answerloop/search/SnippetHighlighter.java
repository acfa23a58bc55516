package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's {@link UnifiedHighlighter} for one page of hits, with three savings: it takes the texts from the documents
 * already read for the hits instead of reading them again, it looks each word's postings up once per page instead of
 * once per hit, and it scores passages without allocating a hash for each.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    private final Map<Integer, Document> documents;

    SnippetHighlighter(Builder settings, Map<Integer, Document> documents) {
        super(settings);
        this.documents = documents;
    }

    /** How snippets look: matches in {@code <mark>}, the text escaped, whole sentences, the best two passages. */
    static Builder settings(IndexSearcher searcher, Analyzer analyzer) {
        return builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .withBreakIterator(SentenceBreaks::new)
                .withWeightMatches(false)
                .withScorer(new LeanPassageScorer());
    }

    /**
     * Lucene's passage score (BM25 over the passage, favouring early passages) computed the same way, without the hash
     * of matched words that Lucene's scorer builds for every candidate passage: each hash started with a 32 KB block,
     * which made up nearly two thirds of the memory a search allocated. A passage matches few distinct words, so a
     * linear scan finds them.
     */
    static final class LeanPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] words = passage.getMatchTerms();
            int[] inDocument = passage.getMatchTermFreqsInDoc();
            int[] firstMatch = new int[matches];
            int[] inPassage = new int[matches];
            int distinct = 0;
            for (int i = 0; i < matches; i++) {
                int word = 0;
                while (word < distinct && !words[firstMatch[word]].bytesEquals(words[i])) {
                    word++;
                }
                if (word == distinct) {
                    firstMatch[distinct++] = i;
                }
                inPassage[word]++;
            }
            // summed in the order the words first occur, in double precision, as Lucene does, so the scores are equal
            double score = 0;
            for (int word = 0; word < distinct; word++) {
                score += tf(inPassage[word], passage.getLength()) * weight(contentLength, inDocument[firstMatch[word]]);
            }
            return (float) (score * norm(passage.getStartOffset()));
        }
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            Document document = documents.get(doc);
            CharSequence[] row = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                row[f] = String.join(String.valueOf(MULTIVAL_SEP_CHAR), document.getValues(fields[f]));
            }
            values.add(row);
        }
        return values;
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        boolean plainWords = components.automata().length == 0
                && !components.phraseHelper().hasPositionSensitivity()
                && !components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
        return source == OffsetSource.POSTINGS && plainWords
                ? new OncePerPagePostings(components)
                : super.getOffsetStrategy(source, components);
    }

    /**
     * Offsets from the postings, as Lucene's own strategy reads them, but each word's postings are opened once per
     * segment and moved forward from hit to hit (the highlighter visits hits in document order). Lucene's strategy
     * looked every word up in the terms dictionary and opened new postings for every hit, which was a third of the
     * cost of the snippets. Only for plain words: phrases and wildcards keep Lucene's strategy.
     */
    private static final class OncePerPagePostings extends FieldOffsetStrategy {
        private LeafReader segment;
        private PostingsEnum[] postings;
        private boolean[] opened;

        OncePerPagePostings(UHComponents components) {
            super(components);
        }

        @Override
        public OffsetSource getOffsetSource() {
            return OffsetSource.POSTINGS;
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
            BytesRef[] words = components.terms();
            if (reader != segment) {
                segment = reader;
                postings = new PostingsEnum[words.length];
                opened = new boolean[words.length];
            }
            List<OffsetsEnum> found = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                if (!opened[i] || (postings[i] != null && postings[i].docID() > doc)) {
                    postings[i] = open(reader, words[i]);
                    opened[i] = true;
                }
                PostingsEnum word = postings[i];
                if (word == null) {
                    continue;
                }
                if (word.docID() < doc) {
                    word.advance(doc);
                }
                if (word.docID() == doc) {
                    found.add(new OffsetsEnum.OfPostings(words[i], word));
                }
            }
            return switch (found.size()) {
                case 0 -> OffsetsEnum.EMPTY;
                case 1 -> found.get(0);
                default -> new OffsetsEnum.MultiOffsetsEnum(found);
            };
        }

        private PostingsEnum open(LeafReader reader, BytesRef word) throws IOException {
            Terms terms = reader.terms(getField());
            if (terms == null) {
                return null;
            }
            TermsEnum lookup = terms.iterator();
            return lookup.seekExact(word) ? lookup.postings(null, PostingsEnum.OFFSETS) : null;
        }
    }
}

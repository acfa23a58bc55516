package com.answerloop.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis chains of the index: English text (possessives, lower case, ASCII folding, Porter stemming) for the
 * searchable fields, an unstemmed chain for spelling and title prefixes, and the query-time variant of the English
 * chain that also expands synonyms. Synonyms are applied only at query time, so editing the synonyms file needs no
 * reindex.
 */
final class SearchAnalyzers {

    private static final Logger log = LoggerFactory.getLogger(SearchAnalyzers.class);

    /** Tokenize, drop possessives, lower-case and fold accents: shared by every chain. */
    static TokenStream normalized(Tokenizer source) {
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        return new ASCIIFoldingFilter(stream);
    }

    /** English text at index time. */
    static final class English extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(normalized(source)));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** English text at query time: synonyms expand before stemming, so both sides of a rule are stemmed alike. */
    static final class EnglishWithSynonyms extends Analyzer {
        private final SynonymMap synonyms;

        EnglishWithSynonyms(SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = normalized(source);
            if (synonyms != null && synonyms.fst != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** Words as written (lower-cased and folded, not stemmed): the spelling dictionary and title prefixes. */
    static final class Words extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, normalized(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** Every beginning of every word (as {@link Words} produces them), for typeahead on titles. */
    static final class WordPrefixes extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(
                    source, new EdgeNGramTokenFilter(normalized(source), 1, IndexSchema.MAX_PREFIX, true));
        }
    }

    /** Routes each field of the schema to its chain. */
    static final class PerField extends DelegatingAnalyzerWrapper {
        private final Analyzer english;
        private final Analyzer words = new Words();
        private final Analyzer wordPrefixes = new WordPrefixes();
        private final Analyzer keyword = new StandardAnalyzer();

        PerField(Analyzer english) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.english = english;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return switch (fieldName) {
                case IndexSchema.SPELL, IndexSchema.TITLE_WORDS -> words;
                case IndexSchema.TITLE_PREFIXES -> wordPrefixes;
                case IndexSchema.TITLE,
                        IndexSchema.SUMMARY,
                        IndexSchema.HEADINGS,
                        IndexSchema.BODY,
                        IndexSchema.TAGS,
                        IndexSchema.ALL_TEXT -> english;
                default -> keyword;
            };
        }
    }

    static Analyzer indexAnalyzer() {
        return new PerField(new English());
    }

    static Analyzer queryAnalyzer(SynonymMap synonyms) {
        return new PerField(new EnglishWithSynonyms(synonyms));
    }

    /** Parses Solr-format synonym rules; the rules are normalised like the text they meet (not yet stemmed). */
    static SynonymMap parseSynonyms(Reader rules) throws IOException, ParseException {
        try (Analyzer ruleAnalyzer = new Words()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, ruleAnalyzer);
            parser.parse(rules);
            return parser.build();
        }
    }

    /** Reads the operator's synonyms file; a broken file is logged and ignored so that search keeps working. */
    static SynonymMap loadSynonyms(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return emptySynonyms();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            SynonymMap map = parseSynonyms(reader);
            log.info("Loaded search synonyms from {}", file);
            return map;
        } catch (IOException | ParseException | RuntimeException e) {
            log.error("Ignoring the search synonyms file {}: {}", file, e.getMessage(), e);
            return emptySynonyms();
        }
    }

    static SynonymMap emptySynonyms() {
        try {
            return parseSynonyms(new StringReader(""));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private SearchAnalyzers() {}
}

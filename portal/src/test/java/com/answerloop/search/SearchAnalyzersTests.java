package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchAnalyzersTests {

    private final Analyzer index = SearchAnalyzers.indexAnalyzer();

    @Test
    void englishFieldsStemFoldAndDropPossessives() {
        assertThat(SearchText.tokens(index, IndexSchema.BODY, "The agent's Résumés were RESETTING passwords", 20))
                .containsExactly("the", "agent", "resum", "were", "reset", "password");
    }

    @Test
    void spellingFieldKeepsWordsUnstemmed() {
        assertThat(SearchText.tokens(index, IndexSchema.SPELL, "Configuring Café's", 20))
                .containsExactly("configuring", "cafe");
    }

    @Test
    void synonymsExpandQueriesBothWays() throws Exception {
        Analyzer query = SearchAnalyzers.queryAnalyzer(
                SearchAnalyzers.parseSynonyms(new StringReader("login, sign in\nkb => knowledge base")));

        assertThat(SearchText.tokens(query, IndexSchema.TITLE, "login", 20)).contains("login", "sign", "in");
        assertThat(SearchText.tokens(query, IndexSchema.TITLE, "sign in", 20)).contains("login");
        assertThat(SearchText.tokens(query, IndexSchema.TITLE, "kb", 20)).contains("knowledg", "base");
    }

    @Test
    void brokenSynonymsFileIsIgnoredNotFatal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("synonyms.txt");
        Files.writeString(file, "a => \n => =>,,\\");

        assertThat(SearchAnalyzers.loadSynonyms(file)).isNotNull();
    }

    @Test
    void synonymsFileIsCreatedFromTheDefaultAndReloadedWhenEdited(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("synonyms.txt");
        Synonyms synonyms = new Synonyms(file);

        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("login, log in, sign in");
        assertThat(SearchText.tokens(synonyms.queryAnalyzer(), IndexSchema.BODY, "zebra", 10))
                .containsExactly("zebra");

        Files.writeString(file, "zebra, okapi\n");
        Files.setLastModifiedTime(
                file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        synonyms.reloadIfChanged();

        assertThat(SearchText.tokens(synonyms.queryAnalyzer(), IndexSchema.BODY, "zebra", 10))
                .contains("zebra", "okapi");
    }
}

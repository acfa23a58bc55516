package com.answerloop.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XSS corpus ({@code testdata/security/xss-payloads.txt}, one payload per line) written as
 * kb-content: articles of {@value #PER_ARTICLE} payloads each. Every payload appears in its article
 * as a heading, inside a block quote and inside a fenced code block; the article's title and
 * summary are payloads too, and so are the folder's title and description.
 */
final class XssCorpus {

    static final String FOLDER = "xss-corpus";
    static final int PER_ARTICLE = 100;
    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 1000;

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private XssCorpus() {}

    /** Every line of the corpus, exactly as in the file (see {@link com.answerloop.support.XssProbe#corpus()}). */
    static List<String> payloads() {
        return com.answerloop.support.XssProbe.corpus();
    }

    /** One generated article: its payloads, and which of them it carries as title and summary. */
    record Article(String slug, List<String> payloads, Optional<String> title, Optional<String> summary) {

        /** The title the page shows: the title payload as imported (trimmed), or a neutral one. */
        String expectedTitle() {
            return title.map(String::strip).orElse("Payloads " + slug);
        }
    }

    static List<Article> articles(List<String> payloads) {
        List<Article> articles = new ArrayList<>();
        for (int start = 0; start < payloads.size(); start += PER_ARTICLE) {
            List<String> chunk = payloads.subList(start, Math.min(start + PER_ARTICLE, payloads.size()));
            Optional<String> title =
                    chunk.stream().filter(p -> usable(p, MAX_TITLE)).findFirst();
            Optional<String> summary = chunk.stream()
                    .filter(p -> usable(p, MAX_SUMMARY))
                    .filter(p -> title.isEmpty() || p != title.get())
                    .findFirst();
            articles.add(
                    new Article("xss-%03d".formatted(start / PER_ARTICLE + 1), List.copyOf(chunk), title, summary));
        }
        return articles;
    }

    /** Whether the importer accepts the payload as a front-matter text of at most {@code max} characters. */
    static boolean usable(String payload, int max) {
        String text = payload.strip();
        return !text.isEmpty() && text.length() <= max;
    }

    /** The payload shown as the folder (category) title: short enough for the category table. */
    static String folderTitle(List<String> payloads) {
        return payloads.stream()
                .filter(p -> p.contains("<") && usable(p, 100))
                .findFirst()
                .orElseThrow();
    }

    static String folderDescription(List<String> payloads) {
        return payloads.stream()
                .filter(p -> p.contains("<") && usable(p, 500))
                .skip(1)
                .findFirst()
                .orElseThrow();
    }

    /** Writes the corpus as kb-content into {@code root}. */
    static void write(Path root, List<String> payloads) {
        try {
            Path folder = Files.createDirectories(root.resolve(FOLDER));
            Files.writeString(
                    folder.resolve("_index.md"),
                    "---\ntitle: " + yamlString(folderTitle(payloads).strip()) + "\ndescription: "
                            + yamlString(folderDescription(payloads).strip()) + "\n---\n",
                    StandardCharsets.UTF_8);
            for (Article article : articles(payloads)) {
                Files.writeString(folder.resolve(article.slug() + ".md"), markdown(article), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(Article article) {
        StringBuilder md = new StringBuilder("---\n");
        md.append("title: ").append(yamlString(article.expectedTitle())).append('\n');
        md.append("slug: ").append(article.slug()).append('\n');
        article.summary()
                .ifPresent(s -> md.append("summary: ").append(yamlString(s)).append('\n'));
        md.append("tags: [security, xss]\n");
        md.append("updated: 2026-01-01\n");
        md.append("---\n\n");
        for (String payload : article.payloads()) {
            // A heading feeds the table of contents and the heading ids.
            md.append("## ").append(payload).append("\n\n");
            // Inside a block quote, an HTML block the payload may open ends with the quote.
            md.append("> ").append(payload).append("\n\n");
            String fence = fence(payload);
            md.append(fence)
                    .append("html\n")
                    .append(payload)
                    .append('\n')
                    .append(fence)
                    .append("\n\n");
        }
        // Last, all payloads once more as top-level Markdown, where they may open HTML blocks or
        // fences that swallow the rest of the file.
        md.append("## Raw\n\n");
        for (String payload : article.payloads()) {
            md.append(payload).append("\n\n");
        }
        return md.toString();
    }

    /** A backtick fence longer than any backtick run inside the payload. */
    static String fence(String payload) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(payload);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /**
     * A YAML double-quoted scalar holding {@code text} exactly: quotes, backslashes and characters
     * YAML does not allow raw are written as escapes.
     */
    static String yamlString(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20
                    || (cp >= 0x7f && cp < 0xa0)
                    || cp == 0x2028
                    || cp == 0x2029
                    || cp == 0xfeff
                    || cp == 0xfffe
                    || cp == 0xffff) {
                out.append("\\u%04x".formatted(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    /** Starts the portal with the corpus as its only kb-content (imported at startup, as in production). */
    static final class Content extends PortalInitializer {
        @Override
        boolean temporaryContent() {
            return true;
        }

        @Override
        Path contentDir() {
            try {
                Path dir = Files.createTempDirectory("answerloop-xss-content-");
                write(dir, payloads());
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

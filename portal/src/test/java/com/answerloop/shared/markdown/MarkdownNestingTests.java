package com.answerloop.shared.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Text nested thousands of levels deep must never overflow the stack: it is refused for writing and shown as text. */
class MarkdownNestingTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void aHundredThousandQuoteLevelsRenderAsEscapedTextInsteadOfOverflowingTheStack() {
        String bomb = ">".repeat(100_000) + " boom";

        RenderedMarkdown rendered = renderer.render(bomb);

        assertThat(rendered.html())
                .startsWith("<p>&gt;&gt;&gt;")
                .contains("boom")
                .doesNotContain("<blockquote>");
        assertThat(rendered.plainText()).endsWith("boom");
        assertThat(renderer.toPlainText(bomb)).endsWith("boom");
        assertThat(renderer.renderingProblem(bomb))
                .hasValueSatisfying(problem -> assertThat(problem).contains("more than 50 levels deep"));
    }

    @Test
    void deeplyNestedListsEmphasisAndImagesAreRefusedWithAReason() {
        String lists = "- ".repeat(20_000) + "x";
        String ordered = "1. ".repeat(10_000) + "x";
        String indentedLists = indentedList(200);
        String emphasis = "*a ".repeat(10_000) + "x" + " a*".repeat(10_000);
        String strikethrough = "~~a ".repeat(10_000) + "x" + " a~~".repeat(10_000);
        String images = "![".repeat(10_000) + "x" + "](u)".repeat(10_000);

        for (String bomb : new String[] {lists, ordered, indentedLists, emphasis, strikethrough, images}) {
            assertThat(renderer.renderingProblem(bomb)).isPresent();
            assertThat(renderer.render(bomb).html()).startsWith("<p>").doesNotContain("<ul>", "<em>", "<img");
        }
    }

    @Test
    void nestingUpToTheLimitRendersNormally() {
        String fifty = ">".repeat(50) + " deep but fine";
        String fiftyOne = ">".repeat(51) + " one too deep";
        String lists = indentedList(50);

        assertThat(renderer.renderingProblem(fifty)).isEmpty();
        assertThat(renderer.render(fifty).html().split("<blockquote>", -1)).hasSize(51);
        assertThat(renderer.renderingProblem(lists)).isEmpty();
        assertThat(renderer.render(lists).html().split("<ul>", -1)).hasSize(51);
        assertThat(renderer.renderingProblem(fiftyOne)).isPresent();
    }

    @Test
    void aParagraphWithThousandsOfFormattingMarksIsRefusedButOrdinaryFormattingIsNot() {
        String marks = "_a".repeat(600);
        String ordinary = "Use **bold**, _italics_, ~~strike~~ and [links](https://example.com). ".repeat(20);

        assertThat(renderer.renderingProblem(marks))
                .hasValueSatisfying(problem -> assertThat(problem).contains("formatting marks"));
        assertThat(renderer.renderingProblem(ordinary)).isEmpty();
        assertThat(renderer.render(ordinary).html()).contains("<strong>bold</strong>", "<em>italics</em>");
    }

    @Test
    void previewOfTooDeepTextShowsTheReasonInsteadOfFailing() {
        String preview = renderer.previewHtml(">".repeat(10_000) + " boom");

        assertThat(preview)
                .startsWith("<p class=\"form-errors\" role=\"alert\">")
                .contains("more than 50 levels deep")
                .doesNotContain("boom");
        assertThat(renderer.previewHtml("> quoted")).contains("<blockquote>");
    }

    /** A list nested {@code levels} deep, one item per level, each indented under the one before. */
    private static String indentedList(int levels) {
        return IntStream.range(0, levels)
                .mapToObj(i -> " ".repeat(2 * i) + "- item " + i)
                .collect(Collectors.joining("\n"));
    }
}

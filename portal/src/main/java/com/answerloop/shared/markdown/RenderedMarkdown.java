package com.answerloop.shared.markdown;

import java.util.List;

/**
 * The result of rendering one Markdown document.
 *
 * @param html sanitized HTML, safe to insert into a page unescaped
 * @param plainText the visible text, for search indexing and summaries
 * @param headings the headings in document order with their anchor ids, for a table of contents
 * @param firstParagraph plain text of the first paragraph, used when no summary is given
 */
public record RenderedMarkdown(String html, String plainText, List<Heading> headings, String firstParagraph) {

    /** One heading of the document; {@code id} is the stable anchor the HTML carries. */
    public record Heading(int level, String text, String id) {}
}

package com.answerloop.shared.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders user and editor Markdown (CommonMark + GFM) to sanitized HTML. This is the only place
 * that touches commonmark-java, so every module renders content the same, safe way.
 */
@Component
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create(),
            HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    // Raw HTML in Markdown is shown as text, never interpreted: users see what was typed.
    private final HtmlRenderer htmlRenderer =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    public RenderedMarkdown render(String markdown) {
        return render(markdown, LinkResolver.NONE);
    }

    public RenderedMarkdown render(String markdown, LinkResolver links) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        document.accept(new LinkRewriter(links));
        String html = HtmlSanitizer.sanitize(htmlRenderer.render(document));
        String text = plainText(document);
        HeadingCollector headings = new HeadingCollector();
        document.accept(headings);
        return new RenderedMarkdown(html, text, List.copyOf(headings.headings), firstParagraph(document));
    }

    /** The visible words of a Markdown text, for search and previews: no markup, no link targets. */
    public String toPlainText(String markdown) {
        return plainText(parser.parse(markdown == null ? "" : markdown));
    }

    private static String plainText(Node document) {
        PlainText text = new PlainText();
        document.accept(text);
        return text.toString();
    }

    private static String firstParagraph(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                return plainText(node);
            }
        }
        return "";
    }

    private static String literal(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    /** Collects what a reader sees: text and code, blocks and table cells separated by whitespace. */
    private static final class PlainText extends AbstractVisitor {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock node) {
            block(node.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            block(node.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append('\n');
        }

        @Override
        public void visit(Paragraph node) {
            visitChildren(node);
            text.append('\n');
        }

        @Override
        public void visit(Heading node) {
            visitChildren(node);
            text.append('\n');
        }

        @Override
        public void visit(ListItem node) {
            visitChildren(node);
            text.append('\n');
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            text.append(' ');
        }

        @Override
        public void visit(CustomBlock node) {
            visitChildren(node);
            text.append('\n');
        }

        private void block(String literal) {
            text.append(literal).append('\n');
        }

        @Override
        public String toString() {
            return text.toString()
                    .replaceAll("[ \\t]+\n", "\n")
                    .replaceAll("\n{3,}", "\n\n")
                    .strip();
        }
    }

    private static final class LinkRewriter extends AbstractVisitor {
        private final LinkResolver links;

        LinkRewriter(LinkResolver links) {
            this.links = links;
        }

        @Override
        public void visit(Link link) {
            link.setDestination(links.resolve(link.getDestination()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            image.setDestination(links.resolve(image.getDestination()));
            visitChildren(image);
        }
    }

    /** Walks headings in document order with the same id generator the anchor extension uses. */
    private static final class HeadingCollector extends AbstractVisitor {
        private final IdGenerator ids = IdGenerator.builder().build();
        private final List<RenderedMarkdown.Heading> headings = new ArrayList<>();

        @Override
        public void visit(Heading heading) {
            String text = literal(heading);
            headings.add(new RenderedMarkdown.Heading(heading.getLevel(), text, ids.generateId(text)));
        }
    }
}

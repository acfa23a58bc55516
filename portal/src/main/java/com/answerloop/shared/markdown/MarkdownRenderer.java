package com.answerloop.shared.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders user and editor Markdown (CommonMark + GFM) to sanitized HTML. This is the only place
 * that touches commonmark-java, so every module renders content the same, safe way.
 */
@Component
public class MarkdownRenderer {

    private static final Logger log = LoggerFactory.getLogger(MarkdownRenderer.class);

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create(),
            HeadingAnchorExtension.create());

    private final Parser parser =
            NestingLimits.bounded(Parser.builder().extensions(EXTENSIONS)).build();

    // Raw HTML in Markdown is shown as text, never interpreted: users see what was typed.
    private final HtmlRenderer htmlRenderer =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    public RenderedMarkdown render(String markdown) {
        return render(markdown, LinkResolver.NONE);
    }

    /**
     * Renders the text, never failing: a text that cannot be rendered safely (see {@link #renderingProblem}) is shown
     * as escaped plain text and logged, so one bad stored post cannot break a page, an import or an index rebuild.
     */
    public RenderedMarkdown render(String markdown, LinkResolver links) {
        return render(markdown, links, true);
    }

    /**
     * Renders a member's post: like {@link #render(String)}, but an image from another server becomes a plain link, so
     * the poster cannot learn the IP addresses of the staff who read the post. Shipped and editor articles keep them.
     */
    public RenderedMarkdown renderUserPost(String markdown) {
        return render(markdown, LinkResolver.NONE, false);
    }

    private RenderedMarkdown render(String markdown, LinkResolver links, boolean remoteImages) {
        String source = markdown == null ? "" : markdown;
        Node document = parser.parse(source);
        Optional<String> problem = NestingLimits.problem(document);
        if (problem.isPresent()) {
            log.warn("Markdown of {} characters shown as plain text: {}", source.length(), problem.get());
            return unrendered(source);
        }
        document.accept(new LinkRewriter(links));
        if (!remoteImages) {
            RemoteImages.toLinks(document);
        }
        String html = HtmlSanitizer.sanitize(htmlRenderer.render(document));
        String text = plainText(document);
        HeadingCollector headings = new HeadingCollector();
        document.accept(headings);
        return new RenderedMarkdown(html, text, List.copyOf(headings.headings), firstParagraph(document));
    }

    /** The visible words of a Markdown text, for search and previews: no markup, no link targets. */
    public String toPlainText(String markdown) {
        String source = markdown == null ? "" : markdown;
        Node document = parser.parse(source);
        return NestingLimits.problem(document).isPresent() ? source.strip() : plainText(document);
    }

    /**
     * Why this text cannot be rendered (it nests quotes, lists or formatting too deeply), in words for its writer; empty
     * when it renders. Everything that stores Markdown asks this first and refuses the text with the message.
     */
    public Optional<String> renderingProblem(String markdown) {
        return NestingLimits.problem(parser.parse(markdown == null ? "" : markdown));
    }

    /** HTML for a live preview of a member's post: as {@link #renderUserPost}, or why it cannot be rendered. */
    public String previewHtml(String markdown) {
        return renderingProblem(markdown)
                .map(problem -> "<p class=\"form-errors\" role=\"alert\">" + HtmlUtils.htmlEscape(problem) + "</p>")
                .orElseGet(() -> renderUserPost(markdown).html());
    }

    private static RenderedMarkdown unrendered(String source) {
        String text = source.strip();
        String html = "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>";
        String summary = text.length() > 300 ? text.substring(0, 300) : text;
        return new RenderedMarkdown(html, text, List.of(), summary);
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

package com.answerloop.shared.markdown;

import java.util.Optional;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLines;

/**
 * Keeps every Markdown tree shallow enough for commonmark's recursive visitors. commonmark-java walks the tree
 * recursively, so text nested thousands of levels deep (quotes, lists, emphasis, images) overflows the thread's stack.
 * Parsing is bounded while it happens: block nesting by the parser's own open-block limit, inline nesting by leaving a
 * paragraph with an implausible number of formatting marks unparsed. A parsed tree is then measured without recursion,
 * and only a tree within {@link #MAX_NESTING} levels is ever rendered.
 */
final class NestingLimits {

    /** Quote, list and formatting levels a text may nest; real posts and articles stay far below it. */
    static final int MAX_NESTING = 50;

    /** Formatting marks in one paragraph or cell; each can open at most one inline level, so this bounds inline depth. */
    static final int MAX_MARKS_PER_BLOCK = 500;

    // A list level is two blocks (list and item), so this lets 50 list levels through and stops the parser soon after.
    private static final int MAX_OPEN_BLOCKS = 2 * MAX_NESTING + 4;

    private NestingLimits() {}

    static Parser.Builder bounded(Parser.Builder builder) {
        return builder.maxOpenBlockParsers(MAX_OPEN_BLOCKS).inlineParserFactory(BoundedInlineParser::new);
    }

    /** Why the parsed text must not be rendered, or empty when it is within the limits. */
    static Optional<String> problem(Node document) {
        int levels = 0;
        int deepest = 0;
        Node node = document;
        while (node != null) {
            if (node instanceof UnparsedText) {
                return Optional.of("A paragraph of this text has more than " + MAX_MARKS_PER_BLOCK
                        + " formatting marks (* _ ~ [). Split it up or put it in a code block.");
            }
            deepest = Math.max(deepest, levels);
            Node child = node.getFirstChild();
            if (child != null) {
                levels += nests(node);
                node = child;
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                levels -= nests(node);
            }
            node = node == null || node == document ? null : node.getNext();
        }
        if (deepest > MAX_NESTING) {
            return Optional.of("This text nests quotes, lists or formatting more than " + MAX_NESTING
                    + " levels deep. Flatten it and try again.");
        }
        return Optional.empty();
    }

    /** One level for a quote, a list or an inline container (emphasis, link, image); list items and paragraphs add none. */
    private static int nests(Node node) {
        if (node instanceof Document) {
            return 0;
        }
        return node instanceof BlockQuote || node instanceof ListBlock || !(node instanceof Block) ? 1 : 0;
    }

    /**
     * Marks a paragraph too heavily formatted to parse safely. Not a text node, so no post-processor rewrites it away;
     * a tree holding one is never rendered.
     */
    static final class UnparsedText extends CustomNode {}

    /**
     * commonmark's own inline parser, skipped for a block whose formatting marks could nest deeper than the stack
     * allows. The default parser is internal to commonmark, but it is the one the builder would use without this
     * factory.
     */
    private static final class BoundedInlineParser implements InlineParser {
        private final InlineParser delegate;

        BoundedInlineParser(org.commonmark.parser.InlineParserContext context) {
            this.delegate = new InlineParserImpl(context);
        }

        @Override
        public void parse(SourceLines lines, Node block) {
            String content = lines.getContent();
            if (marks(content) > MAX_MARKS_PER_BLOCK) {
                block.appendChild(new UnparsedText());
            } else {
                delegate.parse(lines, block);
            }
        }

        private static int marks(String content) {
            int marks = 0;
            for (int i = 0; i < content.length(); i++) {
                char c = content.charAt(i);
                if (c == '*' || c == '_' || c == '~' || c == '[') {
                    marks++;
                }
            }
            return marks;
        }
    }
}

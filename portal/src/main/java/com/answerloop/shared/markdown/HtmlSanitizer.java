package com.answerloop.shared.markdown;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list every piece of rendered HTML passes before it reaches a page. Anything not listed
 * here (script, style, on* handlers, svg, iframe, form, javascript: URLs) is dropped.
 */
final class HtmlSanitizer {

    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern ALIGN = Pattern.compile("left|center|right");
    private static final Pattern ANCHOR_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,120}");
    private static final Pattern EXTERNAL = Pattern.compile("(?i)^(https?:)?//.*");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "pre",
                    "code",
                    "em",
                    "strong",
                    "del",
                    "a",
                    "img",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "sup",
                    "sub",
                    "kbd",
                    "span")
            .allowAttributes("id")
            .matching(ANCHOR_ID)
            .onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowAttributes("class")
            .matching(CODE_LANGUAGE)
            .onElements("code")
            .allowAttributes("align")
            .matching(ALIGN)
            .onElements("th", "td")
            .allowAttributes("href", "title")
            .onElements("a")
            .allowAttributes("src", "alt", "title")
            .onElements("img")
            .allowUrlProtocols("http", "https", "mailto")
            .allowElements(
                    (name, attrs) -> {
                        // External links must not pass referrer or authority to the target.
                        int rel = attrs.indexOf("rel");
                        if (rel >= 0 && rel % 2 == 0) {
                            attrs.subList(rel, rel + 2).clear();
                        }
                        int href = attrs.indexOf("href");
                        if (href >= 0 && EXTERNAL.matcher(attrs.get(href + 1)).matches()) {
                            attrs.add("rel");
                            attrs.add("nofollow noopener noreferrer");
                        }
                        return name;
                    },
                    "a")
            .allowAttributes("rel")
            .onElements("a")
            // Task list items: only disabled checkboxes survive.
            .allowElements(
                    (name, attrs) -> {
                        int type = attrs.indexOf("type");
                        if (type < 0 || !"checkbox".equals(attrs.get(type + 1))) {
                            return null;
                        }
                        if (!attrs.contains("disabled")) {
                            attrs.add("disabled");
                            attrs.add("disabled");
                        }
                        // a form control needs a name (WCAG 4.1.2); the item's own text follows it in the list
                        int label = attrs.indexOf("aria-label");
                        if (label >= 0 && label % 2 == 0) {
                            attrs.remove(label + 1);
                            attrs.remove(label);
                        }
                        attrs.add("aria-label");
                        attrs.add(attrs.contains("checked") ? "Done" : "To do");
                        return name;
                    },
                    "input")
            .allowAttributes("type", "checked", "disabled", "aria-label")
            .onElements("input")
            .toFactory();

    private HtmlSanitizer() {}

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}

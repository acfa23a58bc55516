package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.answerloop.support.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared XSS corpus posted as question titles, Markdown questions and answers, tags and display names: every page
 * that shows them holds no element or attribute the payload brought in (no script, no event handler, no
 * {@code javascript:} URL), and titles stay visible as text. A browser check of the same corpus runs separately.
 */
class CommunityXssIT extends CommunityTestSupport {

    /** Payloads per Markdown post (questions and answers); every payload is posted once as a question and an answer. */
    private static final int PER_POST = 100;
    /**
     * Titles, names and tags use every n-th payload (default 5) to keep the run near two minutes on a shared machine;
     * {@code -Dxss.stride=1} runs the whole corpus. Thread pages are rendered for every 5th of those.
     */
    private static final int STRIDE = Integer.getInteger("xss.stride", 5);

    private static final int PAGE_STRIDE = 5;

    private static final Pattern LISTED_TITLE = Pattern.compile("<h3><a href=\"[^\"]*\">([^<]*)</a></h3>");

    private static final Pattern TAG = Pattern.compile(
            "<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=/>]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([^\\s=/>]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script>");

    static List<String> payloads;

    @BeforeAll
    static void load() throws IOException {
        payloads = Files.readAllLines(Content.testData("security/xss-payloads.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    @Test
    void payloadsInMarkdownQuestionsAndAnswersRenderInert() throws Exception {
        Member asker = member("Xss Markdown Asker", 30, "MODERATOR");
        Member answerer = member("Xss Markdown Answerer", 30, "MODERATOR");
        String topic = topicNobodyFollows("XSS corpus");
        for (int from = 0; from < payloads.size(); from += PER_POST) {
            String chunk = String.join("\n\n", payloads.subList(from, Math.min(payloads.size(), from + PER_POST)));
            var thread = posting.ask(actor(asker), topic, "XSS corpus lines " + from, chunk, "xss");
            posting.answer(actor(answerer), thread.threadId(), chunk);
            String html = page(thread.url());
            assertInert(html, "thread with payloads from line " + from);
        }
    }

    @Test
    void payloadsAsTitlesAndDisplayNamesStayVisibleTextOnListsAndThreadPages() throws Exception {
        String topic = topicNobodyFollows("XSS corpus");
        List<String> titles = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i += STRIDE) {
            asked.add(i);
            String payload = payloads.get(i);
            String name = payload.length() > 60 ? payload.substring(0, 60) : payload;
            Member member = member(name.isBlank() ? "blank" : name, 30, "MODERATOR");
            String title = ("T" + i + " " + payload).strip().replaceAll("\\s+", " ");
            if (title.length() > 200) {
                title = title.substring(0, 200).strip();
            }
            if (title.length() < 10) {
                title = title + " padding!";
            }
            var thread = posting.ask(actor(member), topic, title, "A question body for the XSS corpus.", "xsstitle");
            titles.add(title);
            if (asked.size() % PAGE_STRIDE == 1) {
                String html = page(thread.url());
                assertInert(html, "thread titled payload " + i);
                assertThat(html).as("payload %d shown as text", i).contains(escaped(title));
            }
        }
        int pages = (titles.size() + ThreadPages.PAGE_SIZE - 1) / ThreadPages.PAGE_SIZE;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (int p = 1; p <= pages; p++) {
            String html = page("/community/tags/xsstitle?sort=newest&page=" + p);
            assertInert(html, "tag list page " + p);
            Matcher titleLinks = LISTED_TITLE.matcher(html);
            while (titleLinks.find()) {
                listed.add(titleLinks.group(1));
            }
        }
        for (int i = 0; i < titles.size(); i++) {
            assertThat(listed)
                    .as("title of payload %d listed as text", asked.get(i))
                    .contains(escaped(titles.get(i)));
        }
    }

    @Test
    void payloadsAsTagsAreRefusedWithAnInertMessage() throws Exception {
        Member member = member("Xss Tagger", 30, "MODERATOR");
        for (int i = 0; i < payloads.size(); i += STRIDE * PAGE_STRIDE) {
            String html = mvc.perform(post("/community/ask")
                            .with(csrf())
                            .with(as(member))
                            .param("topic", "general")
                            .param("title", "A question with a strange tag " + i)
                            .param("body", "A question body for the XSS corpus.")
                            .param("tags", payloads.get(i)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertInert(html, "tag payload " + i);
        }
    }

    private String page(String path) throws Exception {
        var response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** Thymeleaf's text escaping: the five characters that matter in HTML. */
    static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** No element or attribute that could run script: only the portal's static scripts, no handlers, no script URLs. */
    static void assertInert(String html, String where) {
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            String attributes = scripts.group(1);
            boolean own = attributes.matches("\\s*src=\"/js/[a-z-]+\\.js\"\\s+defer\\s*")
                    || attributes.contains("id=\"structured-data\"");
            assertThat(own)
                    .as("%s: unexpected script %s", where, scripts.group())
                    .isTrue();
            assertThat(scripts.group(2)).as("%s: markup inside a script", where).doesNotContain("<");
        }
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String element = tags.group(1).toLowerCase(Locale.ROOT);
            assertThat(element)
                    .as("%s: active element %s", where, tags.group())
                    .isNotIn("iframe", "object", "embed", "svg", "math", "base", "frame", "frameset", "applet");
            Matcher attributes = ATTRIBUTE.matcher(tags.group(2));
            while (attributes.find()) {
                String name = attributes.group(1).toLowerCase(Locale.ROOT);
                String value =
                        attributes.group(2) == null ? "" : attributes.group(2).replaceAll("^[\"']|[\"']$", "");
                assertThat(name)
                        .as("%s: event handler in %s", where, tags.group())
                        .doesNotStartWith("on");
                if (name.equals("href") || name.equals("src") || name.endsWith("action") || name.equals("style")) {
                    String normalized = value.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                    assertThat(normalized)
                            .as("%s: script URL in %s", where, tags.group())
                            .doesNotStartWith("javascript:")
                            .doesNotStartWith("vbscript:")
                            .doesNotStartWith("data:")
                            .doesNotContain("expression(");
                }
            }
        }
    }
}

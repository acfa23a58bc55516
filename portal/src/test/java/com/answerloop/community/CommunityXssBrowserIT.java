package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.accounts.TestAccounts;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CaseStatus;
import com.answerloop.cases.CaseView;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.OpenedCase;
import com.answerloop.cases.TestCases;
import com.answerloop.support.XssProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared XSS corpus posted through the real services to the forum, profiles and support cases, then every page
 * that shows it to someone else opened in headless Chromium with {@link XssProbe}: no dialog call, no injected script,
 * handler or script URL, and titles and names visible as text. Positive controls prove the hook catches script.
 *
 * <p>Covered fully (every line): question bodies and answers (Markdown, {@value #PER_POST} payloads per post, every
 * thread page opened) and a support case's description, customer reply and internal note ({@value #PER_CASE} per
 * case, every agent case page and customer request page opened). Covered by stride (every n-th line, default
 * {@value #DEFAULT_STRIDE}, {@code -Dxss.stride=1} for all): comments, question titles, display names, "about"
 * texts, flag notes (moderation queue) and tags; case subjects and customer names use every {@value #PER_CASE}th
 * line. Pages showing one stride item (thread, profile, tag without punctuation, refusal on the ask form, capture
 * review of a solved case) are opened for every {@value #PAGE_STRIDE}th; lists (topic and tag lists, community home,
 * leaderboard, notifications, admin user list, moderation and agent queues) are opened whole, and a few searches and
 * contact-form suggestions show the hostile threads as results.
 */
@Import({TestAccounts.class, TestCases.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityXssBrowserIT extends CommunityBrowserSupport {

    static final int DEFAULT_STRIDE = 10;
    static final int STRIDE = Integer.getInteger("xss.stride", DEFAULT_STRIDE);
    static final int PAGE_STRIDE = 10;
    static final int PER_POST = 100;
    static final int PER_CASE = 50;

    private static final Pattern VALID_TAG = Pattern.compile("[a-z0-9][a-z0-9.+#-]{0,39}");

    /** Each tag link in the page: its text and the tag its address names. */
    private static final String TAG_LINKS = """
            return {
              tagLinks: Array.from(document.querySelectorAll('main a.tag')).map(a =>
                  [a.textContent, decodeURIComponent(new URL(a.href).pathname.replace(/^.*\\/tags\\//, ''))])
            };
            """;

    /** The contact form's lookup, asked from the page: its status and the start of its answer. */
    private static final String ASK_FOR_SUGGESTIONS = """
            const done = arguments[arguments.length - 1];
            fetch('/contact/suggestions?q=' + encodeURIComponent(arguments[0]), {headers: {Accept: 'application/json'}})
                .then(r => r.text().then(t => done(r.status + ' ' + t.slice(0, 300))))
                .catch(e => done('no answer: ' + e));
            """;

    private static final Path DATA_DIR = dataDirectory();

    static List<String> payloads;

    @Value("${answerloop.data-dir}")
    String dataDir;

    /** A portal of its own (it imports TestAccounts) needs its own search index: the shared portal's is locked. */
    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("answerloop.test.data-dir", DATA_DIR::toString);
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory("answerloop-xss-it-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    TestCases cases;

    @BeforeAll
    static void hookDialogs() {
        payloads = XssProbe.corpus();
        XssProbe.install(CHROMIUM.driver());
    }

    ChromeDriver chromium() {
        return CHROMIUM.driver();
    }

    @Test
    @Order(1)
    void hookCatchesScriptThatRuns() {
        assertThat(dataDir).as("own data directory").isEqualTo(DATA_DIR.toString());
        XssProbe.assertHookCatchesScriptInADataUrl(chromium());
        anonymous();
        open("/community");
        XssProbe.assertHookCatchesPayloadsInjectedRaw(chromium(), payloads.subList(0, PER_POST));
    }

    @Test
    @Order(2)
    void markdownQuestionsAnswersAndCommentsRenderInert() {
        long asker = member("xss.md.asker@community.test", "Xss Markdown Asker", "MODERATOR");
        long answerer = member("xss.md.answerer@community.test", "Xss Markdown Answerer", "MODERATOR");
        String topic = xssTopic("md");
        List<String> failures = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        List<List<String>> comments = new ArrayList<>();
        int commented = 0;
        for (int from = 0; from < payloads.size(); from += PER_POST) {
            int to = Math.min(payloads.size(), from + PER_POST);
            String chunk = String.join("\n\n", payloads.subList(from, to));
            var question = posting.ask(actor(asker), topic, "XSS corpus lines " + from, chunk, "xss");
            var answer = posting.answer(actor(answerer), question.threadId(), chunk);
            List<String> here = new ArrayList<>();
            for (int i = from + Math.floorMod(-from, STRIDE); i < to; i += STRIDE) {
                String text = payloads.get(i).strip();
                if (text.length() < 2 || text.length() > PostText.MAX_COMMENT) {
                    continue;
                }
                posting.comment(actor(answerer), (i / STRIDE) % 2 == 0 ? question.postId() : answer.postId(), text);
                here.add(text);
                commented++;
            }
            urls.add(question.url());
            comments.add(here);
        }
        anonymous();
        open("/community");
        XssProbe.startVisit(chromium());
        for (int t = 0; t < urls.size(); t++) {
            open(urls.get(t));
            String where = "thread " + urls.get(t) + ": ";
            Map<String, Object> page = XssProbe.checkInert(chromium(), where, failures);
            String text = visible(page);
            for (String comment : comments.get(t)) {
                expectVisible(failures, where + "comment", comment, text);
            }
        }
        XssProbe.checkVisit(chromium(), "the thread pages", failures);
        System.out.printf(
                "XSS browser: %d payloads in %d questions and %d answers, %d as comments; %d thread pages%n",
                payloads.size(), urls.size(), urls.size(), commented, urls.size());
        XssProbe.assertNone(failures, urls.size() + " thread pages");
    }

    @Test
    @Order(3)
    void titlesNamesAboutTextsAndFlagNotesStayVisibleTextOnEveryPageThatShowsThem() {
        String topic = xssTopic("titles");
        long moderator = member("xss.moderator@community.test", "Xss Moderator", "MODERATOR");
        long flagger = trustedMember("xss.flagger@community.test", "Xss Flagger");
        record Item(int line, long member, String name, String about, String title, String url) {}
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i += STRIDE) {
            String payload = payloads.get(i);
            String name = payload.strip();
            name = name.length() > 60 ? name.substring(0, 60).strip() : name;
            if (name.isEmpty()) {
                name = "blank " + i;
            }
            long id = member("xss.title" + i + "@community.test", "Xss Title " + i);
            String about = payload.length() > 2000 ? payload.substring(0, 2000) : payload;
            try {
                testAccounts.updateProfile(id, name, about);
            } catch (RuntimeException refused) {
                // the display-name rules refuse look-alikes of a name taken by an earlier line, mixed scripts and
                // invisible characters: such a name never reaches a page, the about text still does
                name = "Xss Title " + i;
                testAccounts.updateProfile(id, name, about);
            }
            CommunitySeeds.grantReputation(jdbc, id, 1000 + i);
            String title = ("T" + i + " " + payload).strip().replaceAll("\\s+", " ");
            if (title.length() > PostText.MAX_TITLE) {
                title = title.substring(0, PostText.MAX_TITLE).strip();
            }
            if (title.length() < PostText.MIN_TITLE) {
                title = title + " padding!";
            }
            var thread = posting.ask(actor(id), topic, title, "A question body for the XSS corpus.", "xsstitle");
            String note = payload.strip();
            flagging.flag(
                    actor(flagger),
                    thread.postId(),
                    "OFF_TOPIC",
                    note.isEmpty() ? null : note.substring(0, Math.min(500, note.length())));
            items.add(new Item(i, id, name, about.strip(), title, thread.url()));
        }
        // A sample of the members answer one thread: its asker's notifications name them.
        long notified = member("xss.notified@community.test", "Xss Notified");
        var asked =
                posting.ask(actor(notified), topic, "Notify me about the XSS corpus", "A question to follow.", "xss");
        List<Item> answering = new ArrayList<>();
        for (int k = 0; k < items.size(); k += PAGE_STRIDE) {
            Item item = items.get(k);
            posting.answer(
                    actor(item.member()), asked.threadId(), "An answer from line " + item.line() + " to notify.");
            answering.add(item);
        }
        List<String> failures = new ArrayList<>();
        anonymous();
        open("/community");
        XssProbe.startVisit(chromium());
        int pages = 0;
        StringBuilder topicText = new StringBuilder();
        StringBuilder tagText = new StringBuilder();
        int listPages = (items.size() + ThreadPages.PAGE_SIZE - 1) / ThreadPages.PAGE_SIZE;
        for (int p = 1; p <= listPages; p++) {
            open("/community/topics/" + topic + "?sort=newest&page=" + p);
            topicText.append(visible(XssProbe.checkInert(chromium(), "topic page " + p + ": ", failures)));
            open("/community/tags/xsstitle?sort=newest&page=" + p);
            tagText.append(visible(XssProbe.checkInert(chromium(), "tag page " + p + ": ", failures)));
            pages += 2;
        }
        open("/community");
        String home = visible(XssProbe.checkInert(chromium(), "community home: ", failures));
        open("/community/leaderboard");
        String leaderboard = visible(XssProbe.checkInert(chromium(), "leaderboard (month): ", failures));
        open("/community/leaderboard?period=all");
        leaderboard += visible(XssProbe.checkInert(chromium(), "leaderboard (all): ", failures));
        pages += 3;
        expectVisible(failures, "community home: newest title", items.getLast().title(), home);
        for (Item item : items) {
            String where = "line " + item.line() + ": ";
            expectVisible(failures, where + "title on the topic page", item.title(), topicText.toString());
            expectVisible(failures, where + "title on the tag page", item.title(), tagText.toString());
            if (items.indexOf(item) % PAGE_STRIDE == 0) {
                open(item.url());
                String thread = visible(XssProbe.checkInert(chromium(), where + "thread page: ", failures));
                expectVisible(failures, where + "title on its thread page", item.title(), thread);
                expectVisible(failures, where + "author name on the thread page", item.name(), thread);
                open("/users/" + item.member());
                String profile = visible(XssProbe.checkInert(chromium(), where + "profile page: ", failures));
                expectVisible(failures, where + "name on the profile", item.name(), profile);
                expectVisible(failures, where + "about text on the profile", item.about(), profile);
                pages += 2;
            }
        }
        // The 50 members with most reputation are the last ones created.
        for (Item item : items.subList(Math.max(0, items.size() - 50), items.size())) {
            expectVisible(failures, "line " + item.line() + ": name on the leaderboard", item.name(), leaderboard);
        }
        // The hostile threads as search results and as suggestions while a visitor types on the contact form, once
        // the listeners have indexed them.
        awaitListenersDone();
        for (String words : List.of("alert", "script onerror", "javascript")) {
            List<WebElement> hits = searchPage(words, null);
            XssProbe.checkInert(chromium(), "search [" + words + "]: ", failures);
            if (hits.isEmpty()) {
                failures.add("search [" + words + "]: no results to check");
            }
            open("/contact");
            chromium().findElement(By.id("subject")).sendKeys(words);
            // the script answers with a list, or says that nothing matched (also when the lookup failed)
            waiting()
                    .until(d -> !d.findElements(By.cssSelector(
                                    "#suggestions .suggestion-list li, #suggestions > p:not([data-suggestions-empty])"))
                            .isEmpty());
            if (chromium()
                    .findElements(By.cssSelector("#suggestions .suggestion-list li"))
                    .isEmpty()) {
                failures.add("contact suggestions [" + words + "]: none shown, the box says: "
                        + chromium().findElement(By.id("suggestions")).getText() + "; asked again, the server says: "
                        + ((JavascriptExecutor) chromium()).executeAsyncScript(ASK_FOR_SUGGESTIONS, words));
            }
            XssProbe.checkInert(chromium(), "contact suggestions [" + words + "]: ", failures);
            pages += 2;
        }
        XssProbe.checkVisit(chromium(), "the anonymous visit", failures);

        // followers are notified after each answer committed, on another thread: wait until all are in
        waiting().until(d -> subscriptions.notifications(notified, 0).getTotalElements() >= answering.size());
        signIn("xss.notified@community.test");
        XssProbe.startVisit(chromium());
        StringBuilder notifications = new StringBuilder();
        for (int p = 1; p <= (answering.size() + ThreadPages.PAGE_SIZE - 1) / ThreadPages.PAGE_SIZE; p++) {
            open("/community/notifications?page=" + p);
            notifications.append(visible(XssProbe.checkInert(chromium(), "notifications " + p + ": ", failures)));
            pages++;
        }
        for (Item item : answering) {
            expectVisible(
                    failures,
                    "line " + item.line() + ": name in a notification",
                    item.name(),
                    notifications.toString());
        }
        XssProbe.checkVisit(chromium(), "the notified member's visit", failures);

        // Administrators see every display name in the user list.
        signIn("xss.admin.titles@community.test");
        XssProbe.startVisit(chromium());
        StringBuilder users = new StringBuilder();
        long total = jdbc.queryForObject("select count(*) from accounts", Long.class);
        for (int p = 0; p * 25L < total; p++) {
            open("/admin/users?page=" + p);
            users.append(visible(XssProbe.checkInert(chromium(), "admin users " + p + ": ", failures)));
            pages++;
        }
        for (Item item : items) {
            expectVisible(
                    failures, "line " + item.line() + ": name in the admin user list", item.name(), users.toString());
        }
        XssProbe.checkVisit(chromium(), "the administrator's visit", failures);

        signIn(jdbc.queryForObject("select email from accounts where id = ?", String.class, moderator));
        XssProbe.startVisit(chromium());
        StringBuilder queue = new StringBuilder();
        for (int p = 1; ; p++) {
            open("/moderation/community?page=" + p);
            queue.append(visible(XssProbe.checkInert(chromium(), "moderation queue " + p + ": ", failures)));
            pages++;
            if (chromium()
                    .findElements(By.cssSelector("[data-test=queue-pages] a[rel=next]"))
                    .isEmpty()) {
                break;
            }
        }
        for (Item item : items) {
            expectVisible(
                    failures,
                    "line " + item.line() + ": title in the moderation queue",
                    item.title(),
                    queue.toString());
            expectVisible(
                    failures,
                    "line " + item.line() + ": author in the moderation queue",
                    item.name(),
                    queue.toString());
        }
        XssProbe.checkVisit(chromium(), "the moderator's visit", failures);
        System.out.printf(
                "XSS browser: %d payloads (stride %d) as titles, display names, about texts and flag notes; %d pages%n",
                items.size(), STRIDE, pages);
        XssProbe.assertNone(failures, items.size() + " titles and names on " + pages + " pages");
    }

    @Test
    @Order(4)
    void tagsWithinTheRulesAreListedAndOthersAreRefusedWithAClearError() {
        long asker = member("xss.tagger@community.test", "Xss Tagger", "MODERATOR");
        String topic = xssTopic("tags");
        List<String> failures = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int acceptedPosts = 0;
        List<String> refused = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i += STRIDE) {
            String payload = payloads.get(i);
            List<String> tokens = List.of(
                            payload.strip().toLowerCase(Locale.ROOT).split("[,\\s]+"))
                    .stream()
                    .filter(t -> !t.isEmpty())
                    .distinct()
                    .toList();
            boolean valid = tokens.size() <= PostText.MAX_TAGS
                    && tokens.stream().allMatch(t -> VALID_TAG.matcher(t).matches());
            try {
                var thread =
                        posting.ask(actor(asker), topic, "Tagged with payload " + i, "A body for the tags.", payload);
                if (!valid) {
                    failures.add("line " + i + ": tags [" + payload + "] accepted as " + tagsOf(thread.threadId()));
                } else if (!tagsOf(thread.threadId())
                        .equals(tokens.stream().sorted().toList())) {
                    failures.add("line " + i + ": tags [" + payload + "] stored as " + tagsOf(thread.threadId()));
                } else {
                    accepted.addAll(tokens);
                    acceptedPosts++;
                }
            } catch (CommunityProblem problem) {
                if (valid) {
                    failures.add("line " + i + ": valid tags [" + payload + "] refused: " + problem.getMessage());
                } else if (!problem.getMessage().startsWith("Tags use letters")
                        && !problem.getMessage().startsWith("Use at most")) {
                    failures.add("line " + i + ": unclear refusal: " + problem.getMessage());
                } else {
                    refused.add(payload);
                    refusals.add(problem.getMessage());
                }
            }
        }
        // The parts of each payload that are valid tags (letters, digits and . + # -) are stored as they are.
        int fragmentPosts = 0;
        for (int i = 0; i < payloads.size(); i += STRIDE) {
            List<String> fragments = List.of(
                            payloads.get(i).toLowerCase(Locale.ROOT).split("[^a-z0-9.+#-]+"))
                    .stream()
                    .filter(t -> VALID_TAG.matcher(t).matches())
                    .distinct()
                    .limit(PostText.MAX_TAGS)
                    .toList();
            if (fragments.isEmpty()) {
                continue;
            }
            var thread = posting.ask(
                    actor(asker), topic, "Tags from payload " + i, "A body for the tags.", String.join(" ", fragments));
            fragmentPosts++;
            if (!tagsOf(thread.threadId()).equals(fragments.stream().sorted().toList())) {
                failures.add("line " + i + ": tags " + fragments + " stored as " + tagsOf(thread.threadId()));
            }
            accepted.addAll(fragments);
        }
        anonymous();
        open("/community");
        XssProbe.startVisit(chromium());
        List<String> distinct = accepted.stream().distinct().toList();
        int tagPages = 0;
        for (String tag : distinct) {
            // Every tag with punctuation (URL escaping matters there), a sample of the plain ones.
            if (tag.matches("[a-z0-9]+") && distinct.indexOf(tag) % PAGE_STRIDE != 0) {
                continue;
            }
            tagPages++;
            open("/community/tags/"
                    + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20"));
            Map<String, Object> page = XssProbe.checkInert(chromium(), "tag page " + tag + ": ", failures, TAG_LINKS);
            expectVisible(failures, "tag " + tag + " heading", tag, visible(page));
            @SuppressWarnings("unchecked")
            List<List<String>> links = (List<List<String>>) page.get("tagLinks");
            if (links.stream().noneMatch(link -> link.equals(List.of(tag, tag)))) {
                failures.add("tag page " + tag + ": no tag link leading back to it: " + links);
            }
            links.stream()
                    .filter(link -> !link.get(0).equals(link.get(1)))
                    .forEach(link -> failures.add("tag link [" + link.get(0) + "] leads to tag [" + link.get(1) + "]"));
        }
        // The refusal as the ask form shows it, for a sample: the offending text shown inert.
        signIn(jdbc.queryForObject("select email from accounts where id = ?", String.class, asker));
        int shown = 0;
        for (int r = 0; r < refused.size(); r += PAGE_STRIDE * 2) {
            open("/community/ask");
            ((JavascriptExecutor) chromium())
                    .executeScript(
                            "document.getElementById('ask-title').value = arguments[0];"
                                    + "document.getElementById('ask-body').value = arguments[1];"
                                    + "document.getElementById('ask-tags').removeAttribute('maxlength');"
                                    + "document.getElementById('ask-tags').value = arguments[2];"
                                    + "HTMLFormElement.prototype.submit.call(document.getElementById('ask-tags').form);",
                            "A question with refused tags " + r,
                            "A body long enough for the refused tags.",
                            refused.get(r));
            waiting()
                    .until(d -> ((JavascriptExecutor) d)
                                    .executeScript("return document.readyState")
                                    .equals("complete")
                            && !d.findElements(By.id("ask-tags")).isEmpty());
            String text = visible(XssProbe.checkInert(chromium(), "ask form refusing tags #" + r + ": ", failures));
            expectVisible(failures, "refusal of tags #" + r, refusals.get(r), text);
            shown++;
        }
        XssProbe.checkVisit(chromium(), "the tag pages", failures);
        System.out.printf(
                "XSS browser: %d payloads (stride %d) as tags: %d accepted, %d refused (%d refusals shown);"
                        + " %d posts tagged with their valid parts; %d tag pages%n",
                acceptedPosts + refused.size(), STRIDE, acceptedPosts, refused.size(), shown, fragmentPosts, tagPages);
        XssProbe.assertNone(failures, tagPages + " tag pages and " + shown + " refusals");
    }

    @Test
    @Order(5)
    void supportCasesShowEveryPayloadInertToAgentsAndCustomers() {
        long agentId = member("xss.agent@community.test", "Xss Agent", "AGENT");
        UserAccount agent = accounts.findById(agentId).orElseThrow();
        record Opened(int line, String reference, String accessPath, String subject, String name, String text) {}
        List<Opened> opened = new ArrayList<>();
        for (int from = 0; from < payloads.size(); from += PER_CASE) {
            List<String> chunk = payloads.subList(from, Math.min(payloads.size(), from + PER_CASE));
            String subject = chunk.getFirst().strip();
            subject = subject.isEmpty() ? "Case " + from : subject.substring(0, Math.min(200, subject.length()));
            String name = chunk.size() > 1 ? chunk.get(1).strip() : "";
            name = name.isEmpty()
                    ? "Name " + from
                    : name.substring(0, Math.min(120, name.length())).strip();
            String text = String.join("\n", chunk);
            OpenedCase c = cases.open(
                    new NewRequest(subject, text, "xss.customer" + from + "@example.org", name, null, subject),
                    Optional.empty());
            CaseView view = cases.caseForAgent(c.reference()).orElseThrow();
            cases.customerReply(view.id(), text);
            cases.addNote(c.reference(), agent, text);
            opened.add(new Opened(from, c.reference(), c.accessPath(), subject, name, text));
        }
        List<String> failures = new ArrayList<>();
        anonymous();
        open("/contact");
        XssProbe.startVisit(chromium());
        for (Opened c : opened) {
            open(c.accessPath());
            String text = visible(XssProbe.checkInert(chromium(), c.reference() + " request page: ", failures));
            expectVisible(failures, c.reference() + " subject on the request page", c.subject(), text);
        }
        XssProbe.checkVisit(chromium(), "the customers' request pages", failures);

        // A sample solved, so agents can capture it as an article: the capture review shows the whole case text.
        List<Opened> solved = new ArrayList<>();
        for (int k = 0; k < opened.size(); k += PAGE_STRIDE) {
            cases.reply(opened.get(k).reference(), agent, opened.get(k).text(), CaseStatus.SOLVED);
            solved.add(opened.get(k));
        }
        signIn("xss.agent@community.test");
        XssProbe.startVisit(chromium());
        open("/agent/cases?view=all");
        String queue = visible(XssProbe.checkInert(chromium(), "agent queue: ", failures));
        for (Opened c : opened) {
            expectVisible(failures, c.reference() + " subject in the agent queue", c.subject(), queue);
            open("/agent/cases/" + c.reference());
            String text = visible(XssProbe.checkInert(chromium(), c.reference() + " agent case page: ", failures));
            expectVisible(failures, c.reference() + " subject on the agent page", c.subject(), text);
            expectVisible(failures, c.reference() + " customer name on the agent page", c.name(), text);
        }
        for (Opened c : solved) {
            open("/agent/cases/" + c.reference() + "/capture");
            String text = visible(XssProbe.checkInert(chromium(), c.reference() + " capture review: ", failures));
            // The draft is Markdown with the customer's words escaped (a backslash before each <), so only its outline
            // is compared.
            expectVisible(failures, c.reference() + " capture review", "## Issue", text);
            expectVisible(failures, c.reference() + " capture review", "## Resolution", text);
        }
        XssProbe.checkVisit(chromium(), "the agent's visit", failures);
        System.out.printf(
                "XSS browser: %d payloads in %d cases (description, customer reply, internal note); %d pages%n",
                payloads.size(), opened.size(), opened.size() * 2 + 1 + solved.size());
        XssProbe.assertNone(failures, opened.size() + " cases");
    }

    private String xssTopic(String name) {
        long admin = member("xss.admin." + name + "@community.test", "Xss Topic Admin", "ADMIN");
        return topicAdministration
                .saveTopic(actor(admin), true, null, "xss-" + name, "XSS corpus " + name, null, 99)
                .slug();
    }

    private List<String> tagsOf(long threadId) {
        return jdbc.queryForList(
                "select tag from community_thread_tags where thread_id = ? order by tag", String.class, threadId);
    }

    private static String visible(Map<String, Object> page) {
        return normalized(String.valueOf(page.get("mainText")));
    }

    /** Whitespace as the browser shows it: runs collapsed to one space. */
    private static String normalized(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static void expectVisible(List<String> failures, String what, String expected, String visibleText) {
        String wanted = normalized(expected);
        if (!wanted.isEmpty() && !visibleText.contains(wanted)) {
            failures.add(what + ": [" + wanted + "] is not in the visible text");
        }
    }
}

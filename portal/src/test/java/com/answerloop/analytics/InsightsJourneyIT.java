package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.capture.PiiKind;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The loop, measured: visitors search (some find nothing), read, vote and use the contact form; an agent solves the
 * cases, linking an article to one. The insights API then shows exactly what the journey did, counted by the test as
 * it went: every figure is compared as the change since a snapshot taken before the journey, so other tests in the
 * same context (whatever their order) do not matter, and a figure that misses an event still fails. Its own context
 * (a short flush interval) with its own data directory, so its index never meets the shared cases context's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsightsJourneyIT extends InsightsIntegrationTest {

    private final Set<Visitor> helpVisitors = new HashSet<>();
    private final Set<Visitor> caseVisitors = new HashSet<>();
    private final Map<String, Long> searches = new LinkedHashMap<>();
    private final Set<String> zeroResultQueries = new HashSet<>();
    private final List<String> cases = new ArrayList<>();
    private int clicks;
    private int views;
    private int helpful;
    private int unhelpful;
    private int deflections;

    @Test
    @Order(1)
    void dashboardShowsWhatTheJourneyDid() throws Exception {
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("editor-insights@example.org", "Insight Editor", Role.EDITOR));
        Map<String, JsonNode> before = snapshot(editor);
        Visitor reader = new Visitor("203.0.113.1", "Firefox 140");
        Visitor lost = new Visitor("203.0.113.2", "Safari 18");
        Visitor leaky = new Visitor("203.0.113.3", "Chrome 139");
        Visitor browser = new Visitor("203.0.113.4", "Chrome 139");
        Visitor alsoLost = new Visitor("203.0.113.5", "Firefox 140");

        SearchHit found = search("reset password", reader).getFirst();
        click(reader, "reset password", found);
        read(reader, found.slug());
        vote(reader, found.slug(), true);
        home(reader);

        search("quantum teleportation widget", lost);
        search("widget for quantum teleportation", lost);
        search("teleportation widget quantum", alsoLost);
        vote(lost, found.slug(), false);
        contact(lost, "Teleportation widget");

        search("write to jo.doe@example.com about invoices", leaky);
        search("write to jo.doe@example.com about invoices", leaky);
        contact(leaky, "Invoice question");

        home(browser);
        deflect(browser, found);

        UserAccount agent = testAccounts.account("agent-insights@example.org", "Insight Agent", Role.AGENT);
        Authentication signedIn = testAccounts.signedIn(agent);
        mvc.perform(post("/agent/cases/" + cases.get(0) + "/links")
                        .param("key", "article:" + found.id())
                        .param("title", found.title())
                        .with(csrf())
                        .with(authentication(signedIn)))
                .andExpect(status().is3xxRedirection());
        for (String reference : cases) {
            mvc.perform(post("/agent/cases/" + reference + "/status")
                            .param("status", "solved")
                            .with(csrf())
                            .with(authentication(signedIn)))
                    .andExpect(status().is3xxRedirection());
        }

        long searchCount = searches.values().stream().mapToLong(Long::longValue).sum();
        await(
                () -> delta(before, editor, "search", "Searches") == searchCount
                        && delta(before, editor, "kcs", "Cases solved") == cases.size()
                        && delta(before, editor, "overview", "Deflections") == deflections
                        && delta(before, editor, "articles", "Unhelpful votes") == unhelpful,
                "the journey's events to be counted");

        String agentRow = List.of(agent.displayName(), Integer.toString(cases.size()), "1", percent(1, cases.size()))
                .toString();
        await(() -> rows(editor, "kcs", "agents").contains(agentRow), "the agent's participation to be counted");
        assertThat(delta(before, editor, "overview", "Help-center visitors")).isEqualTo(helpVisitors.size());
        assertThat(delta(before, editor, "overview", "Visitors who opened a request"))
                .isEqualTo(caseVisitors.size());
        assertThat(deltaOfRatio(before, editor, "overview", "Self-service score"))
                .containsExactly((long) helpVisitors.size(), (long) caseVisitors.size());
        assertThat(delta(before, editor, "overview", "Requests opened")).isEqualTo(cases.size());
        long zero = searches.entrySet().stream()
                .filter(e -> zeroResultQueries.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(deltaOfRatio(before, editor, "search", "Zero-result rate")).containsExactly(zero, searchCount);
        assertThat(delta(before, editor, "search", "Result clicks")).isEqualTo(clicks);
        assertThat(deltaOfRatio(before, editor, "kcs", "Link rate")).containsExactly(1L, (long) cases.size());
        assertThat(delta(before, editor, "articles", "Helpful votes")).isEqualTo(helpful);
        assertThat(delta(before, editor, "articles", "Article views")).isEqualTo(views);
        // the shown value is the ratio of the raw counts
        JsonNode score = figure(editor, "overview", "Self-service score");
        assertThat(score.get("value").asString())
                .isEqualTo(String.format(
                        Locale.ROOT,
                        "%.2f",
                        (double) score.get("numerator").asLong()
                                / score.get("denominator").asLong()));

        String searchJson = api(editor, "search").toString();
        assertThat(searchJson)
                .as("a query one visitor typed twice is counted, never listed")
                .doesNotContain("jo.doe@example.com")
                .doesNotContain("about invoices");
        JsonNode gaps = api(editor, "content-gaps").get("tables").get(0).get("rows");
        assertThat(gaps.toString())
                .as("the three wordings of the failed teleportation query, typed by two visitors, form one gap of 3"
                        + " searches, named by its significant words since each wording was typed by one visitor")
                .contains("[\"quantum teleportation widget\",\"3 rarer wordings\",\"3\",");
    }

    @Test
    void theContactFormFunnelCountsVisitorsAtEachStep() throws Exception {
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("funnel-editor@example.org", "Funnel Editor", Role.EDITOR));
        Map<String, JsonNode> before = snapshot(editor);
        Visitor helped = new Visitor("192.0.2.70", "Firefox 140");
        Visitor persistent = new Visitor("192.0.2.71", "Safari 18");
        Visitor unmatched = new Visitor("192.0.2.72", "Chrome 139");

        // shown answers twice while typing (one visitor all the same), opens one, and it answers the question
        List<String> keys = suggestedKeys(helped, "reset my password");
        assertThat(keys).isNotEmpty();
        suggestedKeys(helped, "reset my password please");
        String opened = mvc.perform(helped.on(get("/contact/suggestions/open").param("key", keys.getFirst())))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(opened).as("the suggested answer itself").startsWith("/articles/");
        mvc.perform(helped.on(
                        post("/contact/answered").param("key", keys.getFirst()).with(csrf())))
                .andExpect(status().is2xxSuccessful());
        // shown answers, opens one, and sends a request all the same
        suggestedKeys(persistent, "reset my password");
        mvc.perform(persistent.on(get("/contact/suggestions/open").param("key", keys.getFirst())))
                .andExpect(status().is3xxRedirection());
        sendRequest(persistent, "Password reset mail never arrives");
        // shown nothing, sends a request: not part of the funnel
        assertThat(suggestedKeys(unmatched, "qxzv wombling")).isEmpty();
        sendRequest(unmatched, "Something else entirely");
        // a key that names no public answer leads back to the form, never elsewhere
        for (String key : List.of("article:999999", "//evil.example", "thread:x")) {
            assertThat(mvc.perform(get("/contact/suggestions/open").param("key", key))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/contact");
        }

        await(
                () -> delta(before, editor, "overview", "Shown suggested answers") == 2
                        && delta(before, editor, "overview", "Visitors who opened a request") == 2,
                "the funnel's visitors to be counted");
        assertThat(deltaOfRatio(before, editor, "overview", "Opened a suggested answer"))
                .containsExactly(2L, 2L);
        assertThat(deltaOfRatio(before, editor, "overview", "Said a suggestion answered it"))
                .containsExactly(1L, 2L);
        assertThat(deltaOfRatio(before, editor, "overview", "Sent a request anyway"))
                .containsExactly(1L, 2L);
    }

    @Test
    void visitorsWhoOpenTheContactFormAfterSearchingAreCountedAgainstThoseWhoSearched() throws Exception {
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("search-contact-editor@example.org", "Search Contact Editor", Role.EDITOR));
        Map<String, JsonNode> before = snapshot(editor);
        Visitor gaveUp = new Visitor("192.0.2.80", "Firefox 140");
        Visitor foundIt = new Visitor("192.0.2.81", "Safari 18");
        Visitor straightToUs = new Visitor("192.0.2.82", "Chrome 139");

        // searches twice, then opens the contact form carrying the browser's cookie of what it searched
        Cookie searched = mvc.perform(gaveUp.on(get("/search").param("q", "invoice company name")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getCookie("al_searched");
        assertThat(searched).as("the visit's own memory of its searches").isNotNull();
        mvc.perform(gaveUp.on(
                        get("/search").param("q", "change invoice address").cookie(searched)))
                .andExpect(status().isOk());
        mvc.perform(gaveUp.on(get("/contact").cookie(searched))).andExpect(status().isOk());
        // searches and never comes to the form
        mvc.perform(foundIt.on(get("/search").param("q", "reset my password"))).andExpect(status().isOk());
        // comes to the form without searching: not a search followed by contact
        mvc.perform(straightToUs.on(get("/contact"))).andExpect(status().isOk());

        await(
                () -> deltaOfRatio(before, editor, "search", "Searched, then contacted us")
                        .equals(List.of(1L, 2L)),
                "visitors who searched, and who then opened the contact form, to be counted");
    }

    /** The contact form's suggestions for what the visitor typed, as keys. */
    private List<String> suggestedKeys(Visitor visitor, String typed) throws Exception {
        String body = mvc.perform(visitor.on(get("/contact/suggestions").param("q", typed)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> keys = new ArrayList<>();
        json.readTree(body).forEach(item -> keys.add(item.get("key").asString()));
        return keys;
    }

    private void sendRequest(Visitor visitor, String subject) throws Exception {
        mvc.perform(visitor.on(post("/contact")
                        .param("subject", subject)
                        .param("description", "Please help with " + subject)
                        .param("name", "Funnel Visitor")
                        .param("email", "funnel-" + subject.hashCode() + "@example.org")
                        .with(csrf())))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void contentGapPageOffersAPrefilledDraftAndExportsCsv() throws Exception {
        search("hovercraft eel count", new Visitor("198.51.100.7", "Lynx 2.9"));
        search("hovercraft eel count", new Visitor("198.51.100.8", "Lynx 2.9"));
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("gap-editor@example.org", "Gap Editor", Role.EDITOR));
        await(() -> page(editor, "/admin/insights/content-gaps").contains("hovercraft eel count"), "the gap to show");

        String csv = page(editor, "/admin/insights/search/failed.csv");
        assertThat(csv)
                .startsWith("\"Query\",\"Searches\",\"Why\"\r\n")
                .contains("\"hovercraft eel count\",\"2\",\""
                        + (zeroResultQueries.contains("hovercraft eel count") ? "no results" : "no click") + "\"");

        String draft = mvc.perform(post("/admin/insights/content-gaps/draft")
                        .param("topic", "hovercraft eel count")
                        .with(csrf())
                        .with(authentication(editor)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(draft).startsWith("/editor/articles/");
        assertThat(page(editor, draft)).contains("Hovercraft eel count");
    }

    @Test
    void aQueryFewerThanTwoVisitorsTypedIsCountedButNeverListedAndAnEmailIsScrubbed() throws Exception {
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("privacy-editor@example.org", "Privacy Editor", Role.EDITOR));
        Map<String, JsonNode> before = snapshot(editor);
        String named = "refund for Amelia Quintrell parcel";
        search(named, new Visitor("198.51.100.20", "Firefox 140"));
        search("amelia.quintrell@example.net refund", new Visitor("198.51.100.21", "Firefox 140"));
        search("amelia.quintrell@example.net refund", new Visitor("198.51.100.22", "Firefox 140"));
        Visitor returning = new Visitor("198.51.100.23", "Firefox 140");
        for (int i = 0; i < 4; i++) {
            search("parcel for Theodora Vance", returning);
        }
        await(() -> delta(before, editor, "search", "Searches") == 7, "the seven searches to be counted");

        assertThat(delta(before, editor, "search", "Queries not listed"))
                .as("the query typed once, and the one a single visitor typed four times, are counted, not listed")
                .isEqualTo(2);
        String email = PiiKind.EMAIL.placeholder() + " refund";
        for (String path : List.of(
                "/admin/insights/search",
                "/admin/insights/content-gaps",
                "/admin/insights/search/queries.csv",
                "/admin/insights/search/failed.csv",
                "/admin/insights/content-gaps/clusters.csv",
                "/api/v1/insights/search",
                "/api/v1/insights/content-gaps")) {
            assertThat(page(editor, path))
                    .as(path)
                    .doesNotContain("Quintrell", "quintrell")
                    .doesNotContainIgnoringCase("amelia")
                    .doesNotContainIgnoringCase("theodora");
        }
        assertThat(page(editor, "/admin/insights/search/queries.csv"))
                .as("a query two visitors typed is listed, its email address scrubbed")
                .contains("\"" + email + "\",\"2\"");
    }

    @Test
    void solvedCasesShowAvoidableContactsAndSubjectsWithoutAnArticle() throws Exception {
        SearchHit article = super.search
                .search(SearchQuery.of("reset password"), false)
                .hits()
                .getFirst();
        Authentication agent =
                testAccounts.signedIn(testAccounts.account("agent-contacts@example.org", "Contacts Agent", Role.AGENT));
        List<String> avoidable = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // the contact form learns what the visitor searched from the search page's short-lived cookie
            Cookie searched = mvc.perform(get("/search").param("q", "reset my pasword"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getCookie("al_searched");
            assertThat(searched).isNotNull();
            avoidable.add(request(searched, "Locked out " + i, "Account and sign-in"));
        }
        List<String> unarticled = List.of(
                request(null, "Parcel tracking broken", "Other"),
                request(null, "broken parcel tracking!", "Other"),
                request(null, "Amelia Quintrell visa letter", "Other"));
        for (String reference : avoidable) {
            mvc.perform(post("/agent/cases/" + reference + "/links")
                            .param("key", "article:" + article.id())
                            .param("title", article.title())
                            .with(csrf())
                            .with(authentication(agent)))
                    .andExpect(status().is3xxRedirection());
        }
        for (String reference : concat(avoidable, unarticled)) {
            mvc.perform(post("/agent/cases/" + reference + "/status")
                            .param("status", "solved")
                            .with(csrf())
                            .with(authentication(agent)))
                    .andExpect(status().is3xxRedirection());
        }

        Authentication editor = testAccounts.signedIn(
                testAccounts.account("contacts-editor@example.org", "Contacts Editor", Role.EDITOR));
        String expectedRow = List.of(article.title(), "Account and sign-in", "2", "reset my pasword (2)")
                .toString();
        await(
                () -> rows(editor, "contacts", "avoidable").contains(expectedRow)
                        && rows(editor, "content-gaps", "unarticled").size() == 1,
                "the solved cases to be counted");
        assertThat(rows(editor, "content-gaps", "unarticled"))
                .as("both wordings of the parcel subject form one group; a subject of one case is never listed")
                .containsExactly(List.of("broken parcel tracking", "2 rarer wordings", "2")
                        .toString());
        assertThat(page(editor, "/admin/insights/contacts")).contains("reset my pasword (2)");
        assertThat(page(editor, "/admin/insights/content-gaps/unarticled.csv")).doesNotContain("Quintrell");
    }

    @Test
    void insightsAreForEditorsAndAdminsOnly() throws Exception {
        Authentication member =
                testAccounts.signedIn(testAccounts.account("member-insights@example.org", "Member", Role.MEMBER));
        Authentication agent =
                testAccounts.signedIn(testAccounts.account("agent-only-insights@example.org", "Agent", Role.AGENT));
        for (String path : List.of("/admin/insights", "/admin/insights/kcs", "/api/v1/insights/overview")) {
            mvc.perform(get(path).with(authentication(member))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(authentication(agent))).andExpect(status().isForbidden());
            mvc.perform(get(path)
                            .with(authentication(testAccounts.signedIn(
                                    testAccounts.account("admin-insights@example.org", "Admin", Role.ADMIN)))))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/insights/overview")
                        .param("days", "12")
                        .with(authentication(
                                testAccounts.signedIn(testAccounts.account("e2@example.org", "E", Role.EDITOR)))))
                .andExpect(status().isBadRequest());
    }

    private List<SearchHit> search(String query, Visitor visitor) throws Exception {
        mvc.perform(visitor.on(get("/search").param("q", query))).andExpect(status().isOk());
        helpVisitors.add(visitor);
        searches.merge(query, 1L, Long::sum);
        List<SearchHit> hits = super.search.search(SearchQuery.of(query), false).hits();
        if (hits.isEmpty()) {
            zeroResultQueries.add(query);
        }
        return hits;
    }

    private void click(Visitor visitor, String query, SearchHit hit) throws Exception {
        mvc.perform(visitor.on(get("/search/click")
                        .param("id", "article:" + hit.id())
                        .param("q", query)
                        .param("pos", "1")))
                .andExpect(status().is3xxRedirection());
        clicks++;
    }

    private void read(Visitor visitor, String slug) throws Exception {
        mvc.perform(visitor.on(get("/articles/" + slug))).andExpect(status().isOk());
        helpVisitors.add(visitor);
        views++;
    }

    private void home(Visitor visitor) throws Exception {
        mvc.perform(visitor.on(get("/"))).andExpect(status().isOk());
        helpVisitors.add(visitor);
    }

    private void vote(Visitor visitor, String slug, boolean yes) throws Exception {
        mvc.perform(visitor.on(post("/articles/" + slug + "/feedback")
                        .param("helpful", yes ? "yes" : "no")
                        .with(csrf())))
                .andExpect(status().is3xxRedirection());
        if (yes) {
            helpful++;
        } else {
            unhelpful++;
        }
    }

    private void contact(Visitor visitor, String subject) throws Exception {
        MvcResult result = mvc.perform(visitor.on(post("/contact")
                        .param("subject", subject)
                        .param("description", "Please help with " + subject)
                        .param("email", "insights-customer" + cases.size() + "@example.org")
                        .param("name", "Customer")
                        .param("category", "Billing")
                        .with(csrf())))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        cases.add(sentReference(result));
        caseVisitors.add(visitor);
    }

    /** The reference the confirmation page shows after the contact form redirected there. */
    private String sentReference(MvcResult sent) throws Exception {
        return mvc.perform(get(sent.getResponse().getRedirectedUrl()))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("(?s).*class=\"case-reference\">(AL-\\d+)<.*", "$1");
    }

    /** A request sent from this visit (its session remembers what the visitor searched); returns its reference. */
    /** Sends the contact form; {@code searched} is the search page's cookie, or null for a visitor who did not search. */
    private String request(Cookie searched, String subject, String category) throws Exception {
        var form = post("/contact");
        if (searched != null) {
            form.cookie(searched);
        }
        MvcResult result = mvc.perform(form.param("subject", subject)
                        .param("description", "Please help with " + subject)
                        .param("email", "contacts-" + subject.hashCode() + "@example.org")
                        .param("category", category)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return sentReference(result);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private void deflect(Visitor visitor, SearchHit hit) throws Exception {
        mvc.perform(visitor.on(post("/contact/answered")
                        .param("key", "article:" + hit.id())
                        .with(csrf())))
                .andExpect(status().is2xxSuccessful());
        deflections++;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}

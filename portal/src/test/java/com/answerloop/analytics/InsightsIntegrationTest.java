package com.answerloop.analytics;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.cases.CasesIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Base of the insights journeys: the whole portal with a short analytics flush interval, in a context (and data
 * directory) of its own so its index never meets the shared cases context's; and the ways a test reads the insights
 * (page, API figure, table rows, the change of a figure since a settled snapshot).
 */
@TestPropertySource(properties = {"answerloop.analytics.flush-ms=100", "answerloop.test.data-subdir=insights"})
abstract class InsightsIntegrationTest extends CasesIntegrationTest {

    @Autowired
    ObjectMapper json;

    /** A visitor, known to the portal only by address and browser. */
    record Visitor(String ip, String userAgent) {
        MockHttpServletRequestBuilder on(MockHttpServletRequestBuilder request) {
            return request.header("User-Agent", userAgent).with(r -> {
                r.setRemoteAddr(ip);
                return r;
            });
        }
    }

    String page(Authentication who, String path) {
        try {
            return mvc.perform(get(path).with(authentication(who)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A table of an area, each row as its list of cells in text form. */
    List<String> rows(Authentication who, String area, String table) {
        for (JsonNode t : api(who, area).get("tables")) {
            if (t.get("id").asString().equals(table)) {
                List<String> rows = new ArrayList<>();
                t.get("rows").forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    row.forEach(cell -> cells.add(cell.asString()));
                    rows.add(cells.toString());
                });
                return rows;
            }
        }
        throw new AssertionError("no table " + table + " on " + area);
    }

    JsonNode api(Authentication who, String area) {
        try {
            String body = mvc.perform(get("/api/v1/insights/" + area).with(authentication(who)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    JsonNode figure(Authentication who, String area, String label) {
        for (JsonNode figure : api(who, area).get("figures")) {
            if (figure.get("label").asString().equals(label)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + label + " on " + area);
    }

    /** Every figure of every area now, keyed "area/label": the journey's figures are measured against it. */
    /**
     * The figures once they have stopped moving: events of an earlier test may still be on their way (listeners run
     * asynchronously, counts are written in batches), and would otherwise land inside this test's deltas.
     */
    Map<String, JsonNode> snapshot(Authentication who) throws InterruptedException {
        Map<String, JsonNode> previous = figures(who);
        for (int settled = 0; settled < 3; ) {
            Thread.sleep(300);
            Map<String, JsonNode> current = figures(who);
            settled = current.equals(previous) ? settled + 1 : 0;
            previous = current;
        }
        return previous;
    }

    Map<String, JsonNode> figures(Authentication who) {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (String area : List.of("overview", "search", "kcs", "articles", "effort")) {
            api(who, area)
                    .get("figures")
                    .forEach(f -> figures.put(area + "/" + f.get("label").asString(), f));
        }
        return figures;
    }

    /** How much a count grew since the snapshot. */
    long delta(Map<String, JsonNode> before, Authentication who, String area, String label) {
        return figure(who, area, label).get("numerator").asLong()
                - before.get(area + "/" + label).get("numerator").asLong();
    }

    /** How much a ratio's numerator and denominator grew since the snapshot. */
    List<Long> deltaOfRatio(Map<String, JsonNode> before, Authentication who, String area, String label) {
        JsonNode now = figure(who, area, label);
        JsonNode then = before.get(area + "/" + label);
        return List.of(
                now.get("numerator").asLong() - then.get("numerator").asLong(),
                now.get("denominator").asLong() - then.get("denominator").asLong());
    }
    /** A figure of an API answer, for any path with its period. */
    JsonNode figureAt(Authentication who, String path, String label) {
        try {
            String body = mvc.perform(get(path).with(authentication(who)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            for (JsonNode figure : json.readTree(body).get("figures")) {
                if (figure.get("label").asString().equals(label)) {
                    return figure;
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no figure " + label + " at " + path);
    }

    /** The API's answers for the areas over one day, keyed by area: what a rebuild must give back exactly. */
    Map<String, String> answers(Authentication who, List<String> areas, LocalDate day) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String area : areas) {
            answers.put(
                    area,
                    mvc.perform(get("/api/v1/insights/" + area + "?from=" + day + "&to=" + day)
                                    .with(authentication(who)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
        }
        return answers;
    }
}

package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.answerloop.support.XssProbe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared XSS corpus as display names and "about" texts: every payload is stored and shown back as text (escaped),
 * never as markup. Display names are cut to their 60-character limit; "about" takes each payload whole. (A browser
 * check that nothing executes belongs to the Selenium journeys.)
 */
class DisplayNameXssIT extends AccountsIntegrationTest {

    @Test
    void everyPayloadIsShownAsTextOnTheProfilePage() throws Exception {
        List<String> payloads =
                XssProbe.corpus().stream().filter(line -> !line.isBlank()).toList();
        long id = verifiedAccount("xss@example.com", "Xss", "xss tester's long passphrase");

        List<String> failures = new ArrayList<>();
        for (String payload : payloads) {
            String name = payload.length() > 60 ? payload.substring(0, 60) : payload;
            if (name.isBlank()) {
                continue;
            }
            String about = payload.length() > 2000 ? payload.substring(0, 2000) : payload;
            // Saved through the service; the form's own handling is covered by AccountSettingsIT. A name the
            // display-name rules refuse (invisible characters, mixed scripts) never reaches a page: its about text
            // is still checked, under a plain name.
            try {
                accounts.updateProfile(id, name, about);
            } catch (AccountProblem refused) {
                name = "Xss";
                accounts.updateProfile(id, name, about);
            }
            String html =
                    mvc.perform(get("/users/" + id)).andReturn().getResponse().getContentAsString();
            // Only the page's own content: the layout around it legitimately holds markup such as </form>.
            String page = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
            if (!page.contains("<h1>" + escape(name.strip()) + "</h1>")
                    || !page.contains(escape(about.strip()))
                    || (payload.contains("<") && page.contains(payload.strip()))) {
                failures.add(payload);
            }
        }
        assertThat(failures).as("payloads not shown as escaped text").isEmpty();
        assertThat(payloads).hasSizeGreaterThan(1000);
    }

    /** What Thymeleaf's th:text produces for text in HTML. */
    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

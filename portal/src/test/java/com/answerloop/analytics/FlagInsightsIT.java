package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.TestCases;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.JsonNode;

/** "Flag it or fix it", measured: an agent flags two articles from a case, an editor resolves one of them. */
class FlagInsightsIT extends InsightsIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestCases cases;

    @Test
    void flagsRaisedAndFixedAreCountedWithTheTimeToFix() throws Exception {
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("flag-editor@example.org", "Flag Editor", Role.EDITOR));
        Authentication agent =
                testAccounts.signedIn(testAccounts.account("flag-agent@example.org", "Flag Agent", Role.AGENT));
        Map<String, JsonNode> before = snapshot(editor);
        String reference = cases.open(
                        new NewRequest(
                                "Screenshots in the reset article are outdated",
                                "The pictures show the old sign-in page.",
                                "flag-customer@example.org",
                                "Flag Customer",
                                null,
                                null),
                        Optional.empty())
                .reference();
        for (SearchHit hit :
                super.search.search(SearchQuery.of("password"), false).hits().subList(0, 2)) {
            mvc.perform(post("/agent/cases/" + reference + "/flags")
                            .param("key", "article:" + hit.id())
                            .param("title", hit.title())
                            .param("note", "The screenshots show the old sign-in page.")
                            .with(csrf())
                            .with(authentication(agent)))
                    .andExpect(status().is3xxRedirection());
        }
        long newest = jdbc.queryForObject("select max(id) from article_flags", Long.class);

        mvc.perform(post("/editor/flags/" + newest + "/resolve").with(csrf()).with(authentication(editor)))
                .andExpect(status().is3xxRedirection());

        await(
                () -> delta(before, editor, "kcs", "Flags") == 2 && delta(before, editor, "kcs", "Flags fixed") == 1,
                "the flags and the fix to be counted");
        assertThat(figure(editor, "kcs", "Median time to fix a flag")
                        .get("value")
                        .asString())
                .isEqualTo("0.0 h");
    }
}

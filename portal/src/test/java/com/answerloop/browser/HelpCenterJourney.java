package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchQuery;
import com.answerloop.support.Browser;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reader's journey through the help center, run against each supported database: search from
 * the home page, open the first hit, say it helped, see the thanks, and find the vote stored.
 */
abstract class HelpCenterJourney {

    static final String QUERY = "password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    @Autowired
    SearchManagement search;

    @Test
    void searchReadAndVoteHelpful() {
        // the shipped articles are imported and indexed in the background after start: a reader arriving before that
        // finds what is indexed so far, which is not this journey
        Awaitility.await("the shipped articles indexed")
                .atMost(Duration.ofSeconds(120))
                .until(() -> !search.search(SearchQuery.of(QUERY), false).hits().isEmpty());
        browser.clearCookies();
        HomePage home = HomePage.open(browser.driver(), base());

        SearchResultsPage results = home.search(QUERY);
        assertThat(results.hitTitles()).as("hits for '%s'", QUERY).isNotEmpty();

        ArticlePage article = results.openFirstHit();
        String slug = article.slug();
        assertThat(article.title()).isNotBlank();
        int yesBefore = helpfulYes(slug);
        int feedbackBefore = feedbackRows(slug);
        assertThat(article.helpfulCount())
                .hasValueSatisfying(text -> assertThat(text).startsWith(yesBefore + " of "));

        article.voteYes();

        assertThat(article.thanksMessage())
                .hasValueSatisfying(text -> assertThat(text).contains("Thanks for your feedback"));
        assertThat(helpfulYes(slug)).as("stored yes votes of %s", slug).isEqualTo(yesBefore + 1);
        assertThat(feedbackRows(slug)).as("stored feedback of %s", slug).isEqualTo(feedbackBefore + 1);

        ArticlePage again = ArticlePage.open(browser.driver(), base(), slug);
        assertThat(again.helpfulCount())
                .hasValue((yesBefore + 1) + " of " + (yesBefore + 1 + helpfulNo(slug)) + " found this helpful");

        // One vote per browser and article: voting again replaces the vote instead of adding one.
        again.voteYes();
        assertThat(helpfulYes(slug)).isEqualTo(yesBefore + 1);
        assertThat(feedbackRows(slug)).isEqualTo(feedbackBefore + 1);
    }

    int helpfulYes(String slug) {
        return jdbc.queryForObject("select helpful_yes from articles where slug = ?", Integer.class, slug);
    }

    int helpfulNo(String slug) {
        return jdbc.queryForObject("select helpful_no from articles where slug = ?", Integer.class, slug);
    }

    int feedbackRows(String slug) {
        return jdbc.queryForObject(
                "select count(*) from article_feedback f join articles a on a.id = f.article_id where a.slug = ?",
                Integer.class,
                slug);
    }
}

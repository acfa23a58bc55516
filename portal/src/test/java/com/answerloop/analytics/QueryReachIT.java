package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which search queries a dashboard may list is answered from the queries remembered as typed by enough visitors, and
 * that memory never lets a query through that no longer qualifies: not after the purge dropped its visitors, not
 * under a higher minimum than it was found with.
 */
class QueryReachIT extends InsightsIntegrationTest {

    @Autowired
    QueryReach reach;

    @Autowired
    DailyCounts counts;

    @Autowired
    QueryDisclosure privacy;

    @Autowired
    AnalyticsRetention retention;

    @Autowired
    AnalyticsBuffer buffer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Insights insights;

    @Test
    void theSearchDashboardRemembersTheQueriesItFoundTypedByEnoughVisitors() {
        String query = "reach dashboard probe " + System.nanoTime();
        LocalDate today = buffer.today();
        typed(query, "reach-dashboard-first", today);
        typed(query, "reach-dashboard-second", today);
        counts.add(Map.of(new DailyCounts.Key(today, Metric.SEARCHES, query), 2L));

        // the dashboard reads in a read-only transaction, in which MySQL and MariaDB refuse any write
        insights.area("search", new Period(today.minusDays(6), today, 7));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM analytics_query_shown WHERE query_hash = ?")
                        .param(QueryReach.hash(query))
                        .query(Long.class)
                        .single())
                .as("remembered for the next view")
                .isEqualTo(1);
    }

    @Test
    void aQueryWhoseSecondVisitorWasPurgedIsNoLongerListedThoughItWasBefore() {
        String query = "reach probe " + System.nanoTime();
        LocalDate today = buffer.today();
        typed(query, "reach-old-visitor", retention.cutoff().minusDays(1));
        typed(query, "reach-new-visitor", today);
        long min = privacy.minVisitors();
        assertThat(min).as("the default minimum this test is written for").isEqualTo(2);

        assertThat(reach.typedByAtLeast(List.of(query), min))
                .as("two visitors typed it")
                .containsExactly(query);
        assertThat(reach.typedByAtLeast(List.of(query), min)).as("asked again").containsExactly(query);

        retention.purge();

        assertThat(reach.typedByAtLeast(List.of(query), min))
                .as("after the purge only one visitor is left")
                .isEmpty();
    }

    @Test
    void aQueryFoundWithTwoVisitorsIsNotTakenAsTypedByThree() {
        String query = "reach minimum probe " + System.nanoTime();
        typed(query, "reach-first", buffer.today());
        typed(query, "reach-second", buffer.today());

        assertThat(reach.typedByAtLeast(List.of(query), 2)).containsExactly(query);
        assertThat(reach.typedByAtLeast(List.of(query), 3)).isEmpty();

        typed(query, "reach-third", buffer.today());
        assertThat(reach.typedByAtLeast(List.of(query), 3)).containsExactly(query);
        assertThat(reach.typedByAtLeast(List.of(query), 2)).containsExactly(query);
    }

    private void typed(String query, String visitor, LocalDate day) {
        jdbc.sql("INSERT INTO analytics_query_reach (query_hash, visitor, first_seen) VALUES (?, ?, ?)")
                .params(QueryReach.hash(query), visitor, Date.valueOf(day))
                .update();
    }
}

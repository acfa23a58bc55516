package com.answerloop.analytics;

import static com.answerloop.analytics.Insights.num;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.analytics.InsightsPage.Figure;
import com.answerloop.analytics.InsightsPage.Table;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The content-facing insights areas: content gaps and community (article health is {@link ArticleHealth}). */
@Component
class ContentInsights {

    private final DailyCounts counts;
    private final QuestionLog questions;
    private final AccountManagement accounts;
    private final QueryDisclosure privacy;
    private final CaseInsights cases;

    ContentInsights(
            DailyCounts counts,
            QuestionLog questions,
            AccountManagement accounts,
            QueryDisclosure privacy,
            CaseInsights cases) {
        this.cases = cases;
        this.privacy = privacy;
        this.counts = counts;
        this.questions = questions;
        this.accounts = accounts;
    }

    InsightsPage contentGaps(LocalDate from, LocalDate to) {
        List<QueryClusters.Cluster> now = QueryClusters.of(failedQueries(from, to));
        Predicate<String> shownWordings = privacy.searchWordings(now);
        List<QueryClusters.Cluster> shown = now.stream()
                .filter(c -> privacy.mayShowSearchCluster(c, shownWordings))
                .toList();
        long days = Duration.between(from.atStartOfDay(), to.plusDays(1).atStartOfDay())
                .toDays();
        Map<String, Long> before = new HashMap<>();
        QueryClusters.of(failedQueries(from.minusDays(days), from.minusDays(1)))
                .forEach(c -> before.merge(c.key(), c.volume(), Long::sum));
        List<List<String>> rows = shown.stream()
                .limit(Insights.ROWS)
                .map(c -> {
                    long change = c.volume() - before.getOrDefault(c.key(), 0L);
                    return List.of(
                            privacy.label(c, shownWordings),
                            privacy.wordings(c, shownWordings),
                            num(c.volume()),
                            (change > 0 ? "+" : "") + change);
                })
                .toList();
        long volume = now.stream().mapToLong(QueryClusters.Cluster::volume).sum();
        return new InsightsPage(
                "content-gaps",
                "Content gaps",
                from,
                to,
                List.of(
                        Figure.count(
                                "Failed searches", volume, "searches without results, or whose query got no click"),
                        Figure.count("Gaps", now.size(), "clusters of failed queries with the same significant words"),
                        Figure.count(
                                "Gaps not listed",
                                now.size() - shown.size(),
                                "clusters typed by fewer than " + privacy.minVisitors()
                                        + " distinct visitors: their words may identify a customer")),
                null,
                List.of(
                        new Table(
                                "clusters",
                                "Failed queries, grouped by wording",
                                List.of("Gap", "Wordings", "Searches", "Change on the previous period"),
                                rows,
                                "/admin/insights/content-gaps/draft"),
                        cases.solvedWithoutArticle(from, to)));
    }

    /** Queries that found nothing or whose results nobody opened, with their search counts. */
    private Map<String, Long> failedQueries(LocalDate from, LocalDate to) {
        Map<String, Long> zero =
                Insights.map(counts.bySubject(Metric.ZERO_RESULT_SEARCHES, from, to, Integer.MAX_VALUE));
        Map<String, Long> clicks = Insights.map(counts.bySubject(Metric.SEARCH_CLICKS, from, to, Integer.MAX_VALUE));
        Map<String, Long> failed = new LinkedHashMap<>();
        for (DailyCounts.Row row : counts.bySubject(Metric.SEARCHES, from, to, Integer.MAX_VALUE)) {
            if (!row.subject().isBlank() && (zero.containsKey(row.subject()) || !clicks.containsKey(row.subject()))) {
                failed.put(row.subject(), row.amount());
            }
        }
        return failed;
    }

    InsightsPage community(LocalDate from, LocalDate to) {
        QuestionLog.QuestionStats stats = questions.stats(from, to);
        List<Duration> waits = stats.waits();
        String median = waits.isEmpty() ? "—" : readable(median(waits));
        List<List<String>> contributors = new ArrayList<>();
        Map<String, Long> accepted =
                Insights.map(counts.bySubject(Metric.ACCEPTED_ANSWERS, from, to, Integer.MAX_VALUE));
        for (DailyCounts.Row row : counts.bySubject(Metric.ANSWERS, from, to, 10)) {
            String name = accounts.findById(Long.parseLong(row.subject()))
                    .map(UserAccount::displayName)
                    .orElse("(deleted member)");
            contributors.add(List.of(name, num(row.amount()), num(accepted.getOrDefault(row.subject(), 0L))));
        }
        return new InsightsPage(
                "community",
                "Community",
                from,
                to,
                List.of(
                        Figure.count("Questions", stats.asked(), "questions asked in the period"),
                        Figure.percent(
                                "Answered",
                                stats.answered(),
                                stats.asked(),
                                "questions with at least one answer ÷ questions"),
                        Figure.percent(
                                "Accepted",
                                stats.accepted(),
                                stats.asked(),
                                "questions with an accepted answer ÷ questions"),
                        Figure.text(
                                "Median time to first answer",
                                median,
                                "median over answered questions of (first answer − asked)")),
                null,
                List.of(new Table(
                        "contributors", "Top contributors", List.of("Member", "Answers", "Accepted"), contributors)));
    }

    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static String readable(Duration d) {
        if (d.toHours() >= 48) {
            return d.toDays() + " d";
        }
        if (d.toMinutes() >= 120) {
            return d.toHours() + " h";
        }
        return Math.max(d.toMinutes(), 0) + " min";
    }
}

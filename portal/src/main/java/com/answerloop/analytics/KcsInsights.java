package com.answerloop.analytics;

import static com.answerloop.analytics.Insights.map;
import static com.answerloop.analytics.Insights.num;
import static com.answerloop.analytics.Insights.percent;

import com.answerloop.analytics.DailyCounts.Row;
import com.answerloop.analytics.InsightsPage.Figure;
import com.answerloop.analytics.InsightsPage.Table;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The knowledge-centered service area: link rate, reuse vs create, time from a solved case to its published article,
 * citations, flags and participation per agent.
 */
@Component
class KcsInsights {

    private final DailyCounts counts;
    private final CaseLog caseLog;
    private final CountTables tables;

    KcsInsights(DailyCounts counts, CaseLog caseLog, CountTables tables) {
        this.counts = counts;
        this.caseLog = caseLog;
        this.tables = tables;
    }

    InsightsPage kcs(LocalDate from, LocalDate to) {
        long resolved = counts.total(Metric.CASES_RESOLVED, from, to);
        long linked = counts.total(Metric.CASES_RESOLVED_WITH_LINK, from, to);
        long published = counts.total(Metric.ARTICLES_PUBLISHED, from, to);
        long reused = 0;
        long created = 0;
        for (CaseLog.SolvedCase c : caseLog.solvedBetween(from, to)) {
            if (c.documents().size() > c.captured().size()) {
                reused++;
            }
            if (!c.captured().isEmpty()) {
                created++;
            }
        }
        List<CaseLog.Publication> publications = caseLog.capturedAndPublished(from, to);
        List<Duration> times =
                publications.stream().map(CaseLog.Publication::afterSolved).toList();
        return new InsightsPage(
                "kcs",
                "Knowledge-centered service",
                from,
                to,
                List.of(
                        Figure.count("Cases solved", resolved, "cases marked solved"),
                        Figure.percent(
                                "Link rate",
                                linked,
                                resolved,
                                "solved cases with a linked article or thread ÷ solved cases"),
                        Figure.count(
                                "Solved by reuse",
                                reused,
                                "solved cases linked to an existing article or thread (not one captured from them)"),
                        Figure.count(
                                "Solved by a new article",
                                created,
                                "solved cases whose resolution was captured as a new article"),
                        Figure.percent(
                                "Reuse share",
                                reused,
                                reused + created,
                                "solved by reuse ÷ (solved by reuse + solved by a new article)"),
                        Figure.count(
                                "Captured articles published",
                                publications.size(),
                                "articles captured from a solved case, first published in the period"),
                        Figure.text(
                                "Median time to publish",
                                duration(percentile(times, 50)),
                                "median of (first published − case solved) over the captured articles published"),
                        Figure.text(
                                "90th percentile time to publish",
                                duration(percentile(times, 90)),
                                "nearest-rank 90th percentile of the same times"),
                        Figure.count(
                                "Citations",
                                counts.total(Metric.CITATIONS, from, to),
                                "links from a case to an article or thread"),
                        Figure.count(
                                "Flags", counts.total(Metric.FLAGS, from, to), "articles flagged as needing an update"),
                        Figure.count(
                                "Flags fixed",
                                counts.total(Metric.FLAGS_FIXED, from, to),
                                "flags an editor resolved in the period"),
                        Figure.text(
                                "Median time to fix a flag",
                                duration(
                                        medianHours(counts.bySubject(Metric.FLAGS_FIXED, from, to, Integer.MAX_VALUE))),
                                "median over the flags resolved in the period of (resolved − flagged), in whole hours"),
                        Figure.count("Articles published", published, "articles published or republished")),
                tables.daily("Cases solved per day", Metric.CASES_RESOLVED, from, to),
                List.of(
                        timeToPublishPerWeek(publications),
                        tables.rows("citations", "Most cited", "Document", Metric.CITATIONS, from, to),
                        tables.rows("flags", "Most flagged", "Document", Metric.FLAGS, from, to),
                        tables.rows("categories", "Requests per category", "Category", Metric.CASES_OPENED, from, to),
                        participation(from, to)));
    }

    /** Time to publish per week (Monday to Sunday) of first publication. */
    private static Table timeToPublishPerWeek(List<CaseLog.Publication> publications) {
        Map<LocalDate, List<Duration>> weeks = new TreeMap<>();
        for (CaseLog.Publication p : publications) {
            LocalDate day = LocalDate.ofInstant(p.published(), ZoneOffset.UTC);
            weeks.computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), w -> new ArrayList<>())
                    .add(p.afterSolved());
        }
        List<List<String>> rows = new ArrayList<>();
        weeks.forEach((week, times) -> rows.add(List.of(
                week.toString(), num(times.size()), duration(percentile(times, 50)), duration(percentile(times, 90)))));
        return new Table(
                "publishing",
                "From solved case to published article, per week",
                List.of("Week", "Captured articles published", "Median time to publish", "90th percentile"),
                rows);
    }

    /** KCS participation: per agent, cases solved and how many of them with a linked article or thread. */
    private Table participation(LocalDate from, LocalDate to) {
        Map<String, Long> linkedBy =
                map(counts.bySubject(Metric.CASES_RESOLVED_WITH_LINK_BY_AGENT, from, to, Integer.MAX_VALUE));
        return new Table(
                "agents",
                "Participation per agent",
                List.of("Agent", "Cases solved", "With a linked article or thread", "Link rate"),
                counts.bySubject(Metric.CASES_RESOLVED_BY_AGENT, from, to, Insights.ROWS).stream()
                        .map(r -> {
                            long linked = linkedBy.getOrDefault(r.subject(), 0L);
                            return List.of(
                                    r.subject().isEmpty() ? "(unknown)" : r.subject(),
                                    num(r.amount()),
                                    num(linked),
                                    percent(linked, r.amount()));
                        })
                        .toList());
    }

    /** The median of a distribution whose subjects are whole hours and amounts how often each occurred; null if none. */
    static Duration medianHours(List<Row> byHours) {
        List<long[]> sorted = byHours.stream()
                .map(row -> new long[] {Long.parseLong(row.subject()), row.amount()})
                .sorted(Comparator.comparingLong(pair -> pair[0]))
                .toList();
        long total = sorted.stream().mapToLong(pair -> pair[1]).sum();
        long seen = 0;
        for (long[] pair : sorted) {
            seen += pair[1];
            if (seen * 2 >= total) {
                return Duration.ofHours(pair[0]);
            }
        }
        return null;
    }

    /** The nearest-rank percentile (the smallest value at least {@code p}% of the values do not exceed); null if none. */
    static Duration percentile(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Hours with one decimal below two days, days with one decimal from there; "—" for none. */
    static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        double hours = d.toSeconds() / 3600.0;
        return hours < 48
                ? String.format(Locale.ROOT, "%.1f h", hours)
                : String.format(Locale.ROOT, "%.1f d", hours / 24);
    }
}

package com.answerloop.analytics;

import com.answerloop.analytics.DailyCounts.Row;
import com.answerloop.analytics.InsightsPage.Chart;
import com.answerloop.analytics.InsightsPage.Figure;
import com.answerloop.analytics.InsightsPage.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the insights areas from the read models. Every figure's formula is stated next to it (and in
 * docs/analytics.md); the article, community and content-gap areas are in {@link ContentInsights}.
 */
@Service
@Transactional(readOnly = true)
class Insights {

    static final List<String> AREAS =
            List.of("overview", "search", "content-gaps", "contacts", "kcs", "articles", "community", "effort");

    static final int ROWS = 50;

    private final DailyCounts counts;
    private final Visitors visitors;
    private final ContentInsights content;
    private final ArticleHealth articleHealth;
    private final CaseInsights cases;
    private final QueryDisclosure privacy;
    private final KcsInsights kcs;
    private final CountTables tables;
    private final EffortInsights effort;

    Insights(
            DailyCounts counts,
            Visitors visitors,
            ContentInsights content,
            ArticleHealth articleHealth,
            CaseInsights cases,
            QueryDisclosure privacy,
            KcsInsights kcs,
            CountTables tables,
            EffortInsights effort) {
        this.kcs = kcs;
        this.effort = effort;
        this.tables = tables;
        this.cases = cases;
        this.articleHealth = articleHealth;
        this.privacy = privacy;
        this.counts = counts;
        this.visitors = visitors;
        this.content = content;
    }

    /** The area for the period (both days inclusive). */
    InsightsPage area(String area, Period period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        return switch (area) {
            case "overview" -> overview(from, to);
            case "search" -> search(from, to);
            case "kcs" -> kcs.kcs(from, to);
            case "content-gaps" -> content.contentGaps(from, to);
            case "articles" -> articleHealth.articles(from, to);
            case "contacts" -> cases.avoidableContacts(from, to);
            case "community" -> content.community(from, to);
            case "effort" -> effort.effort(from, to);
            default -> throw new IllegalArgumentException("no insights area " + area);
        };
    }

    private InsightsPage overview(LocalDate from, LocalDate to) {
        Map<LocalDate, Visitors.DayVisitors> byDay =
                visitors.perDay(from, to).stream().collect(Collectors.toMap(Visitors.DayVisitors::day, v -> v));
        List<List<String>> daily = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> helpSeries = new ArrayList<>();
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        long help = 0;
        long cases = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Visitors.DayVisitors v = byDay.getOrDefault(day, new Visitors.DayVisitors(day, 0, 0));
            help += v.help();
            cases += v.cases();
            daily.add(List.of(day.toString(), num(v.help()), num(v.cases()), score(v.help(), v.cases())));
            labels.add(day.toString());
            helpSeries.add(v.help());
            long[] week = weeks.computeIfAbsent(
                    day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), w -> new long[2]);
            week[0] += v.help();
            week[1] += v.cases();
        }
        List<List<String>> weekly = weeks.entrySet().stream()
                .map(e -> List.of(
                        e.getKey().toString(),
                        num(e.getValue()[0]),
                        num(e.getValue()[1]),
                        score(e.getValue()[0], e.getValue()[1])))
                .toList();
        long opened = counts.total(Metric.CASES_OPENED, from, to);
        long deflected = counts.total(Metric.DEFLECTIONS, from, to);
        Visitors.Funnel funnel = visitors.funnel(from, to);
        List<String> visitorColumns =
                List.of("Day", "Help-center visitors", "Visitors who opened a request", "Self-service score");
        return new InsightsPage(
                "overview",
                "Overview",
                from,
                to,
                List.of(
                        Figure.score(
                                "Self-service score",
                                help,
                                cases,
                                "help-center visitors ÷ visitors who opened a request"),
                        Figure.count("Help-center visitors", help, "distinct visitors per day, summed over the period"),
                        Figure.count("Visitors who opened a request", cases, "distinct visitors per day, summed"),
                        Figure.count("Requests opened", opened, "requests submitted"),
                        Figure.count("Deflections", deflected, "\"this answered my question\" on the contact form"),
                        Figure.percent(
                                "Deflection rate",
                                deflected,
                                deflected + opened,
                                "deflections ÷ (deflections + requests opened)"),
                        Figure.count(
                                "Shown suggested answers",
                                funnel.shown(),
                                "contact-form visitors shown at least one suggested answer, distinct per day, summed"),
                        Figure.percent(
                                "Opened a suggested answer",
                                funnel.opened(),
                                funnel.shown(),
                                "visitors who opened a suggested answer ÷ visitors shown suggested answers"),
                        Figure.percent(
                                "Said a suggestion answered it",
                                funnel.answered(),
                                funnel.shown(),
                                "visitors who pressed \"this answered my question\" ÷ visitors shown suggested"
                                        + " answers"),
                        Figure.percent(
                                "Sent a request anyway",
                                funnel.sentAnyway(),
                                funnel.shown(),
                                "visitors shown suggested answers who sent a request the same day ÷ visitors shown"
                                        + " suggested answers")),
                Chart.of("Help-center visitors per day", labels, helpSeries),
                List.of(
                        new Table("daily", "Self-service per day", visitorColumns, daily),
                        new Table(
                                "weekly",
                                "Self-service per week (weeks start on Monday)",
                                withFirst("Week", visitorColumns),
                                weekly)));
    }

    private InsightsPage search(LocalDate from, LocalDate to) {
        long searches = counts.total(Metric.SEARCHES, from, to);
        long zero = counts.total(Metric.ZERO_RESULT_SEARCHES, from, to);
        // searches whose 60 s follow-up window has passed; the last minute's are not judged yet
        long followed = counts.total(Metric.SEARCHES_FOLLOWED, from, to);
        Map<String, Long> zeroByQuery = map(counts.bySubject(Metric.ZERO_RESULT_SEARCHES, from, to, Integer.MAX_VALUE));
        Map<String, Long> clicksByQuery = map(counts.bySubject(Metric.SEARCH_CLICKS, from, to, Integer.MAX_VALUE));
        List<Row> all = counts.bySubject(Metric.SEARCHES, from, to, Integer.MAX_VALUE);
        long withClick = all.stream()
                .mapToLong(r -> Math.min(r.amount(), clicksByQuery.getOrDefault(r.subject(), 0L)))
                .sum();
        Predicate<String> shown = privacy.searchQueries(map(all));
        Visitors.SearchToContact searchToContact = visitors.searchToContact(from, to);
        List<Row> listed = all.stream().filter(r -> shown.test(r.subject())).toList();
        List<List<String>> top = listed.stream()
                .limit(ROWS)
                .map(r -> List.of(
                        r.subject(),
                        num(r.amount()),
                        num(zeroByQuery.getOrDefault(r.subject(), 0L)),
                        num(clicksByQuery.getOrDefault(r.subject(), 0L))))
                .toList();
        List<List<String>> failed = listed.stream()
                .filter(r -> zeroByQuery.containsKey(r.subject()) || !clicksByQuery.containsKey(r.subject()))
                .limit(ROWS)
                .map(r -> List.of(
                        r.subject(), num(r.amount()), zeroByQuery.containsKey(r.subject()) ? "no results" : "no click"))
                .toList();
        return new InsightsPage(
                "search",
                "Search",
                from,
                to,
                List.of(
                        Figure.count("Searches", searches, "searches run (help center, API, contact form)"),
                        Figure.percent(
                                "Searches with a click",
                                withClick,
                                searches,
                                "Σ per query min(clicks, searches) ÷ searches"),
                        Figure.percent("Zero-result rate", zero, searches, "searches with no result ÷ searches"),
                        Figure.percent(
                                "Refinement rate",
                                counts.total(Metric.SEARCH_REFINEMENTS, from, to),
                                followed,
                                "searches followed by other words from the same visitor within 60 s ÷ followed"
                                        + " searches"),
                        Figure.percent(
                                "Exits without a click",
                                counts.total(Metric.SEARCH_EXITS, from, to),
                                followed,
                                "searches after which the visitor opened no result and did not search again within"
                                        + " 60 s ÷ followed searches"),
                        Figure.percent(
                                "Searched, then contacted us",
                                searchToContact.thenContacted(),
                                searchToContact.searched(),
                                "visitors who opened the contact form within 30 minutes of a search ÷ visitors who"
                                        + " searched (distinct visitors per day)"),
                        Figure.count(
                                "Queries not listed",
                                all.size() - listed.size(),
                                "queries typed by fewer than " + privacy.minVisitors()
                                        + " distinct visitors: they may identify a customer, so only their counts are"
                                        + " kept"),
                        Figure.count(
                                "Result clicks",
                                counts.total(Metric.SEARCH_CLICKS, from, to),
                                "results opened from a result list")),
                tables.daily("Searches per day", Metric.SEARCHES, from, to),
                List.of(
                        new Table(
                                "queries",
                                "Top queries",
                                List.of("Query", "Searches", "Without results", "Clicks"),
                                top),
                        new Table("failed", "Failed queries", List.of("Query", "Searches", "Why"), failed)));
    }

    static Map<String, Long> map(List<Row> rows) {
        return rows.stream().collect(Collectors.toMap(Row::subject, Row::amount));
    }

    private static List<String> withFirst(String first, List<String> columns) {
        List<String> out = new ArrayList<>(columns);
        out.set(0, first);
        return out;
    }

    static String num(long n) {
        return Long.toString(n);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    static String score(long help, long cases) {
        return cases == 0 ? "—" : String.format(Locale.ROOT, "%.2f", (double) help / cases);
    }
}

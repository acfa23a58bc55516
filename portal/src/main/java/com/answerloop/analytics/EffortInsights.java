package com.answerloop.analytics;

import static com.answerloop.analytics.Insights.num;
import static com.answerloop.analytics.Insights.percent;
import static com.answerloop.analytics.Insights.score;

import com.answerloop.analytics.InsightsPage.Figure;
import com.answerloop.analytics.InsightsPage.Table;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The effort and service-level area: how hard customers found getting help (the customer effort score of the survey
 * sent with a solved case, 1 = very low effort, 7 = very high), by category and week, and whether requests got their
 * first answer within the published target.
 */
@Component
class EffortInsights {

    /** Scores from 1 to this one count as low effort; 4 is neutral. */
    static final int LOW_EFFORT = 3;

    private final CaseLog caseLog;

    EffortInsights(CaseLog caseLog) {
        this.caseLog = caseLog;
    }

    InsightsPage effort(LocalDate from, LocalDate to) {
        List<CaseLog.Rating> ratings = caseLog.ratings(from, to);
        List<CaseLog.FirstResponse> cases = caseLog.firstResponses(from, to);
        List<CaseLog.FirstResponse> answered =
                cases.stream().filter(c -> c.seconds() != null).toList();
        long withinTarget =
                answered.stream().filter(CaseLog.FirstResponse::withinTarget).count();
        List<Duration> waits = answered.stream()
                .map(c -> Duration.ofSeconds(c.seconds()))
                .sorted()
                .toList();
        return new InsightsPage(
                "effort",
                "Effort and service level",
                from,
                to,
                List.of(
                        Figure.count("Effort surveys answered", ratings.size(), "survey answers given in the period"),
                        Figure.score(
                                "Average effort",
                                sum(ratings),
                                ratings.size(),
                                "mean score of those answers (1 = very low effort, 7 = very high; lower is better)"),
                        Figure.percent(
                                "Low effort",
                                lowEffort(ratings),
                                ratings.size(),
                                "answers of 1 to " + LOW_EFFORT + " ÷ answers"),
                        Figure.percent(
                                "First responses within target",
                                withinTarget,
                                answered.size(),
                                "requests opened in the period whose first agent reply came within the first-response"
                                        + " target (business time, weekends excluded) ÷ those answered"),
                        Figure.text(
                                "Median time to first response",
                                waits.isEmpty() ? "—" : KcsInsights.duration(ContentInsights.median(waits)),
                                "median over the answered requests opened in the period of (first agent reply − sent)"),
                        Figure.count(
                                "Awaiting a first response",
                                cases.size() - answered.size(),
                                "requests opened in the period that no agent has replied to yet")),
                null,
                List.of(
                        new Table(
                                "distribution",
                                "Effort scores",
                                List.of("Score", "Answers", "Share"),
                                distribution(ratings)),
                        new Table(
                                "categories",
                                "By category",
                                List.of(
                                        "Category",
                                        "Answers",
                                        "Average effort",
                                        "Low effort",
                                        "Requests answered",
                                        "Within target"),
                                byCategory(ratings, answered)),
                        new Table(
                                "weekly",
                                "Week by week",
                                List.of("Week of", "Answers", "Average effort"),
                                weekly(ratings))));
    }

    private static List<List<String>> distribution(List<CaseLog.Rating> ratings) {
        Map<Integer, Long> byScore =
                ratings.stream().collect(Collectors.groupingBy(CaseLog.Rating::score, Collectors.counting()));
        List<List<String>> rows = new ArrayList<>();
        for (int s = 1; s <= 7; s++) {
            long answers = byScore.getOrDefault(s, 0L);
            rows.add(List.of(label(s), num(answers), percent(answers, ratings.size())));
        }
        return rows;
    }

    private static List<List<String>> byCategory(List<CaseLog.Rating> ratings, List<CaseLog.FirstResponse> answered) {
        Map<String, List<CaseLog.Rating>> rated = group(ratings, CaseLog.Rating::category);
        Map<String, List<CaseLog.FirstResponse>> responded = group(answered, CaseLog.FirstResponse::category);
        TreeMap<String, Boolean> categories = new TreeMap<>();
        rated.keySet().forEach(c -> categories.put(c, true));
        responded.keySet().forEach(c -> categories.put(c, true));
        List<List<String>> rows = new ArrayList<>();
        for (String category : categories.keySet()) {
            List<CaseLog.Rating> r = rated.getOrDefault(category, List.of());
            List<CaseLog.FirstResponse> f = responded.getOrDefault(category, List.of());
            rows.add(List.of(
                    category.isEmpty() ? "No category" : category,
                    num(r.size()),
                    score(sum(r), r.size()),
                    percent(lowEffort(r), r.size()),
                    num(f.size()),
                    percent(
                            f.stream()
                                    .filter(CaseLog.FirstResponse::withinTarget)
                                    .count(),
                            f.size())));
        }
        return rows;
    }

    private static List<List<String>> weekly(List<CaseLog.Rating> ratings) {
        Map<LocalDate, List<CaseLog.Rating>> byWeek =
                new TreeMap<>(group(ratings, r -> r.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        List<List<String>> rows = new ArrayList<>();
        byWeek.forEach((week, r) -> rows.add(List.of(week.toString(), num(r.size()), score(sum(r), r.size()))));
        return rows;
    }

    private static <T, K> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key));
    }

    private static long sum(List<CaseLog.Rating> ratings) {
        return ratings.stream().mapToLong(CaseLog.Rating::score).sum();
    }

    private static long lowEffort(List<CaseLog.Rating> ratings) {
        return ratings.stream().filter(r -> r.score() <= LOW_EFFORT).count();
    }

    private static String label(int score) {
        return switch (score) {
            case 1 -> "1 (very low effort)";
            case 7 -> "7 (very high effort)";
            default -> Integer.toString(score);
        };
    }
}

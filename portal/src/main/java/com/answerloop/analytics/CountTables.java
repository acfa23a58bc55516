package com.answerloop.analytics;

import static com.answerloop.analytics.Insights.num;

import com.answerloop.analytics.InsightsPage.Chart;
import com.answerloop.analytics.InsightsPage.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The two shapes most areas draw from a daily counter: a table per subject and a bar chart per day. */
@Component
class CountTables {

    private final DailyCounts counts;

    CountTables(DailyCounts counts) {
        this.counts = counts;
    }

    Table rows(String id, String title, String subject, Metric metric, LocalDate from, LocalDate to) {
        return new Table(
                id,
                title,
                List.of(subject, "Count"),
                counts.bySubject(metric, from, to, Insights.ROWS).stream()
                        .map(r -> List.of(r.subject().isEmpty() ? "(none)" : r.subject(), num(r.amount())))
                        .toList());
    }

    Chart daily(String title, Metric metric, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> byDay = counts.byDay(metric, from, to).stream()
                .collect(Collectors.toMap(DailyCounts.DayTotal::day, DailyCounts.DayTotal::amount));
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            labels.add(day.toString());
            values.add(byDay.getOrDefault(day, 0L));
        }
        return Chart.of(title, labels, values);
    }
}

package com.answerloop.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * One insights area for a period: headline figures, a chart and its tables. The same value feeds the page, the CSV
 * export and the JSON API, so the three always agree.
 */
record InsightsPage(
        String area,
        String title,
        LocalDate from,
        LocalDate to,
        List<Figure> figures,
        Chart chart,
        List<Table> tables) {

    /**
     * A headline number with the formula it was computed by. {@code value} is what the page shows; {@code numerator}
     * and {@code denominator} are the raw counts behind it (a count has no denominator, a text figure neither), so an
     * API client can add periods up or recompute a ratio without parsing "12.5%".
     */
    record Figure(String label, String value, String formula, Long numerator, Long denominator) {

        static Figure count(String label, long count, String formula) {
            return new Figure(label, Long.toString(count), formula, count, null);
        }

        static Figure percent(String label, long part, long whole, String formula) {
            return new Figure(label, Insights.percent(part, whole), formula, part, whole);
        }

        /** A ratio shown with two decimals, such as the self-service score. */
        static Figure score(String label, long part, long whole, String formula) {
            return new Figure(label, Insights.score(part, whole), formula, part, whole);
        }

        static Figure text(String label, String value, String formula) {
            return new Figure(label, value, formula, null, null);
        }
    }

    /**
     * A table; every cell is already formatted. {@code id} names it in the CSV export URL. When {@code action} is set,
     * each row offers a button that posts the row's first cell as {@code topic} to that path.
     */
    record Table(String id, String title, List<String> columns, List<List<String>> rows, String action) {

        Table(String id, String title, List<String> columns, List<List<String>> rows) {
            this(id, title, columns, rows, null);
        }
    }

    /** A bar chart over days; the page draws it as SVG with the table of the same values beside it. */
    record Chart(String title, List<Bar> bars) {

        /** One bar, with its height as a share of the tallest (0 to 1). */
        record Bar(String label, long value, double share) {}

        static Chart of(String title, List<String> labels, List<Long> values) {
            long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
            List<Bar> bars = new java.util.ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                bars.add(new Bar(labels.get(i), values.get(i), max == 0 ? 0 : (double) values.get(i) / max));
            }
            return new Chart(title, List.copyOf(bars));
        }
    }

    Table table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }
}

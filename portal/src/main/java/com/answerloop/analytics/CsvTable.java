package com.answerloop.analytics;

import java.util.List;
import java.util.stream.Collectors;

/** Writes an insights table as RFC 4180 CSV, safe to open in a spreadsheet. */
final class CsvTable {

    private CsvTable() {}

    static String of(InsightsPage.Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.columns());
        table.rows().forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(CsvTable::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** Quotes every cell; a cell a spreadsheet would run as a formula (a typed query can be hostile) gets a leading '. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("[+-]\\d+")
                ? "'" + value
                : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}

package com.answerloop.capture;

import java.util.ArrayList;
import java.util.List;

/** A readable inline diff of two texts by lines (longest common subsequence), for the version history. */
final class LineDiff {

    enum Change {
        SAME,
        ADDED,
        REMOVED
    }

    record Line(Change change, String text) {

        public String css() {
            return change.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String marker() {
            return switch (change) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "-";
            };
        }
    }

    private LineDiff() {}

    static List<Line> between(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(Change.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                lines.add(new Line(Change.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line(Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line(Change.ADDED, b[j++]));
        }
        return lines;
    }
}

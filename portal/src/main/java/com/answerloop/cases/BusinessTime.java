package com.answerloop.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Time as a support team's promise counts it: Monday to Friday (UTC); Saturdays and Sundays do not count. A request
 * sent on Friday evening and answered on Monday morning was answered within a business day.
 */
final class BusinessTime {

    private BusinessTime() {}

    /** The weekday time between two instants (zero when {@code to} is not after {@code from}). */
    static Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant overlapStart = from.isAfter(start) ? from : start;
            Instant overlapEnd = to.isBefore(end) ? to : end;
            if (overlapEnd.isAfter(overlapStart)) {
                total = total.plus(Duration.between(overlapStart, overlapEnd));
            }
        }
        return total;
    }

    /** How customers read a target: "1 business day", "4 business hours". */
    static String describe(Duration target) {
        if (target.toHours() > 0 && target.toHours() % 24 == 0) {
            return plural(target.toDays(), "business day");
        }
        if (target.toMinutes() % 60 == 0) {
            return plural(target.toHours(), "business hour");
        }
        return plural(target.toMinutes(), "business minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}

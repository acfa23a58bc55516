package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpansTests {

    @Test
    void aPeriodIsCoveredDayByDayOnceByAlignedWeeksBlocksAndEdgeDays() {
        Random random = new Random(18);
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1_000));
            LocalDate to = from.plusDays(random.nextInt(400));
            List<Spans.Part> parts = Spans.cover(from, to);
            LocalDate next = from;
            for (Spans.Part part : parts) {
                assertThat(part.first()).isEqualTo(next);
                if (part.span() > 1) {
                    assertThat(part.first().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                    assertThat(Spans.startOf(part.first(), part.span())).isEqualTo(part.first());
                    assertThat(Spans.startOf(part.last(), part.span())).isEqualTo(part.last());
                }
                next = part.last().plusDays(part.span());
            }
            assertThat(next).as("%s to %s", from, to).isEqualTo(to.plusDays(1));
            assertThat(parts).as("days, weeks, blocks, weeks, days at most").hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void ninetyDaysReadAtMostTwelveEdgeDaysAndSixWeeks() {
        for (int shift = 0; shift < 28; shift++) {
            LocalDate to = LocalDate.of(2026, 12, 7).minusDays(shift);
            List<Spans.Part> parts = Spans.cover(to.minusDays(89), to);
            long days = parts.stream()
                    .filter(p -> p.span() == 1)
                    .mapToLong(p -> p.last().toEpochDay() - p.first().toEpochDay() + 1)
                    .sum();
            long weeks = parts.stream()
                    .filter(p -> p.span() == 7)
                    .mapToLong(p -> (p.last().toEpochDay() - p.first().toEpochDay()) / 7 + 1)
                    .sum();
            assertThat(days).isLessThanOrEqualTo(12);
            assertThat(weeks).isLessThanOrEqualTo(6);
        }
    }
}

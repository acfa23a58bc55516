package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KcsInsightsTests {

    @Test
    void percentilesAreNearestRank() {
        List<Duration> hours = List.of(5, 1, 3, 2, 4, 6, 7, 8, 9, 10).stream()
                .map(Duration::ofHours)
                .toList();
        assertThat(KcsInsights.percentile(hours, 50)).isEqualTo(Duration.ofHours(5));
        assertThat(KcsInsights.percentile(hours, 90)).isEqualTo(Duration.ofHours(9));
        assertThat(KcsInsights.percentile(List.of(Duration.ofMinutes(30)), 90)).isEqualTo(Duration.ofMinutes(30));
        assertThat(KcsInsights.percentile(List.of(), 50)).isNull();
    }

    @Test
    void timesReadAsHoursThenDays() {
        assertThat(KcsInsights.duration(Duration.ofMinutes(90))).isEqualTo("1.5 h");
        assertThat(KcsInsights.duration(Duration.ofHours(47))).isEqualTo("47.0 h");
        assertThat(KcsInsights.duration(Duration.ofHours(60))).isEqualTo("2.5 d");
        assertThat(KcsInsights.duration(null)).isEqualTo("—");
    }

    @Test
    void theTimeToFixAFlagIsTheMedianOfItsHourCounts() {
        // one flag fixed at once, one after 5 hours, two after 30: the median (the lower one of an even count) is 5
        List<DailyCounts.Row> byHours =
                List.of(new DailyCounts.Row("30", 2), new DailyCounts.Row("0", 1), new DailyCounts.Row("5", 1));
        assertThat(KcsInsights.medianHours(byHours)).isEqualTo(Duration.ofHours(5));
        assertThat(KcsInsights.medianHours(List.of(new DailyCounts.Row("72", 3))))
                .isEqualTo(Duration.ofHours(72));
        assertThat(KcsInsights.medianHours(List.of())).isNull();
    }
}

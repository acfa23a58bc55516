package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void presetsEndTodayAndNothingGivenMeansThirtyDays() {
        assertThat(Period.parse(7, null, null, TODAY)).isEqualTo(new Period(LocalDate.of(2026, 11, 30), TODAY, 7));
        assertThat(Period.parse(null, "", " ", TODAY).from()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(Period.parse(90, null, null, TODAY).query()).isEqualTo("days=90");
    }

    @Test
    void aCustomRangeWinsOverDaysAndAsksForItselfAgain() {
        Period period = Period.parse(7, "2026-01-01", "2026-01-31", TODAY);
        assertThat(period.custom()).isTrue();
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(period.to()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(period.query()).isEqualTo("from=2026-01-01&to=2026-01-31");
        assertThat(Period.parse(null, "2026-12-06", "2026-12-06", TODAY).to()).isEqualTo(TODAY);
    }

    @Test
    void badPeriodsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Period.parse(12, null, null, TODAY))
                .isInstanceOf(Period.Invalid.class)
                .hasMessageContaining("7, 30 or 90 days");
        assertThatThrownBy(() -> Period.parse(null, "2026-13-01", "2026-12-01", TODAY))
                .hasMessage("The start date \"2026-13-01\" is not a date like 2026-01-31.");
        assertThatThrownBy(() -> Period.parse(null, "2026-02-01", "yesterday", TODAY))
                .hasMessage("The end date \"yesterday\" is not a date like 2026-01-31.");
        assertThatThrownBy(() -> Period.parse(null, "2026-02-01", null, TODAY))
                .hasMessageContaining("both a start date and an end date");
        assertThatThrownBy(() -> Period.parse(null, "2026-03-01", "2026-02-01", TODAY))
                .hasMessageContaining("is before the start date");
        assertThatThrownBy(() -> Period.parse(null, "2026-12-01", "2026-12-07", TODAY))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> Period.parse(null, "2024-12-05", "2025-12-06", TODAY))
                .hasMessageContaining("at most 366 days");
        assertThat(Period.parse(null, "2025-12-06", "2026-12-06", TODAY).from())
                .as("exactly 366 days is allowed")
                .isEqualTo(LocalDate.of(2025, 12, 6));
    }
}

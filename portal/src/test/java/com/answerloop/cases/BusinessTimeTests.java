package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The first-response target counts weekdays only, and is worded the way customers read it. */
class BusinessTimeTests {

    @Test
    void aWeekendDoesNotCountAgainstTheTarget() {
        // Friday 18:00 to Monday 09:00 UTC: six hours of Friday and nine of Monday
        Duration overWeekend =
                BusinessTime.between(Instant.parse("2026-12-04T18:00:00Z"), Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(overWeekend).isEqualTo(Duration.ofHours(15));
        assertThat(overWeekend).isLessThanOrEqualTo(Duration.ofDays(1));
        // Monday 09:00 to Wednesday 10:00: two days and an hour, over a one-day target
        assertThat(BusinessTime.between(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-09T10:00:00Z")))
                .isEqualTo(Duration.ofHours(49));
        // a request sent on Saturday and answered on Sunday waited no business time at all
        assertThat(BusinessTime.between(Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-06T22:00:00Z")))
                .isZero();
        assertThat(BusinessTime.between(Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T09:00:00Z")))
                .isZero();
    }

    @Test
    void theTargetIsWordedAsCustomersReadIt() {
        assertThat(BusinessTime.describe(Duration.ofDays(1))).isEqualTo("1 business day");
        assertThat(BusinessTime.describe(Duration.ofDays(2))).isEqualTo("2 business days");
        assertThat(BusinessTime.describe(Duration.ofHours(4))).isEqualTo("4 business hours");
        assertThat(BusinessTime.describe(Duration.ofMinutes(90))).isEqualTo("90 business minutes");
    }
}

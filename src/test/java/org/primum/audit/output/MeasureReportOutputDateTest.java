package org.primum.audit.output;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MeasureReport's {@code date} is a FHIR dateTime: with a time, the seconds are required, also when they are
 * zero (the validator in {@code AuditCommandTest} refused "2026-11-27T23:17Z" from a run that ended on the minute).
 */
class MeasureReportOutputDateTest {

    @Test
    void the_seconds_are_written_even_when_zero() {
        assertThat(MeasureReportOutput.timestamp(Instant.parse("2026-11-27T23:17:00Z"))).isEqualTo("2026-11-27T23:17:00Z");
        assertThat(MeasureReportOutput.timestamp(Instant.parse("2026-11-27T00:00:00.000Z"))).isEqualTo("2026-11-27T00:00:00Z");
    }

    @Test
    void to_the_second_in_utc() {
        assertThat(MeasureReportOutput.timestamp(Instant.parse("2026-11-27T23:17:05.987654Z"))).isEqualTo("2026-11-27T23:17:05Z");
    }
}

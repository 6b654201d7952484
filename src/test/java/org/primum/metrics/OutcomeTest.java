package org.primum.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTest {

    @ParameterizedTest
    @CsvSource({"200, ok", "202, ok", "400, client_error", "404, client_error", "413, client_error", "415, client_error",
            "422, client_error", "401, refused", "403, refused", "412, fetch_failed", "500, server_error", "501, server_error",
            "503, server_error"})
    void statusGivesTheOutcome(int status, String label) {
        assertThat(Outcome.of(status).label()).isEqualTo(label);
    }
}

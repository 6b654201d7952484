package org.primum.api;

import org.junit.jupiter.api.Test;
import org.primum.input.Handling;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreferHandlingTest {

    @Test
    void strictOnlyWhenAsked() {
        assertThat(PreferHandling.of(null)).isEqualTo(Handling.LENIENT);
        assertThat(PreferHandling.of(List.of())).isEqualTo(Handling.LENIENT);
        assertThat(PreferHandling.of(List.of("handling=strict"))).isEqualTo(Handling.STRICT);
        assertThat(PreferHandling.of(List.of("Handling = \"STRICT\""))).isEqualTo(Handling.STRICT);
        assertThat(PreferHandling.of(List.of("return=minimal, handling=strict; foo=bar"))).isEqualTo(Handling.STRICT);
        assertThat(PreferHandling.of(List.of("return=minimal", "handling=strict"))).isEqualTo(Handling.STRICT);
        assertThat(PreferHandling.of(List.of("handling=lenient"))).isEqualTo(Handling.LENIENT);
    }

    @Test
    void unknownOrMalformedPreferencesAreIgnoredAndTheFirstHandlingCounts() {
        assertThat(PreferHandling.of(List.of("handling=pedantic"))).isEqualTo(Handling.LENIENT);
        assertThat(PreferHandling.of(List.of("strict", "respond-async"))).isEqualTo(Handling.LENIENT);
        assertThat(PreferHandling.of(List.of("handling=lenient, handling=strict"))).isEqualTo(Handling.LENIENT);
        assertThat(PreferHandling.of(Arrays.asList(null, "handling=strict"))).isEqualTo(Handling.STRICT);
    }
}

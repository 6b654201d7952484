package org.primum.facts;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thresholds as values: built from names, overridden by name, quoted into texts by name. */
class ThresholdsTest {

    private static final Thresholds T = new Thresholds(90, 16, 32, 12, 3, 3, 40, 30, 20, 14);

    @Test
    void theNamesAreTheRecordComponentsInOrder() {
        assertThat(Thresholds.names()).containsExactlyElementsOf(
                Arrays.stream(Thresholds.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(T.asMap().keySet()).containsExactlyElementsOf(Thresholds.names());
        assertThat(T.asMap()).containsEntry("responseWindowMinWeeks", 16).containsEntry("poorKarnofskyMax", 40);
        assertThat(Thresholds.of(T.asMap())).isEqualTo(T);
    }

    @Test
    void ofNeedsEveryNameAndNoOther() {
        Map<String, Integer> missing = new LinkedHashMap<>(T.asMap());
        missing.remove("poorEcogMin");
        assertThatThrownBy(() -> Thresholds.of(missing)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poorEcogMin");
        Map<String, Integer> extra = new LinkedHashMap<>(T.asMap());
        extra.put("newLesionGraceWeeks", 4);
        assertThatThrownBy(() -> Thresholds.of(extra)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown threshold newLesionGraceWeeks");
    }

    @Test
    void withReplacesOnlyTheNamedOnes() {
        Thresholds wider = T.with(Map.of("responseWindowMinWeeks", 20, "responseWindowMaxWeeks", 36));
        assertThat(wider).isEqualTo(new Thresholds(90, 20, 36, 12, 3, 3, 40, 30, 20, 14));
        assertThat(T.with(Map.of())).isEqualTo(T);
        assertThatThrownBy(() -> T.with(Map.of("deNovoWindow", 120))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown threshold deNovoWindow");
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrANegativeValueIsRefused() {
        assertThatThrownBy(() -> T.with(Map.of("responseWindowMinWeeks", 40))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("responseWindowMinWeeks (40) is after responseWindowMaxWeeks (32)");
        assertThatThrownBy(() -> T.with(Map.of("deNovoWindowDays", -1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillQuotesTheValuesByName() {
        assertThat(T.fill("reassess after {responseWindowMinWeeks}–{responseWindowMaxWeeks} weeks"))
                .isEqualTo("reassess after 16–32 weeks");
        assertThat(T.with(Map.of("deNovoWindowDays", 120)).fill("within {deNovoWindowDays} days")).isEqualTo("within 120 days");
        assertThat(T.fill("no placeholder, 16% and $1")).isEqualTo("no placeholder, 16% and $1");
        assertThat(T.fill(null)).isNull();
        assertThatThrownBy(() -> T.fill("after {responseWindow} weeks")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown threshold {responseWindow}");
    }
}

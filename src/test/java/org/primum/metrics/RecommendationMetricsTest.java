package org.primum.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.primum.core.Evaluated;
import org.primum.core.Pipeline;
import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecommendationMetrics metrics = new RecommendationMetrics(registry);

    @Test
    void registeredCodesStartAtZero() {
        metrics.register(List.of("SYSTEMIC_THERAPY_FIRST", "DEFER_LRT_UNTIL_RESPONSE"));
        assertThat(fired("SYSTEMIC_THERAPY_FIRST")).isZero();
        assertThat(fired("DEFER_LRT_UNTIL_RESPONSE")).isZero();
    }

    @Test
    void eachRecommendationOfAnAnswerCountsOnceUnderItsCode() {
        metrics.register(List.of("SYSTEMIC_THERAPY_FIRST", "DEFER_LRT_UNTIL_RESPONSE", "LRT_OPTION_FOR_LOCAL_CONTROL"));
        metrics.evaluated(evaluated("SYSTEMIC_THERAPY_FIRST", "DEFER_LRT_UNTIL_RESPONSE"));
        metrics.evaluated(evaluated("SYSTEMIC_THERAPY_FIRST"));
        assertThat(fired("SYSTEMIC_THERAPY_FIRST")).isEqualTo(2);
        assertThat(fired("DEFER_LRT_UNTIL_RESPONSE")).isEqualTo(1);
        assertThat(fired("LRT_OPTION_FOR_LOCAL_CONTROL")).isZero();
    }

    @Test
    void theOnlyLabelIsTheCode() {
        metrics.evaluated(evaluated("SYSTEMIC_THERAPY_FIRST"));
        Counter counter = registry.get("primum.recommendations.fired").counter();
        assertThat(counter.getId().getTags()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("code"));
    }

    private double fired(String code) {
        return registry.get("primum.recommendations.fired").tag("code", code).counter().count();
    }

    private static Evaluated evaluated(String... codes) {
        List<Recommendation> recommendations = Arrays.stream(codes)
                .map(c -> new Recommendation(c, null, null, null, null, null, List.of(), List.of(), null, "v")).toList();
        Pipeline.Result result = new Pipeline.Result(null, new Evaluation("v", null, recommendations, List.of()), List.of(), 0, List.of());
        return new Evaluated("tumour-board", "Patient/secret-id", LocalDate.of(2025, 7, 1), result, new byte[0], null);
    }
}

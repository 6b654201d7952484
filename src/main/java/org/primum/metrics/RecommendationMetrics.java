package org.primum.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.primum.core.Evaluated;
import org.primum.core.EvaluationListener;
import org.primum.engine.Recommendation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code primum_recommendations_fired_total{code}}: each recommendation of each answer the service gives (every
 * entry point's evaluations reach it through the core's {@link EvaluationListener}; a replay does not), by
 * catalogue code. The codes are those of the knowledge base's rules, registered at start-up
 * ({@link KnowledgeBaseMetrics}): a closed set, and a counter lookup per recommendation.
 */
@Singleton
public class RecommendationMetrics implements EvaluationListener {

    private final MeterRegistry registry;
    private final Map<String, Counter> byCode = new ConcurrentHashMap<>();

    public RecommendationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the counters of {@code codes} at 0, so each series exists before it first moves. */
    public void register(Collection<String> codes) {
        codes.forEach(this::counter);
    }

    @Override
    public void evaluated(Evaluated evaluated) {
        List<Recommendation> recommendations = evaluated.result().evaluation().recommendations();
        for (int i = 0; i < recommendations.size(); i++) counter(recommendations.get(i).code()).increment();
    }

    private Counter counter(String code) {
        Counter counter = byCode.get(code);
        // a code is only ever one of the knowledge base's rules (the engine emits nothing else): registered at
        // start-up, so this is a fallback that cannot grow the set
        return counter != null ? counter : byCode.computeIfAbsent(code, c -> Counter.builder("primum.recommendations.fired")
                .description("Recommendations in the service's answers, by catalogue code")
                .tag("code", c)
                .register(registry));
    }
}

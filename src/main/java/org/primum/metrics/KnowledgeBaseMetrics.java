package org.primum.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.primum.core.Pipeline;
import org.primum.engine.KnowledgeBase;
import org.primum.engine.RuleDefinition;

/**
 * At start-up, once the knowledge base is compiled: {@code primum_knowledge_base_info{version} 1} (which rules
 * and thresholds the answers come from: a deployment's version shows on every dashboard), and a
 * {@code primum_recommendations_fired_total} series at 0 for each code of its rules.
 */
@Singleton
@Startup
public class KnowledgeBaseMetrics {

    public KnowledgeBaseMetrics(Pipeline pipeline, MeterRegistry registry, RecommendationMetrics recommendations) {
        KnowledgeBase knowledgeBase = pipeline.knowledgeBase();
        Gauge.builder("primum.knowledge.base.info", () -> 1)
                .description("The knowledge base the service answers with (rules/VERSION and the hash of the rules), always 1")
                .tag("version", knowledgeBase.version())
                .register(registry);
        recommendations.register(knowledgeBase.definitions().stream().map(RuleDefinition::code).toList());
    }
}

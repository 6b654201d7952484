package org.primum;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.audit.log.DecisionLog;
import org.primum.core.EvaluationListener;
import org.primum.core.Pipeline;
import org.primum.metrics.RecommendationMetrics;

import java.nio.file.Path;

/**
 * The service's one {@link Pipeline}, built from {@link PrimumConfig} at start-up: a rule or terminology
 * error stops the service instead of failing requests. Everything else about the pipeline is plain Java in
 * {@code org.primum.core}.
 */
@Singleton
public class PipelineProducer {

    private static final Logger LOG = Logger.getLogger(PipelineProducer.class);

    @Produces
    @Singleton
    @Startup
    Pipeline pipeline(PrimumConfig config, DecisionLog decisionLog, RecommendationMetrics metrics) {
        Pipeline pipeline = Pipeline.builder()
                .rules(Path.of(config.knowledgeBase().rulesDir()))
                .profiles(Path.of(config.knowledgeBase().profilesDir()))
                .thresholds(config.thresholds().overrides())
                // every entry point's evaluations recorded and counted here, in one place
                .listener(EvaluationListener.all(decisionLog.listener(), metrics))
                .build();
        LOG.infof("knowledge base %s: %d rules", pipeline.knowledgeBase().version(), pipeline.knowledgeBase().definitions().size());
        // the first request's cold paths, taken now beside the rest of start-up instead of by that request
        if (config.startup().warmUp()) PipelineWarmUp.start(pipeline);
        return pipeline;
    }
}

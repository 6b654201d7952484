package org.primum.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The request meters: {@code primum_evaluations_total{endpoint, outcome}} and
 * {@code primum_evaluation_duration_seconds{endpoint}}, every series registered up front (so each shows 0 until
 * it moves, and recording is an array lookup).
 */
@Singleton
public class RequestMetrics {

    /**
     * Histogram buckets: an evaluation takes a few milliseconds, a large record, a CDS call that fetches from the
     * EHR's FHIR server (time-boxed at 3 s by default) or a report up to seconds.
     */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Counter[][] evaluations = new Counter[Endpoint.values().length][Outcome.values().length];
    private final Timer[] durations = new Timer[Endpoint.values().length];

    public RequestMetrics(MeterRegistry registry) {
        for (Endpoint e : Endpoint.values()) {
            for (Outcome o : Outcome.values()) {
                evaluations[e.ordinal()][o.ordinal()] = Counter.builder("primum.evaluations")
                        .description("Requests of the evaluating endpoints, by how they ended")
                        .tag("endpoint", e.label()).tag("outcome", o.label())
                        .register(registry);
            }
            durations[e.ordinal()] = Timer.builder("primum.evaluation.duration")
                    .description("Time from the request's arrival to the end of its answer, whatever the outcome")
                    .tag("endpoint", e.label())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }
    }

    /** One request of {@code endpoint}, ended as {@code outcome} after {@code nanos}. */
    public void record(Endpoint endpoint, Outcome outcome, long nanos) {
        evaluations[endpoint.ordinal()][outcome.ordinal()].increment();
        durations[endpoint.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }
}

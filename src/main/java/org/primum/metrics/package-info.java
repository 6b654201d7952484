/**
 * The service's metrics (Micrometer, exposed for Prometheus at {@code /q/metrics}):
 *
 * <ul>
 *   <li>{@code primum_evaluations_total{endpoint, outcome}}: answered requests of each evaluating endpoint
 *       ({@link org.primum.metrics.Endpoint}) by {@link org.primum.metrics.Outcome};</li>
 *   <li>{@code primum_evaluation_duration_seconds{endpoint}}: their latency, a histogram with fixed buckets
 *       ({@code _bucket{le}}, {@code _count}, {@code _sum}, {@code _max});</li>
 *   <li>{@code primum_recommendations_fired_total{code}}: recommendations in the answers, by catalogue code;</li>
 *   <li>{@code primum_knowledge_base_info{version}} = 1: the knowledge base the service answers with.</li>
 * </ul>
 *
 * Every label value comes from a closed set fixed at start-up (the endpoints, the outcomes, the codes of the
 * knowledge base's rules, its version), never from a request: no patient, resource or hook-instance id, so
 * neither patient data nor an unbounded number of series can reach a metric. Requests are measured at the
 * HTTP edge ({@link org.primum.metrics.RequestMetricsRoute}, a Vert.x route, so refusals before the REST layer
 * count too); recommendations through the core's {@link org.primum.core.EvaluationListener}
 * ({@link org.primum.metrics.RecommendationMetrics}), so the core stays free of Micrometer. Meters are
 * registered once and looked up without allocating on the answer path.
 */
package org.primum.metrics;

package org.primum.metrics;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Measures the requests of the evaluating endpoints ({@link Endpoint}) at the HTTP edge: a Vert.x route ahead of
 * every other, so a request refused before the REST layer (an announced body over the limit, the audit upload's
 * own route) counts like one the REST layer answers. It notes the start and lets the request go on; the
 * outcome and duration are recorded when the response ends (or the connection closes first).
 */
@Singleton
public class RequestMetricsRoute {

    /** Before every route of the service: the audit upload is at -3, Quarkus' body-size check at -2. */
    static final int ORDER = -10;

    private final RequestMetrics metrics;

    public RequestMetricsRoute(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::measure);
    }

    void measure(RoutingContext ctx) {
        Endpoint endpoint = HttpMethod.POST.equals(ctx.request().method()) ? Endpoint.ofPost(path(ctx)) : null;
        if (endpoint != null) {
            long start = System.nanoTime();
            ctx.addEndHandler(ended -> metrics.record(endpoint,
                    ended.succeeded() ? Outcome.of(ctx.response().getStatusCode()) : Outcome.ABORTED, System.nanoTime() - start));
        }
        ctx.next();
    }

    /** The path below the service's root ({@code quarkus.http.root-path} mounts the routes under it). */
    private static String path(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String mount = ctx.mountPoint();
        if (mount == null || mount.isEmpty() || "/".equals(mount) || !path.startsWith(mount)) return path;
        return path.substring(mount.endsWith("/") ? mount.length() - 1 : mount.length());
    }
}

package org.primum.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;

/**
 * Paths no endpoint serves (outside every REST resource, so JAX-RS never sees them) still get an
 * OperationOutcome rather than the HTTP server's plain 404: a route after every other one. A path that a
 * route serves with other methods only gets 405 with {@code Allow}.
 */
@ApplicationScoped
public class FallbackRoute {

    private final AllowedMethods allowedMethods;

    public FallbackRoute(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    void install(@Observes Router router) {
        router.route().last().handler(rc -> {
            if (rc.response().ended()) return;
            String path = rc.normalizedPath();
            Set<String> allowed = allowedMethods.of(path);
            if (!allowed.isEmpty() && !allowed.contains(rc.request().method().name())) {
                rc.response().setStatusCode(405)
                        .putHeader("Allow", AllowedMethods.header(allowed))
                        .putHeader("Content-Type", OperationOutcomes.FHIR_JSON)
                        .end(OperationOutcomes.toJson(OperationOutcomes.error("not-supported", "method " + rc.request().method().name()
                                + " is not allowed here; allowed: " + AllowedMethods.header(allowed), null)));
                return;
            }
            rc.response().setStatusCode(404)
                    .putHeader("Content-Type", OperationOutcomes.FHIR_JSON)
                    .end(OperationOutcomes.toJson(OperationOutcomes.error("not-found", "no resource at " + path, null)));
        });
    }
}

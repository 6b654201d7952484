package org.primum.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Paths no endpoint serves (outside every REST resource, so JAX-RS never sees them) still get an
 * OperationOutcome rather than the HTTP server's plain 404: a route after every other one.
 */
@ApplicationScoped
public class FallbackRoute {

    void install(@Observes Router router) {
        router.route().last().handler(rc -> {
            if (rc.response().ended()) return;
            rc.response().setStatusCode(404)
                    .putHeader("Content-Type", OperationOutcomes.FHIR_JSON)
                    .end(OperationOutcomes.toJson(OperationOutcomes.error("not-found", "no resource at " + rc.normalizedPath(), null)));
        });
    }
}

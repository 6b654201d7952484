package org.primum.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.primum.input.InvalidInputException;

/**
 * Content codings checked before any route reads a body (ahead of the audit upload route and of the REST
 * layer): a coding the service cannot decode is a 415 with an OperationOutcome, for every path. Gzip goes on: the
 * REST endpoints decode it ({@link GzipRequestBodies}), and so does the audit upload ({@code POST /audit}, a Vert.x
 * route that stores the body as it arrives and decodes it to disk under its own limit).
 */
@ApplicationScoped
public class ContentEncodingRoute {

    /** Before the audit upload route (-3) and Quarkus' body-size check (-2). */
    static final int ORDER = -4;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String header = rc.request().getHeader(ContentEncoding.HEADER);
        if (header == null) {
            rc.next();
            return;
        }
        try {
            ContentEncoding.of(header); // refuses what is not identity or gzip
            rc.next();
        } catch (InvalidInputException e) {
            var answer = OperationOutcomes.response(e);
            // the body is left unread: close the connection rather than read what follows as the next request
            rc.response().setStatusCode(answer.getStatus())
                    .putHeader("Connection", "close")
                    .putHeader("Content-Type", OperationOutcomes.FHIR_JSON)
                    .end(String.valueOf(answer.getEntity()));
        }
    }
}

package org.primum.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

/**
 * Content codings checked before any route reads a body (ahead of the audit upload route and of the REST
 * layer): a coding the service cannot decode is a 415 with an OperationOutcome, for every path. Gzip goes on to
 * the REST endpoints, which decode it ({@link GzipRequestBodies}); the audit upload ({@code POST /audit}, a
 * Vert.x route that stores the body as it arrives, by its media type) does not decode it, so a gzipped upload is
 * refused there rather than stored as unreadable NDJSON.
 */
@ApplicationScoped
public class ContentEncodingRoute {

    /** Before the audit upload route (-3) and Quarkus' body-size check (-2). */
    static final int ORDER = -4;
    /** The body routes outside the REST layer, which take the body as it is sent. */
    static final String RAW_UPLOAD = "/audit";

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
            ContentEncoding coding = ContentEncoding.of(header);
            if (coding == ContentEncoding.GZIP && rc.request().method() == HttpMethod.POST && RAW_UPLOAD.equals(rc.normalizedPath())) {
                throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "POST /audit takes the upload"
                        + " uncompressed (no Content-Encoding); it is streamed to disk as it arrives", ContentEncoding.HEADER);
            }
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

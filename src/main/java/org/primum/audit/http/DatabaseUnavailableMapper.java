package org.primum.audit.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.primum.api.OperationOutcomes;
import org.primum.api.RequestLog;
import org.primum.audit.store.DatabaseUnavailableException;

/**
 * The database is still being migrated at start-up, or its migration failed ({@code audit.store.SchemaMigration}): the
 * REST endpoints that need it (decision log, audit jobs, CDS Hooks) answer 503 with an OperationOutcome, not a 500
 * incident; {@code transient} with {@code Retry-After} while the migration runs. A global mapper beside the stores
 * (the {@code api} package does not depend on {@code audit}); {@link AuditUploadRoute} answers the same way itself.
 */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e, ContainerRequestContext request) {
        LOG.warnf("request %s %s %s -> 503: %s", RequestLog.id(request), request == null ? "" : request.getMethod(),
                request == null ? "" : request.getUriInfo().getPath(), e.getMessage());
        Response oo = OperationOutcomes.response(503, e.transientState() ? "transient" : "exception", e.getMessage(), null);
        return e.transientState() ? Response.fromResponse(oo).header(HttpHeaders.RETRY_AFTER, "5").build() : oo;
    }
}

package org.primum.audit.http;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.primum.api.OperationOutcomes;
import org.primum.audit.store.AuditJob;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The status URL of a cohort audit (Bulk Data pattern): {@code GET} answers 202 with {@code X-Progress} while
 * the job waits or runs, 200 with the audit's JSON when it is done, 500 with an OperationOutcome saying why
 * when it failed; {@code DELETE} cancels the job and deletes it with its result (202).
 */
@Path("/audit/jobs/{id}")
public class AuditJobsResource {

    private final AuditJobService service;

    public AuditJobsResource(AuditJobService service) {
        this.service = service;
    }

    @GET
    public Response status(@RestPath String id) throws SQLException {
        Optional<AuditJob> found = service.jobs().isEmpty() ? Optional.empty() : service.jobs().get().find(id);
        if (found.isEmpty()) return notFound();
        AuditJob job = found.get();
        return switch (job.state()) {
            case QUEUED -> Response.accepted().header("X-Progress", "queued").header("Retry-After", "2").build();
            case RUNNING -> Response.accepted().header("X-Progress", job.progress() == null ? "running" : job.progress())
                    .header("Retry-After", "2").build();
            case COMPLETED -> Response.ok(job.result(), MediaType.APPLICATION_JSON_TYPE).build();
            case FAILED -> OperationOutcomes.response(500, "exception", job.error(), null);
        };
    }

    @DELETE
    public Response cancel(@RestPath String id) throws SQLException {
        if (service.jobs().isEmpty() || !service.jobs().get().delete(id)) return notFound();
        return Response.accepted().build();
    }

    private static Response notFound() {
        return OperationOutcomes.response(404, "not-found", "no audit job with this id (never submitted, deleted, or expired)", null);
    }
}

package org.primum.audit.http;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "Audit")
public class AuditJobsResource {

    private final AuditJobService service;

    public AuditJobsResource(AuditJobService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A cohort audit's status or result", description = "202 with X-Progress while the job waits or runs; 200 with the"
            + " audit when done; 500 with the reason when it failed")
    @APIResponse(responseCode = "200", description = "The audit: per patient and criterion, the summary, the feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "202", description = "Queued or running", headers = {
            @Header(name = "X-Progress", description = "queued, or e.g. 1234 patients done", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Retry-After", description = "Seconds before asking again", schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", description = "The job failed: the reason",
            content = @Content(mediaType = OperationOutcomes.FHIR_JSON, schema = @Schema(ref = "OperationOutcome")))
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
    @Operation(summary = "Cancel and delete a cohort audit", description = "With its upload and result")
    @APIResponse(responseCode = "202", description = "Cancelled and deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response cancel(@RestPath String id) throws SQLException {
        if (service.jobs().isEmpty() || !service.jobs().get().delete(id)) return notFound();
        return Response.accepted().build();
    }

    private static Response notFound() {
        return OperationOutcomes.response(404, "not-found", "no audit job with this id (never submitted, deleted, or expired)", null);
    }
}

package org.primum.tumourboard.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.primum.api.OperationOutcomes;
import org.primum.api.RequestLog;
import org.primum.core.Pipeline;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;
import org.primum.tumourboard.TumourBoardService;

import java.time.Instant;

/**
 * The tumour-board report, one printable page per patient: {@code POST /tumour-board/report[?asOf=]} with
 * the Bundle (the same checks and errors as {@code /tumour-board/evaluate}) stores the evaluation's report and
 * answers it as HTML, its address in {@code Content-Location}; {@code GET /tumour-board/report/{id}} serves a
 * stored report until it expires (then 404), building it first if it is a CDS Hooks link followed for the first
 * time ({@link PendingReports}).
 *
 * <p>The page holds patient data behind an unguessable link: it is never cached, never sends its address as a
 * referrer (the citation links leave the site), and may load nothing from anywhere (its CSS and SVG are
 * inline, which the Content-Security-Policy enforces).
 */
@Path("/tumour-board/report")
@Tag(name = "Tumour board")
public class ReportResource {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    @CheckedTemplate(basePath = "tumourboard")
    static class Templates {
        static native TemplateInstance report(ReportView report);
    }

    private final TumourBoardService service;
    private final ReportStore store;
    private final PendingReports pending;

    public ReportResource(TumourBoardService service, ReportStore store, PendingReports pending) {
        this.service = service;
        this.store = store;
        this.pending = pending;
    }

    @POST
    @Consumes({OperationOutcomes.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The printable tumour-board report", description = "The same input, checks and errors as"
            + " /tumour-board/evaluate; the report is stored and its address given in Content-Location")
    @RequestBody(required = true, content = @Content(mediaType = OperationOutcomes.FHIR_JSON,
            schema = @Schema(ref = "Resource"), examples = @ExampleObject(name = "bundle", ref = "Bundle")))
    @Parameter(name = "asOf", description = "The date the record is evaluated at (YYYY-MM-DD); default today")
    @APIResponse(responseCode = "200", description = "The report page (no external asset)",
            headers = @Header(name = "Content-Location", description = "The stored report's address", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(byte[] body, @RestQuery String asOf, @Context ContainerRequestContext request) {
        Pipeline.Result result = service.evaluateRecord(body, request.getMediaType(), asOf);
        service.log(result, body, RequestLog.id(request)); // the same log line as /evaluate
        ReportView report = store.save(ReportViews.of(result, Instant.now()));
        return html(report).header("Content-Location", "/tumour-board/report/" + report.id()).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A stored report", description = "Served until it expires (primum.report.ttl, 24 h)")
    @APIResponse(responseCode = "200", description = "The report page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@RestPath String id) {
        // a CDS Hooks link followed for the first time: its report is built now (PendingReports)
        ReportView report = pending.materialise(id).or(() -> store.find(id)).orElseThrow(() -> new InvalidInputException(Problem.NOT_FOUND, "not-found",
                "no report with this id (reports are kept for " + store.ttl() + ")", "id"));
        return html(report).build();
    }

    /** The page of {@code report}, for the endpoints and the CDS Hooks link alike. */
    public static String render(ReportView report) {
        return Templates.report(report).render();
    }

    private static Response.ResponseBuilder html(ReportView report) {
        return Response.ok(render(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }
}

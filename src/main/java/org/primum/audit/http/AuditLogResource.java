package org.primum.audit.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.primum.audit.log.DecisionLog;
import org.primum.audit.log.Replay;
import org.primum.audit.log.ReplayReport;
import org.primum.audit.store.DecisionStore;
import org.primum.audit.store.FeedbackAudit;
import org.primum.audit.store.FeedbackRates;
import org.primum.core.Pipeline;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The decision log and the feedback, for an auditor: {@code GET /audit/decisions}, {@code POST /audit/replay},
 * {@code GET /audit/feedback}. Errors are OperationOutcomes (org.primum.api).
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditLogResource {

    private final DecisionStore decisions;
    private final Replay replay;
    private final FeedbackAudit feedback;
    private final DecisionLog log;

    public AuditLogResource(DataSource dataSource, Pipeline pipeline, DecisionLog log) {
        this.decisions = new DecisionStore(dataSource);
        this.replay = new Replay(pipeline, decisions);
        this.feedback = new FeedbackAudit(dataSource);
        this.log = log;
    }

    /** {@code ?patient=<id>&from=&to=&limit=}: the decisions, oldest first. */
    @GET
    @Path("/decisions")
    @Operation(summary = "The decision log", description = "Every logged evaluation, oldest first; the patient as a salted hash")
    @Parameter(name = "patient", description = "A patient id (abc or Patient/abc), hashed to look it up")
    @Parameter(name = "from", description = "A date or RFC 3339 date-time")
    @Parameter(name = "to", description = "A date or RFC 3339 date-time (exclusive)")
    @Parameter(name = "limit", description = "1 to 10,000 (100)")
    @APIResponse(responseCode = "200", description = "{\"decisions\": [...]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Map<String, List<DecisionView>> decisions(@RestQuery String patient, @RestQuery String from, @RestQuery String to,
                                                     @RestQuery Integer limit) throws SQLException {
        var filter = new DecisionQuery(List.of(), patient, from, to, limit).filter(log.patientHash());
        return Map.of("decisions", decisions.find(filter).stream().map(DecisionView::of).toList());
    }

    /** Body {@code {"ids":[…],"patient":"…","from":"…","to":"…","limit":n}} (all optional): which decisions to evaluate again. */
    @POST
    @Path("/replay")
    @Operation(summary = "Replay logged decisions", description = "The logged decisions evaluated again under the current knowledge base:"
            + " which changed, and how")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionQuery.class),
            examples = @ExampleObject(name = "one patient", ref = "ReplayQuery")))
    @APIResponse(responseCode = "200", description = "The replay",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayReport.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    public ReplayReport replay(DecisionQuery query) throws SQLException {
        DecisionQuery q = query == null ? new DecisionQuery(List.of(), null, null, null, null) : query;
        return replay.run(q.filter(log.patientHash()));
    }

    @GET
    @Path("/feedback")
    @Operation(summary = "Feedback rates", description = "The CDS Hooks feedback per recommendation code and knowledge-base version")
    @APIResponse(responseCode = "200", description = "The rates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackRates.class)))
    public FeedbackRates feedback() throws SQLException {
        return feedback.rates();
    }
}

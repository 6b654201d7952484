package org.primum.cdshooks;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.primum.input.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.primum.PrimumConfig;
import org.primum.api.PreferHandling;
import org.primum.api.RequestBodies;
import org.primum.api.JsonBody;
import org.primum.cdshooks.model.*;
import org.primum.cdshooks.security.ClientJwt;
import org.primum.cdshooks.security.CurrentClient;
import org.primum.core.Pipeline;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** CDS Hooks 2.0 endpoints: discovery, the three services, feedback, and the feedback summary. */
@Path("/cds-services")
@Produces(MediaType.APPLICATION_JSON)
@JsonBody
@Tag(name = "CDS Hooks")
public class CdsHooksResource {

    private final CdsHooksService service;
    private final FeedbackStore feedback;
    private final ObjectMapper json;
    private final CurrentClient client;
    private final long maxBodyBytes;

    public CdsHooksResource(CdsHooksService service, FeedbackStore feedback, ObjectMapper json, CurrentClient client, PrimumConfig config) {
        this.service = service;
        this.feedback = feedback;
        this.json = json;
        this.client = client;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @GET
    @ClientJwt(discovery = true)
    @Operation(summary = "CDS Hooks discovery", description = "The three services with their prefetch templates and usage requirements")
    @APIResponse(responseCode = "200", description = "The services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Discovery.class)))
    public Discovery discovery() {
        return service.discovery();
    }

    @POST
    @Path("{id}")
    @ClientJwt
    @Operation(summary = "Call a CDS service", description = "dnmbc-lrt-patient-view, dnmbc-lrt-order-select or dnmbc-lrt-order-sign:"
            + " the cards for the patient (and the draft orders). Missing prefetch is fetched from fhirServer with fhirAuthorization."
            + " Needs a client JWT (Authorization: Bearer). The body is JSON (application/json).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "A CDS Hooks 2.0 request: hook, hookInstance, context, prefetch,"
                    + " fhirServer, fhirAuthorization"),
            examples = @ExampleObject(name = "patient-view", ref = "PatientViewRequest")))
    @APIResponse(responseCode = "200", description = "The cards",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CdsResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public CdsResponse call(@RestPath String id, byte[] body, @HeaderParam(PreferHandling.HEADER) List<String> prefer,
                            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        String hook = CdsServiceCatalog.hookOf(id)
                .orElseThrow(() -> new CdsHookException(Problem.NOT_FOUND, "not-found", "no CDS service with this id"));
        JsonNode tree = parse(body);
        HookCall call = HookCall.read(tree, hook);
        // FHIR's Prefer: handling=strict refuses invalid FHIR in the prefetch or draft orders (400) instead of leaving it out
        return service.call(call, client.get(), new Pipeline.Options(PreferHandling.of(prefer)), uri.getBaseUri());
    }

    @POST
    @Path("{id}/feedback")
    @ClientJwt
    @Operation(summary = "Feedback on cards", description = "Accepted or overridden cards (with the override reason), stored with the"
            + " codes and knowledge-base version of the card")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedbackRequest.class), examples = @ExampleObject(name = "overridden", ref = "Feedback")))
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response feedback(@RestPath String id, byte[] body) {
        if (CdsServiceCatalog.hookOf(id).isEmpty()) throw new CdsHookException(Problem.NOT_FOUND, "not-found", "no CDS service with this id");
        FeedbackRequest request;
        try {
            request = json.treeToValue(parse(body), FeedbackRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CdsHookException(Problem.MALFORMED, "structure", "the feedback body does not have the CDS Hooks feedback shape");
        }
        if (request == null || request.feedback() == null || request.feedback().isEmpty()) {
            throw new CdsHookException(Problem.MALFORMED, "required", "feedback must be a non-empty array", "feedback");
        }
        List<OffsetDateTime> timestamps = new ArrayList<>();
        for (int i = 0; i < request.feedback().size(); i++) {
            FeedbackRequest.Item item = request.feedback().get(i);
            String at = "feedback[" + i + "]";
            if (item == null) throw new CdsHookException(Problem.MALFORMED, "required", at + " is null", at);
            if (item.card() == null || item.card().isBlank()) throw new CdsHookException(Problem.MALFORMED, "required", at + ".card is required", at + ".card");
            if (!"accepted".equals(item.outcome()) && !"overridden".equals(item.outcome())) {
                throw new CdsHookException(Problem.MALFORMED, "code-invalid", at + ".outcome must be accepted or overridden", at + ".outcome");
            }
            if ("accepted".equals(item.outcome()) && (item.acceptedSuggestions() == null || item.acceptedSuggestions().isEmpty()
                    || item.acceptedSuggestions().stream().anyMatch(s -> s == null || s.id() == null))) {
                throw new CdsHookException(Problem.MALFORMED, "required", at + ".acceptedSuggestions (with id) is required when the outcome is accepted", at + ".acceptedSuggestions");
            }
            if (item.outcomeTimestamp() == null) throw new CdsHookException(Problem.MALFORMED, "required", at + ".outcomeTimestamp is required", at + ".outcomeTimestamp");
            try {
                timestamps.add(OffsetDateTime.parse(item.outcomeTimestamp()));
            } catch (DateTimeParseException e) {
                throw new CdsHookException(Problem.MALFORMED, "value", at + ".outcomeTimestamp is not an RFC 3339 date-time", at + ".outcomeTimestamp");
            }
        }
        var who = client.get();
        feedback.store(id, request.feedback(), timestamps, who == null ? null : who.issuer());
        return Response.ok().build();
    }

    @GET
    @Path("feedback/summary")
    @ClientJwt
    @Operation(summary = "Feedback summary", description = "Accepted and overridden counts and override reasons per catalogue code")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackSummary.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public FeedbackSummary feedbackSummary() {
        var who = client.get();
        return feedback.summary(who == null ? null : who.issuer()); // the caller's own feedback only
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) throw new CdsHookException(Problem.MALFORMED, "required", "the request body is empty");
        RequestBodies.requireWithinLimit(body, maxBodyBytes);
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new CdsHookException(Problem.MALFORMED, "structure", "the request body is not valid JSON");
        }
    }
}

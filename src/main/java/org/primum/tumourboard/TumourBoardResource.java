package org.primum.tumourboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.primum.api.OperationOutcomes;
import org.primum.api.PreferHandling;
import org.primum.api.RequestLog;
import org.primum.api.validation.ProfileValidation;
import org.primum.api.validation.ProfileValidator;
import org.primum.core.Pipeline;
import org.primum.tumourboard.fhir.GuidanceResponses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * {@code POST /tumour-board/evaluate[?asOf=YYYY-MM-DD][&validate=true]}: a FHIR R4 Bundle with one patient's
 * record → the recommendations about locoregional therapy of the intact primary: plain JSON
 * ({@link TumourBoardAnswer}) by default, a FHIR R4 GuidanceResponse ({@link GuidanceResponses}) when the
 * client prefers {@code application/fhir+json}. With {@code validate=true} (or {@code primum.validation.enabled})
 * the input is also checked against the profiles of {@code fhir-profiles/structure/} and the problems come
 * beside the answer as an OperationOutcome ({@code validation} in the JSON answer, the contained
 * {@code evaluationMessage} of the GuidanceResponse); they never block the answer unless the client sent
 * {@code Prefer: handling=strict} (which also asks for validation), then an input with errors gets 422 and the
 * OperationOutcome instead; strict handling also refuses invalid elements of the record (400) that are otherwise
 * left out and reported (DATA_INVALID_RECORD). Errors are OperationOutcomes (see org.primum.api).
 */
@Path("/tumour-board")
@Tag(name = "Tumour board")
public class TumourBoardResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TumourBoardService service;
    private final ProfileValidation validation;

    public TumourBoardResource(TumourBoardService service, ProfileValidation validation) {
        this.service = service;
        this.validation = validation;
    }

    @POST
    @Path("/evaluate")
    @Operation(summary = "Evaluate one patient's record", description = "A FHIR R4 Bundle (collection, transaction, batch, searchset or"
            + " document) holding one patient's record → the recommendations about locoregional therapy of the intact primary, each with"
            + " its evidence, citations and the facts behind it. Plain JSON by default; a FHIR R4 GuidanceResponse for a client that"
            + " prefers application/fhir+json. Invalid elements are left out and reported (DATA_INVALID_RECORD) unless the client sends"
            + " Prefer: handling=strict (then 400, or 422 for profile errors).")
    @RequestBody(required = true, content = @Content(mediaType = OperationOutcomes.FHIR_JSON,
            schema = @Schema(ref = "Resource"), examples = @ExampleObject(name = "bundle", ref = "Bundle")))
    @Parameter(name = "asOf", description = "The date the record is evaluated at (YYYY-MM-DD); default today")
    @Parameter(name = "validate", description = "true: the input's problems against the expected profiles come with the answer")
    @Parameter(name = "Prefer", description = "handling=strict refuses invalid elements (400) and profile errors (422)")
    @APIResponse(responseCode = "200", description = "The evaluation: recommendations, facts as understood, missing data, notes",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TumourBoardAnswer.class)),
                    @Content(mediaType = OperationOutcomes.FHIR_JSON, schema = @Schema(ref = "Resource"))})
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @Consumes({OperationOutcomes.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces({MediaType.APPLICATION_JSON, OperationOutcomes.FHIR_JSON})
    public Response evaluate(byte[] body, @RestQuery String asOf, @RestQuery String validate, @RestHeader("Prefer") String prefer,
                             @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        String requestId = RequestLog.id(request);
        Pipeline.Options options = new Pipeline.Options(PreferHandling.of(request.getHeaders().get(PreferHandling.HEADER)));
        Pipeline.Result result = service.evaluateRecord(body, request.getMediaType(), asOf, options);
        boolean strict = strict(prefer);
        ProfileValidator.Outcome outcome = strict || "true".equalsIgnoreCase(validate) || validation.always()
                ? validation.validate(body) : null;
        if (strict && outcome.hasErrors()) {
            return Response.status(422).type(OperationOutcomes.FHIR_JSON_TYPE)
                    .entity(outcome.operationOutcomeJson().getBytes(StandardCharsets.UTF_8)).build();
        }
        TumourBoardAnswer answer = service.answer(result, body, requestId);
        if (prefersFhir(headers)) {
            JsonNode validationNode = outcome == null ? null : readTree(outcome.operationOutcomeJson());
            return Response.ok(bytes(GuidanceResponses.of(result, requestId, Instant.now(), validationNode)), OperationOutcomes.FHIR_JSON_TYPE)
                    .build();
        }
        byte[] json = service.toJson(answer);
        if (outcome != null) json = withValidation(json, outcome.operationOutcomeJson());
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** RFC 7240 / FHIR: {@code Prefer: handling=strict} (among other preferences, any case). */
    static boolean strict(String prefer) {
        return prefer != null && Arrays.stream(prefer.split("[,;]"))
                .anyMatch(p -> p.trim().replace(" ", "").equalsIgnoreCase("handling=strict"));
    }

    /** The GuidanceResponse only for a client that ranks application/fhir+json above application/json. */
    static boolean prefersFhir(HttpHeaders headers) {
        for (MediaType t : headers.getAcceptableMediaTypes()) {
            if (t.isWildcardType()) return false;
            if ("application".equals(t.getType()) && "fhir+json".equals(t.getSubtype())) return true;
            if ("application".equals(t.getType()) && ("json".equals(t.getSubtype()) || t.isWildcardSubtype())) return false;
        }
        return false;
    }

    /** The JSON answer with {@code "validation": <OperationOutcome>} as its last field. */
    static byte[] withValidation(byte[] answer, String operationOutcome) {
        int end = answer.length - 1;
        while (end > 0 && answer[end] != '}') end--;
        byte[] field = (",\"validation\":" + operationOutcome + "}").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(answer, end + field.length);
        System.arraycopy(field, 0, out, end, field.length);
        return out;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

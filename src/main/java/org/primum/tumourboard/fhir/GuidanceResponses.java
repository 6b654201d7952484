package org.primum.tumourboard.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.core.Pipeline;
import org.primum.engine.Citation;
import org.primum.engine.Evaluation;
import org.primum.engine.Indicator;
import org.primum.engine.MissingData;
import org.primum.engine.Recommendation;
import org.primum.facts.PatientInfo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The evaluation as a FHIR R4 {@code GuidanceResponse}, for FHIR-native clients
 * ({@code Accept: application/fhir+json} on {@code POST /tumour-board/evaluate}):
 * <ul>
 *   <li>{@code moduleUri}: the knowledge base, its version as the last path segment
 *       ({@value #KNOWLEDGE_BASE}/2026.11.0+8651120f0a50); R4 has no version element for it;</li>
 *   <li>{@code status}: {@code success}, or {@code data-required} when the guidance lacks data, each missing
 *       item a {@code dataRequirement} (the FHIR type and the mCODE profile that would carry it, its {@code id}
 *       the finding's code) and a {@code note} saying it in words;</li>
 *   <li>{@code result}: a contained {@code RequestGroup} whose actions are the recommendations, most urgent
 *       first: the catalogue code as {@code code}, {@code priority} from the card indicator (info → routine,
 *       warning → urgent, critical → asap), the citations as {@code documentation} ({@code RelatedArtifact}
 *       of type citation, DOI url; the label says which side of the evidence it is on), its {@code resource} a
 *       contained {@code CommunicationRequest} with the statement (advice to the care team, not an order);</li>
 *   <li>{@code outputParameters}: a contained {@code Parameters} with {@code asOf} and the knowledge-base version;</li>
 *   <li>{@code evaluationMessage}: the contained {@code OperationOutcome} of the profile validation, when asked for.</li>
 * </ul>
 * Written as JSON with Jackson, not with HAPI's model: entry points see FHIR as JSON (ArchitectureTest keeps
 * HAPI in {@code fhir} and {@code api}), and this is output only. {@code GuidanceResponsesTest} checks it
 * against the base specification with HAPI's validator.
 */
public final class GuidanceResponses {

    public static final String KNOWLEDGE_BASE = "http://primum.org/fhir/knowledge-base";
    public static final String CATALOGUE_SYSTEM = "http://primum.org/fhir/CodeSystem/recommendation";

    /** The FHIR type and mCODE profile that would fill each kind of missing data. */
    private static final Map<String, String[]> MISSING = Map.of(
            "DATA_MISSING_METASTATIC_SITES", new String[]{"Condition",
                    "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition"},
            "DATA_MISSING_RECEPTOR_STATUS", new String[]{"Observation",
                    "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test"},
            "DATA_MISSING_RESPONSE_ASSESSMENT", new String[]{"Observation",
                    "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-disease-status"});

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GuidanceResponses() {
    }

    /**
     * @param requestId  the request's id (also in the log line and {@code X-Request-Id})
     * @param validation the OperationOutcome of the profile validation, or null when none was asked for
     */
    public static ObjectNode of(Pipeline.Result result, String requestId, Instant now, JsonNode validation) {
        Evaluation evaluation = result.evaluation();
        String occurred = now.truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode subject = subject(result.record().patient());

        ObjectNode g = F.objectNode();
        g.put("resourceType", "GuidanceResponse");
        ArrayNode contained = g.putArray("contained");
        contained.add(requestGroup(evaluation, subject, occurred));
        for (Recommendation r : evaluation.recommendations()) contained.add(communicationRequest(r, subject, occurred));
        contained.add(outputParameters(evaluation));
        if (validation instanceof ObjectNode oo) contained.add(oo.deepCopy().put("id", "validation"));
        if (requestId != null) g.putObject("requestIdentifier").put("system", "urn:primum:request-id").put("value", requestId);
        g.put("moduleUri", KNOWLEDGE_BASE + "/" + evaluation.knowledgeBaseVersion());
        g.put("status", evaluation.missingData().isEmpty() ? "success" : "data-required");
        if (subject != null) g.set("subject", subject);
        g.put("occurrenceDateTime", occurred);
        if (!evaluation.missingData().isEmpty()) {
            // what is missing, in words: DataRequirement has no text of its own
            ArrayNode notes = g.putArray("note");
            for (MissingData m : evaluation.missingData()) {
                notes.addObject().put("text", m.code() + ": " + m.item() + (m.detail() == null ? "" : " — " + m.detail()));
            }
        }
        if (validation != null) g.putArray("evaluationMessage").addObject().put("reference", "#validation");
        g.putObject("outputParameters").put("reference", "#output");
        g.putObject("result").put("reference", "#recommendations");
        if (!evaluation.missingData().isEmpty()) {
            ArrayNode requirements = g.putArray("dataRequirement");
            for (MissingData m : evaluation.missingData()) requirements.add(dataRequirement(m));
        }
        return g;
    }

    private static ObjectNode subject(PatientInfo patient) {
        if (patient == null || patient.sourceId() == null) return null;
        return F.objectNode().put("reference", patient.sourceId());
    }

    private static ObjectNode requestGroup(Evaluation evaluation, ObjectNode subject, String occurred) {
        ObjectNode rg = F.objectNode();
        rg.put("resourceType", "RequestGroup");
        rg.put("id", "recommendations");
        rg.put("status", "active");
        rg.put("intent", "proposal");
        if (subject != null) rg.set("subject", subject.deepCopy());
        rg.put("authoredOn", occurred);
        if (evaluation.recommendations().isEmpty()) return rg;
        ArrayNode actions = rg.putArray("action");
        for (Recommendation r : evaluation.recommendations()) {
            ObjectNode a = actions.addObject();
            a.put("title", r.title());
            a.put("description", r.statement());
            a.put("priority", priority(r.indicator()));
            a.putObject("resource").put("reference", "#" + localId(r));
            a.putArray("code").addObject()
                    .put("text", r.title())
                    .putArray("coding").addObject().put("system", CATALOGUE_SYSTEM).put("code", r.code()).put("display", r.title());
            if (!r.citations().isEmpty()) {
                ArrayNode documentation = a.putArray("documentation");
                for (Citation c : r.citations()) documentation.add(relatedArtifact(c));
            }
        }
        return rg;
    }

    /**
     * The recommendation as the thing proposed: advice to the care team, a CommunicationRequest whose payload is
     * the statement (R4 requires each action to hold a resource or sub-actions, rqg-1).
     */
    private static ObjectNode communicationRequest(Recommendation r, ObjectNode subject, String occurred) {
        ObjectNode c = F.objectNode();
        c.put("resourceType", "CommunicationRequest");
        c.put("id", localId(r));
        c.put("status", "active");
        c.put("priority", priority(r.indicator()));
        if (subject != null) c.set("subject", subject.deepCopy());
        c.put("authoredOn", occurred);
        c.putArray("payload").addObject().put("contentString", r.statement());
        return c;
    }

    /** SYSTEMIC_THERAPY_FIRST → rec-systemic-therapy-first (FHIR ids allow no underscore). */
    static String localId(Recommendation r) {
        return "rec-" + r.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String priority(Indicator indicator) {
        return switch (indicator) {
            case CRITICAL -> "asap";
            case WARNING -> "urgent";
            case INFO -> "routine";
        };
    }

    private static ObjectNode relatedArtifact(Citation c) {
        ObjectNode ra = F.objectNode();
        ra.put("type", "citation");
        ra.put("label", (c.side() == null ? "supporting" : c.side()) + " " + c.id());
        if (c.figure() != null) ra.put("display", c.figure());
        ra.put("citation", c.reference() + (c.section() == null ? "" : " — " + c.section()));
        if (c.url() != null) ra.put("url", c.url());
        return ra;
    }

    private static ObjectNode outputParameters(Evaluation evaluation) {
        ObjectNode p = F.objectNode();
        p.put("resourceType", "Parameters");
        p.put("id", "output");
        ArrayNode parameters = p.putArray("parameter");
        parameters.addObject().put("name", "asOf").put("valueDate", evaluation.facts().asOf().toString());
        parameters.addObject().put("name", "knowledgeBaseVersion").put("valueString", evaluation.knowledgeBaseVersion());
        return p;
    }

    private static ObjectNode dataRequirement(MissingData m) {
        String[] typeAndProfile = MISSING.getOrDefault(m.code(), new String[]{"Observation", null});
        ObjectNode d = F.objectNode();
        d.put("id", m.code());
        d.put("type", typeAndProfile[0]);
        if (typeAndProfile[1] != null) d.putArray("profile").add(typeAndProfile[1]);
        return d;
    }
}

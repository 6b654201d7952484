package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.api.FhirJsonReader;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import java.util.*;

/**
 * A hook call as read from the request body: hook, hookInstance, context (patientId, userId, and for the
 * order hooks draftOrders and selections), fhirServer + access token, and the prefetch. Reading checks
 * what the service needs and turns every defect into a 400 naming the element.
 *
 * @param prefetch key → resources for each key the client answered; a key answered {@code null} ("no data")
 *                 maps to an empty list; a key absent or answered with an OperationOutcome is not in the map
 */
public record HookCall(String hook, String hookInstance, String patientId, String userId, String fhirServer,
                       String accessToken, List<Resource> draftOrders, Set<String> selections,
                       Map<String, List<Resource>> prefetch) {

    public boolean orderHook() {
        return CdsServiceCatalog.isOrderHook(hook);
    }

    /** Reads the body (already parsed as JSON) for the service whose hook is {@code expectedHook}. */
    private static final FhirJsonReader READER = new FhirJsonReader();

    public static HookCall read(JsonNode body, String expectedHook) {
        if (body == null || !body.isObject()) throw bad("the request body must be a JSON object", null);
        String hook = text(body, "hook", true);
        if (!expectedHook.equals(hook)) throw bad("this service answers the hook '" + expectedHook + "', not '" + hook + "'", "hook");
        String hookInstance = text(body, "hookInstance", true);
        String fhirServer = text(body, "fhirServer", false);
        String token = null;
        JsonNode auth = body.get("fhirAuthorization");
        if (auth != null && !auth.isNull()) {
            if (!auth.isObject()) throw bad("fhirAuthorization must be an object", "fhirAuthorization");
            if (fhirServer == null) throw bad("fhirAuthorization is given without fhirServer", "fhirAuthorization");
            JsonNode t = auth.get("access_token");
            if (t == null || !t.isTextual() || t.asText().isBlank()) throw bad("fhirAuthorization.access_token is missing", "fhirAuthorization.access_token");
            JsonNode type = auth.get("token_type");
            if (type != null && type.isTextual() && !"Bearer".equalsIgnoreCase(type.asText())) {
                throw bad("fhirAuthorization.token_type must be Bearer", "fhirAuthorization.token_type");
            }
            token = t.asText();
        }
        JsonNode context = body.get("context");
        if (context == null || !context.isObject()) throw bad("context is required and must be an object", "context");
        String patientId = text(context, "patientId", true, "context.patientId");
        if (!patientId.matches("[A-Za-z0-9\\-.]{1,64}")) throw bad("context.patientId is not a FHIR id", "context.patientId");
        String userId = text(context, "userId", false, "context.userId");

        List<Resource> draftOrders = List.of();
        Set<String> selections = Set.of();
        if (CdsServiceCatalog.isOrderHook(hook)) {
            JsonNode drafts = context.get("draftOrders");
            if (drafts == null || drafts.isNull()) throw bad("context.draftOrders is required for " + hook, "context.draftOrders");
            Resource parsed = parse(drafts, "context.draftOrders");
            if (!(parsed instanceof Bundle bundle)) throw bad("context.draftOrders must be a Bundle", "context.draftOrders");
            List<Resource> orders = new ArrayList<>();
            int i = 0;
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                if (!e.hasResource()) continue;
                Resource r = e.getResource();
                if (!r.getIdElement().hasIdPart()) r.setId("draft-" + i); // keeps it addressable by the cards
                i++;
                orders.add(r);
            }
            draftOrders = List.copyOf(orders);
            if ("order-select".equals(hook)) {
                JsonNode sel = context.get("selections");
                if (sel == null || !sel.isArray() || sel.isEmpty()) throw bad("context.selections is required for order-select (ids of draft orders)", "context.selections");
                Set<String> ids = new LinkedHashSet<>();
                for (JsonNode s : sel) {
                    if (!s.isTextual()) throw bad("context.selections holds strings (e.g. ServiceRequest/123)", "context.selections");
                    ids.add(s.asText());
                }
                Set<String> known = new HashSet<>();
                draftOrders.forEach(r -> known.add(reference(r)));
                for (String id : ids) {
                    if (!known.contains(id)) throw bad("context.selections names " + id + ", which is not in context.draftOrders", "context.selections");
                }
                selections = Collections.unmodifiableSet(ids);
            } else {
                Set<String> all = new LinkedHashSet<>();
                draftOrders.forEach(r -> all.add(reference(r)));
                selections = Collections.unmodifiableSet(all);
            }
        }

        Map<String, List<Resource>> prefetch = new LinkedHashMap<>();
        JsonNode pre = body.get("prefetch");
        if (pre != null && !pre.isNull()) {
            if (!pre.isObject()) throw bad("prefetch must be an object", "prefetch");
            for (Iterator<Map.Entry<String, JsonNode>> it = pre.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!CdsServiceCatalog.PREFETCH.containsKey(e.getKey())) continue; // not ours: ignored
                if (e.getValue() == null || e.getValue().isNull()) {
                    prefetch.put(e.getKey(), List.of());
                    continue;
                }
                Resource r = parse(e.getValue(), "prefetch." + e.getKey());
                if (r instanceof OperationOutcome) continue; // the client could not get it: treated as not prefetched
                List<Resource> resources = new ArrayList<>();
                if (r instanceof Bundle b) {
                    for (Bundle.BundleEntryComponent entry : b.getEntry()) {
                        if (entry.hasResource() && !(entry.getResource() instanceof OperationOutcome)) resources.add(entry.getResource());
                    }
                } else {
                    resources.add(r);
                }
                prefetch.put(e.getKey(), List.copyOf(resources));
            }
        }
        return new HookCall(hook, hookInstance, patientId, userId, fhirServer, token, draftOrders, selections, prefetch);
    }

    /** {@code Type/id} of a resource, as selections and the facts name it. */
    public static String reference(Resource r) {
        return r.fhirType() + "/" + r.getIdElement().getIdPart();
    }

    /** The same strict FHIR R4 reading as a tumour-board body; its error location is prefixed with the hook element. */
    private static Resource parse(JsonNode node, String location) {
        if (!(node instanceof ObjectNode object) || !node.hasNonNull("resourceType")) {
            throw bad(location + " must be a FHIR resource (JSON object with resourceType)", location);
        }
        try {
            return (Resource) READER.read(object).resource();
        } catch (InvalidInputException e) {
            // "Bundle.entry[0].resource.onsetDateTime" inside prefetch.conditions → "prefetch.conditions.entry[0]..."
            String inner = e.location();
            String where = inner != null && inner.matches("[A-Z][A-Za-z]*\\..*") ? location + inner.substring(inner.indexOf('.')) : location;
            throw new CdsHookException(Problem.MALFORMED, e.issueCode(), location + ": " + e.getMessage()
                    + (inner != null && where.equals(location) ? " (" + inner + ")" : ""), where);
        } catch (ClassCastException e) {
            throw bad(location + " is not a FHIR R4 resource", location);
        }
    }


    private static String text(JsonNode node, String field, boolean required) {
        return text(node, field, required, field);
    }

    private static String text(JsonNode node, String field, boolean required, String location) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new CdsHookException(Problem.MALFORMED, "required", location + " is required", location);
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) throw bad(location + " must be a non-empty string", location);
        return v.asText();
    }

    private static CdsHookException bad(String message, String location) {
        return new CdsHookException(Problem.MALFORMED, "invalid", message, location);
    }
}

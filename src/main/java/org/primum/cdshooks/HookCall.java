package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.primum.core.FhirInput;
import org.primum.input.Problem;

import java.util.*;

/**
 * A hook call as read from the request body: hook, hookInstance, context (patientId, userId, and for the
 * order hooks draftOrders and selections), fhirServer + access token, and the prefetch. Reading checks
 * what the service needs and turns every defect into a 400 naming the element.
 *
 * <p>The CDS Hooks prefetch reader, and the one class of the CDS Hooks service besides the cards that
 * handles FHIR resources as HAPI objects: the FHIR content (prefetch values, draft orders) is handed to
 * the core as JSON ({@link FhirInput}), where it is read strictly with located errors; only the draft
 * orders are also needed as HAPI resources, by the order suggestions of the cards, and they are parsed
 * for that on first use, after the core has accepted them.
 */
public final class HookCall {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String DRAFT_ORDERS = "context.draftOrders";

    private final String hook;
    private final String hookInstance;
    private final String patientId;
    private final String userId;
    private final String fhirServer;
    private final String accessToken;
    private final ObjectNode draftOrderBundle;
    private final Set<String> selections;
    private final Map<String, List<FhirInput>> prefetch;
    private List<Resource> draftOrders;

    private HookCall(String hook, String hookInstance, String patientId, String userId, String fhirServer, String accessToken,
                     ObjectNode draftOrderBundle, Set<String> selections, Map<String, List<FhirInput>> prefetch) {
        this.hook = hook;
        this.hookInstance = hookInstance;
        this.patientId = patientId;
        this.userId = userId;
        this.fhirServer = fhirServer;
        this.accessToken = accessToken;
        this.draftOrderBundle = draftOrderBundle;
        this.selections = selections;
        this.prefetch = prefetch;
    }

    public String hook() { return hook; }

    public String hookInstance() { return hookInstance; }

    public String patientId() { return patientId; }

    public String userId() { return userId; }

    public String fhirServer() { return fhirServer; }

    public String accessToken() { return accessToken; }

    /** {@code Type/id} of the draft orders under review: the selected ones (order-select) or all (order-sign). */
    public Set<String> selections() { return selections; }

    /**
     * Prefetch key → its value as a core input; a key answered {@code null} ("no data") maps to no input;
     * a key absent or answered with an OperationOutcome is not in the map (the service fetches it).
     */
    public Map<String, List<FhirInput>> prefetch() { return prefetch; }

    public boolean orderHook() {
        return CdsServiceCatalog.isOrderHook(hook);
    }

    /** The draft orders as one Bundle input for the core (none for patient-view), each resource with an id. */
    public Optional<FhirInput> draftOrderInput() {
        return draftOrderBundle == null ? Optional.empty() : Optional.of(FhirInput.of(draftOrderBundle, DRAFT_ORDERS));
    }

    /** The draft orders as HAPI resources, for the order suggestions; parsed on first use. */
    public synchronized List<Resource> draftOrders() {
        if (draftOrders == null) {
            List<Resource> orders = new ArrayList<>();
            if (draftOrderBundle != null) {
                JacksonStructure structure = new JacksonStructure();
                structure.setNativeObject(draftOrderBundle);
                Bundle bundle = (Bundle) ((JsonParser) FHIR.newJsonParser()).parseResource(structure);
                for (Bundle.BundleEntryComponent e : bundle.getEntry()) if (e.hasResource()) orders.add(e.getResource());
            }
            draftOrders = List.copyOf(orders);
        }
        return draftOrders;
    }

    /**
     * {@code Type/id} of a resource, as selections and the facts name it: HAPI gives an id-less resource under a
     * {@code urn:uuid:} / {@code urn:oid:} fullUrl that urn as its id, whose uuid (oid) names it ({@link DraftOrderIds}).
     */
    public static String reference(Resource r) {
        String id = r.getIdElement().getIdPart();
        if (id != null && (id.startsWith("urn:uuid:") || id.startsWith("urn:oid:"))) id = id.substring(id.indexOf(':', 4) + 1);
        return r.fhirType() + "/" + id;
    }

    /** Reads the body (already parsed as JSON) for the service whose hook is {@code expectedHook}. */
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

        ObjectNode drafts = null;
        Set<String> selections = Set.of();
        if (CdsServiceCatalog.isOrderHook(hook)) {
            JsonNode given = context.get("draftOrders");
            if (given == null || given.isNull()) throw bad("context.draftOrders is required for " + hook, DRAFT_ORDERS);
            requireResource(given, DRAFT_ORDERS);
            if (!"Bundle".equals(given.get("resourceType").asText())) throw bad("context.draftOrders must be a Bundle", DRAFT_ORDERS);
            List<String> references = new ArrayList<>();
            drafts = DraftOrderIds.named((ObjectNode) given, references);
            if ("order-select".equals(hook)) {
                JsonNode sel = context.get("selections");
                if (sel == null || !sel.isArray() || sel.isEmpty()) throw bad("context.selections is required for order-select (ids of draft orders)", "context.selections");
                Set<String> ids = new LinkedHashSet<>();
                for (JsonNode s : sel) {
                    if (!s.isTextual()) throw bad("context.selections holds strings (e.g. ServiceRequest/123)", "context.selections");
                    ids.add(s.asText());
                }
                for (String id : ids) {
                    if (!references.contains(id)) throw bad("context.selections names " + id + ", which is not in context.draftOrders", "context.selections");
                }
                selections = Collections.unmodifiableSet(ids);
            } else {
                selections = Collections.unmodifiableSet(new LinkedHashSet<>(references));
            }
        }

        Map<String, List<FhirInput>> prefetch = new LinkedHashMap<>();
        JsonNode pre = body.get("prefetch");
        if (pre != null && !pre.isNull()) {
            if (!pre.isObject()) throw bad("prefetch must be an object", "prefetch");
            for (Iterator<Map.Entry<String, JsonNode>> it = pre.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!CdsServiceCatalog.PREFETCH.containsKey(e.getKey())) continue; // not ours: ignored
                JsonNode value = e.getValue();
                if (value == null || value.isNull()) {
                    prefetch.put(e.getKey(), List.of());
                    continue;
                }
                String location = "prefetch." + e.getKey();
                requireResource(value, location);
                if ("OperationOutcome".equals(value.get("resourceType").asText())) continue; // the client could not get it: not prefetched
                prefetch.put(e.getKey(), List.of(FhirInput.of(value, location)));
            }
        }
        return new HookCall(hook, hookInstance, patientId, userId, fhirServer, token, drafts, selections, Collections.unmodifiableMap(prefetch));
    }

    private static void requireResource(JsonNode node, String location) {
        if (!(node instanceof ObjectNode) || !node.hasNonNull("resourceType")) {
            throw bad(location + " must be a FHIR resource (JSON object with resourceType)", location);
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

    /**
     * Names the draft orders before any FHIR parser sees them, so that the selections, the cards and the facts of
     * the core all call an order the same {@code Type/id}, the name the EHR knows it by: the id part of an absolute
     * fullUrl (the order's address on the server, which HAPI lets override the resource's id), else the resource's
     * id, else the uuid (oid) of a {@code urn:uuid:} ({@code urn:oid:}) fullUrl, as an unsaved order is named, else
     * (no id at all) {@code draft-<n>} (n counting the entries with a resource), written into a copy of the resource.
     * The core names a resource by its urn fullUrl even when it has an id of its own
     * ({@code org.primum.fhir.mapping.ResourceIndex.idOf}), so such an entry reaches the core without its fullUrl:
     * an order selected as {@code ServiceRequest/sr-1} under {@code urn:uuid:…} was otherwise refused as not among
     * the draft orders, and an id-less one named {@code ServiceRequest/urn:uuid:…} here drew no card.
     */
    static final class DraftOrderIds {
        private DraftOrderIds() {
        }

        /** The Bundle as the core is to read it (a copy if anything is written) and each order's {@code Type/id} in {@code references}. */
        static ObjectNode named(ObjectNode bundle, List<String> references) {
            ObjectNode out = bundle;
            JsonNode entries = bundle.get("entry");
            if (entries == null || !entries.isArray()) return out;
            int n = 0;
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                if (!(entry instanceof ObjectNode) || !(entry.get("resource") instanceof ObjectNode resource)) continue;
                String fullUrl = entry.path("fullUrl").asText("");
                boolean urn = fullUrl.startsWith("urn:uuid:") || fullUrl.startsWith("urn:oid:");
                String idPart = urn ? null : idPart(fullUrl);
                if (idPart == null) idPart = idPart(resource.path("id").asText(""));
                if (urn && idPart != null) {
                    if (out == bundle) out = bundle.deepCopy();
                    ((ObjectNode) out.get("entry").get(i)).remove("fullUrl");
                }
                if (idPart == null && urn && !resource.has("id")) idPart = fullUrl.substring(fullUrl.indexOf(':', 4) + 1);
                if (idPart == null && !resource.has("id")) {
                    idPart = "draft-" + n;
                    if (out == bundle) out = bundle.deepCopy();
                    ((ObjectNode) out.get("entry").get(i).get("resource")).put("id", idPart);
                }
                // an empty id stays: the core refuses it, as it refuses any invalid value
                references.add(resource.path("resourceType").asText() + "/" + (idPart == null ? "" : idPart));
                n++;
            }
            return out;
        }

        private static String idPart(String value) {
            if (value.isBlank()) return null;
            String part = new IdType(value).getIdPart();
            return part == null || part.isBlank() ? null : part;
        }
    }
}

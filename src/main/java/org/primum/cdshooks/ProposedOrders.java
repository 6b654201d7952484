package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.cdshooks.model.Coding;

import java.util.Iterator;

/**
 * The draft ServiceRequests (status draft, intent proposal) a suggestion asks the EHR to create, written
 * as FHIR R4 JSON directly. Elements come in the order of the R4 definition (status, intent, category,
 * code, subject, encounter, occurrence[x], requester, reasonCode, reasonReference, bodySite, note), as
 * FHIR JSON writers emit them, and absent elements are left out.
 */
final class ProposedOrders {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProposedOrders() {
    }

    /**
     * The same order (patient, encounter, requester, side, reason, timing) for another procedure. The original is a
     * ServiceRequest or a Procedure in preparation; the elements copied have the same name and type in both, or
     * are absent from a Procedure (requester, occurrence[x]).
     */
    static ObjectNode replacement(DraftOrder original, Coding code, String text) {
        ObjectNode from = original.json();
        ObjectNode sr = proposal();
        // a Procedure's category is one CodeableConcept, a ServiceRequest's a list: only the list is copied as it is
        if (from.path("category").isArray()) copy(from, sr, "category");
        sr.set("code", codeableConcept(code, text));
        copy(from, sr, "subject");
        copy(from, sr, "encounter");
        copy(from, sr, occurrence(from));
        copy(from, sr, "requester");
        copy(from, sr, "reasonCode");
        copy(from, sr, "reasonReference");
        copy(from, sr, "bodySite");
        note(sr, "Proposed by Primum CDS in place of " + original.reference() + ".");
        return sr;
    }

    /**
     * A new request about the patient, e.g. a tumour-board discussion; requested by the user of the hook
     * call when that user is a practitioner (the only requesters that make sense for such an order).
     */
    static ObjectNode request(Coding code, String text, String patientId, String userId, String note) {
        ObjectNode sr = proposal();
        sr.set("code", codeableConcept(code, text));
        sr.set("subject", reference("Patient/" + patientId));
        if (userId != null && (userId.startsWith("Practitioner/") || userId.startsWith("PractitionerRole/"))) {
            sr.set("requester", reference(userId));
        }
        note(sr, note);
        return sr;
    }

    private static ObjectNode proposal() {
        ObjectNode sr = NODES.objectNode();
        sr.put("resourceType", "ServiceRequest");
        sr.put("status", "draft");
        sr.put("intent", "proposal");
        return sr;
    }

    private static ObjectNode codeableConcept(Coding c, String text) {
        ObjectNode cc = NODES.objectNode();
        ObjectNode coding = cc.putArray("coding").addObject();
        coding.put("system", c.system());
        coding.put("code", c.code());
        coding.put("display", c.display());
        cc.put("text", text);
        return cc;
    }

    private static ObjectNode reference(String ref) {
        return NODES.objectNode().put("reference", ref);
    }

    private static void note(ObjectNode sr, String text) {
        sr.putArray("note").addObject().put("text", text);
    }

    /** The name of the original's occurrence[x] element (occurrenceDateTime, occurrencePeriod...), or null. */
    private static String occurrence(ObjectNode from) {
        for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith("occurrence")) return name;
            if (name.startsWith("_occurrence")) return name.substring(1); // a value given by extensions only
        }
        return null;
    }

    /** An element of the original, with the extensions of a primitive ({@code _name}) right after it, as FHIR JSON has them. */
    private static void copy(ObjectNode from, ObjectNode to, String name) {
        if (name == null) return;
        JsonNode value = from.get(name);
        if (value != null) to.set(name, value.deepCopy());
        JsonNode extensions = from.get("_" + name);
        if (extensions != null) to.set("_" + name, extensions.deepCopy());
    }
}

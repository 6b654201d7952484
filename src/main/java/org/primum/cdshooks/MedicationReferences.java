package org.primum.cdshooks;

import org.primum.core.FhirReferences;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.core.FhirInput;

import java.util.*;

/**
 * The Medications a hook call still lacks: a MedicationRequest, MedicationStatement, MedicationAdministration or MedicationDispense
 * that names its drug by {@code medicationReference} needs the Medication it points to, or the drug is lost and
 * the patient looks untreated (the cards then wrongly say "do not operate up front"). A reference is resolved
 * when the Medication is contained ({@code #id}) or among the inputs, any prefetch key or page, {@code _include}d
 * or not, matched as the mapping matches it ({@code org.primum.fhir.mapping.ResourceIndex}): by {@code Type/id},
 * by the entry's fullUrl, by {@code urn:uuid}, or by the {@code Type/id} tail of an absolute URL.
 *
 * <p>Looks at the JSON only as far as references need; the core reads the FHIR.
 */
final class MedicationReferences {
    private static final Set<String> MEDICATION_RECORDS = Set.of("MedicationRequest", "MedicationStatement", "MedicationAdministration",
            "MedicationDispense");

    private MedicationReferences() {
    }

    /** A reference to fetch: as written, and its {@code Medication/id} (null when it names no Medication by id, e.g. a urn:uuid). */
    record Missing(String reference, String typeId, String from) {
    }

    /** The references (one per Medication) from medication records in {@code inputs} to a Medication none of them holds. */
    static List<Missing> unresolved(Collection<FhirInput> inputs) {
        Set<String> held = new HashSet<>();
        Map<String, Missing> wanted = new LinkedHashMap<>();
        for (FhirInput input : inputs) {
            each(input.json(), (resource, fullUrl) -> {
                String type = resource.path("resourceType").asText("");
                if (type.equals("Medication")) {
                    String id = resource.path("id").asText("");
                    if (!id.isEmpty()) {
                        held.add("Medication/" + id);
                        held.add("urn:uuid:" + id);
                    }
                    if (fullUrl != null) {
                        held.add(fullUrl);
                        if (fullUrl.startsWith("urn:uuid:")) held.add("Medication/" + fullUrl.substring("urn:uuid:".length()));
                        String tail = FhirReferences.typeId(fullUrl);
                        if (tail != null) held.add(tail);
                    }
                } else if (MEDICATION_RECORDS.contains(type)) {
                    String ref = resource.path("medicationReference").path("reference").asText("");
                    if (ref.isEmpty() || ref.startsWith("#")) return; // contained, or no reference: the mapping's to judge
                    String tail = FhirReferences.typeId(ref);
                    String key = tail != null ? tail : ref;
                    wanted.putIfAbsent(key, new Missing(ref, tail != null && tail.startsWith("Medication/") ? tail : null,
                            type + "/" + resource.path("id").asText("?")));
                }
            });
        }
        List<Missing> out = new ArrayList<>();
        wanted.forEach((key, m) -> {
            if (!held.contains(m.reference()) && !held.contains(key)) out.add(m);
        });
        return out;
    }

    private interface Visitor {
        void visit(JsonNode resource, String fullUrl);
    }

    /** Each resource of an input: itself, or the entries of a Bundle. */
    private static void each(JsonNode json, Visitor visitor) {
        if ("Bundle".equals(json.path("resourceType").asText())) {
            for (JsonNode entry : json.path("entry")) {
                JsonNode resource = entry.path("resource");
                if (resource.isObject()) visitor.visit(resource, entry.hasNonNull("fullUrl") ? entry.get("fullUrl").asText() : null);
            }
        } else {
            visitor.visit(json, null);
        }
    }
}

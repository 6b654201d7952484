package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.hl7.fhir.r4.model.Resource;

import java.util.*;

/**
 * A real record (a Bundle as its producer wrote it, invalid elements and all) as an EHR holds and hands it to a CDS
 * service. Unlike {@link EhrChart} it stays JSON, never round-tripped through HAPI, so what HAPI would drop or repair
 * (two values of one choice element, an object where FHIR has an array, an earlier FHIR version's elements) reaches
 * the service as the record has it. As an EHR's store: one resource per {@code Type/id} (the last copy, as FHIR
 * reads a Bundle), references written {@code Type/id}, and a patient search returns only that patient's resources
 * (by {@code subject}, or {@code patient} for DSTU2 records).
 */
final class RawEhrRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FULL_URL_BASE = "https://ehr.test.example/fhir/";
    static final Map<String, String> KEYS = Map.of("Condition", "conditions", "Observation", "observations",
            "Procedure", "procedures", "MedicationRequest", "medicationRequests", "MedicationStatement", "medicationStatements",
            "MedicationAdministration", "medicationAdministrations", "MedicationDispense", "medicationDispenses",
            "ServiceRequest", "serviceRequests");

    /** The Patient, or null when the Bundle has none. */
    final ObjectNode patient;
    /** The patient's id: the Patient's, else the one the records name. */
    final String patientId;
    /** The patient's records of the prefetch's search types, in the Bundle's order. */
    final List<ObjectNode> records;
    /** Every Medication of the Bundle, by id. */
    final Map<String, ObjectNode> medications;

    private RawEhrRecord(ObjectNode patient, String patientId, List<ObjectNode> records, Map<String, ObjectNode> medications) {
        this.patient = patient;
        this.patientId = patientId;
        this.records = records;
        this.medications = medications;
    }

    static RawEhrRecord of(String bundleJson) throws Exception {
        JsonNode bundle = JSON.readTree(bundleJson);
        Map<String, String> typeIds = new HashMap<>();
        Map<String, ObjectNode> byTypeId = new LinkedHashMap<>();
        int generated = 0;
        for (JsonNode e : bundle.path("entry")) {
            if (!(e.path("resource") instanceof ObjectNode r)) continue;
            String type = r.path("resourceType").asText();
            String id = plainId(r.path("id").asText(null));
            if (id == null) id = plainId(e.path("fullUrl").asText(null));
            if (id == null) id = "gen-" + (++generated);
            r.put("id", id);
            String typeId = type + "/" + id;
            typeIds.put(typeId, typeId);
            if (e.hasNonNull("fullUrl")) typeIds.put(e.path("fullUrl").asText(), typeId);
            byTypeId.put(typeId, r); // the last copy of one Type/id counts, as FHIR reads a Bundle
        }
        byTypeId.values().forEach(r -> rewriteReferences(r, typeIds));
        ObjectNode patient = byTypeId.values().stream().filter(r -> r.path("resourceType").asText().equals("Patient")).findFirst().orElse(null);
        String patientId = patient != null ? patient.path("id").asText()
                : byTypeId.values().stream().map(RawEhrRecord::patientReference).filter(Objects::nonNull)
                .filter(s -> s.startsWith("Patient/")).findFirst().map(s -> s.substring("Patient/".length())).orElse("unknown");
        List<ObjectNode> records = new ArrayList<>();
        Map<String, ObjectNode> medications = new LinkedHashMap<>();
        for (ObjectNode r : byTypeId.values()) {
            String type = r.path("resourceType").asText();
            if (type.equals("Medication")) medications.put(r.path("id").asText(), r);
            else if (KEYS.containsKey(type) && ("Patient/" + patientId).equals(patientReference(r))) records.add(r);
        }
        return new RawEhrRecord(patient, patientId, records, medications);
    }

    /** Whom a record is about: {@code subject}, or DSTU2's {@code patient}. */
    private static String patientReference(JsonNode r) {
        JsonNode ref = r.has("subject") ? r.path("subject") : r.path("patient");
        return ref.path("reference").asText(null);
    }

    private static String plainId(String value) {
        if (value == null || value.isBlank()) return null;
        if (value.startsWith("urn:uuid:")) return value.substring("urn:uuid:".length());
        if (value.startsWith("urn:oid:")) return value.substring("urn:oid:".length());
        String[] parts = value.split("/");
        String last = parts[parts.length - 1];
        return last.isBlank() ? null : last;
    }

    /** Every {@code reference} naming an entry (by fullUrl or {@code Type/id}, absolute or not) written {@code Type/id}. */
    private static void rewriteReferences(JsonNode node, Map<String, String> typeIds) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual()) {
                String s = ref.asText();
                String target = typeIds.get(s);
                if (target == null && s.contains("/")) {
                    String[] p = s.split("/");
                    if (p.length >= 2) target = typeIds.get(p[p.length - 2] + "/" + p[p.length - 1]);
                }
                if (target != null) o.set("reference", new TextNode(target));
            }
            o.fields().forEachRemaining(f -> rewriteReferences(f.getValue(), typeIds));
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> rewriteReferences(n, typeIds));
        }
    }

    /** The number of results of the largest patient search (one resource type). */
    int largestSearch() {
        Map<String, Integer> n = new HashMap<>();
        records.forEach(r -> n.merge(r.path("resourceType").asText(), 1, Integer::sum));
        return n.values().stream().max(Integer::compare).orElse(0);
    }

    /**
     * The prefetch of every key as an EHR builds it: the Patient (absent when the record has none) and one searchset
     * Bundle per search (null when it finds nothing), the Medications the records reference {@code _include}d.
     */
    ObjectNode prefetch() {
        ObjectNode p = JSON.createObjectNode();
        if (patient != null) p.set("patient", patient.deepCopy());
        Map<String, ArrayNode> entries = new LinkedHashMap<>();
        CdsServiceCatalog.PREFETCH.keySet().stream().filter(k -> !k.equals("patient")).forEach(k -> entries.put(k, JSON.createArrayNode()));
        Map<String, Integer> matches = new HashMap<>();
        for (ObjectNode r : records) {
            String key = KEYS.get(r.path("resourceType").asText());
            ArrayNode list = entries.get(key);
            addEntry(list, r, "match");
            matches.merge(key, 1, Integer::sum);
            String med = r.path("medicationReference").path("reference").asText("");
            ObjectNode medication = med.startsWith("Medication/") ? medications.get(med.substring("Medication/".length())) : null;
            if (medication != null && !containsEntry(list, medication)) addEntry(list, medication, "include");
        }
        entries.forEach((key, list) -> {
            if (list.isEmpty()) {
                p.putNull(key);
                return;
            }
            ObjectNode b = p.putObject(key);
            b.put("resourceType", "Bundle");
            b.put("type", "searchset");
            b.put("total", matches.getOrDefault(key, 0));
            b.set("entry", list);
        });
        return p;
    }

    private static boolean containsEntry(ArrayNode list, ObjectNode resource) {
        for (JsonNode e : list) if (e.path("resource") == resource) return true;
        return false;
    }

    private static void addEntry(ArrayNode list, ObjectNode resource, String mode) {
        ObjectNode e = list.addObject();
        e.put("fullUrl", FULL_URL_BASE + resource.path("resourceType").asText() + "/" + resource.path("id").asText());
        e.set("resource", resource);
        e.putObject("search").put("mode", mode);
    }

    /**
     * What an R4 FHIR server holds of the record: each resource as HAPI's (lenient) parser stores it. A server parses
     * what it is given, so it cannot hold what R4 does not have: an invalid element is repaired or dropped there.
     */
    List<Resource> serverContents() {
        FhirContext fhir = FhirContext.forR4Cached();
        List<Resource> out = new ArrayList<>();
        List<ObjectNode> all = new ArrayList<>();
        if (patient != null) all.add(patient);
        all.addAll(records);
        all.addAll(medications.values());
        for (ObjectNode r : all) out.add((Resource) fhir.newJsonParser().parseResource(r.toString()));
        return out;
    }

    /** A collection Bundle of what the FHIR server holds, for the tumour board. */
    static String collection(List<Resource> resources) {
        org.hl7.fhir.r4.model.Bundle b = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION);
        resources.forEach(r -> b.addEntry().setFullUrl(FULL_URL_BASE + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r));
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(b);
    }
}

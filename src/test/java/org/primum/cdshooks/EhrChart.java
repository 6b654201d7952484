package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.*;

import java.util.*;

/**
 * A patient's record (a tumour-board Bundle: a scenario or a public fixture) as an EHR's FHIR server holds it,
 * and the ways an EHR hands it to a CDS service: plain {@code Type/id} ids and references (a Bundle's
 * {@code urn:uuid} fullUrls resolved), only the resource types the prefetch templates ask for (the Patient,
 * Conditions, Observations, Procedures, MedicationRequests/Statements/Administrations, ServiceRequests, and the Medications
 * they reference), drugs coded as recorded or every one by {@code medicationReference}, the Medications
 * {@code _include}d, contained or left on the server.
 */
final class EhrChart {
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FULL_URL_BASE = "https://ehr.test.example/fhir/";
    private static final Map<String, String> KEYS = Map.of("Condition", "conditions", "Observation", "observations",
            "Procedure", "procedures", "MedicationRequest", "medicationRequests", "MedicationStatement", "medicationStatements",
            "MedicationAdministration", "medicationAdministrations", "MedicationDispense", "medicationDispenses",
            "ServiceRequest", "serviceRequests");

    /** Where the Medications a record references are. */
    enum Medications { INCLUDED, CONTAINED, ON_SERVER_ONLY }

    final Patient patient;
    /** The records of the prefetch's search keys, in the order of the Bundle. */
    final List<Resource> records;
    /** The Medications the records reference, by id. */
    final Map<String, Medication> medications;

    private EhrChart(Patient patient, List<Resource> records, Map<String, Medication> medications) {
        this.patient = patient;
        this.records = records;
        this.medications = medications;
    }

    String patientId() {
        return patient.getIdElement().getIdPart();
    }

    /** The Bundle's resources with plain ids and references; other resource types left out. */
    static EhrChart of(String bundleJson) {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, bundleJson);
        Map<String, String> typeIds = new HashMap<>();
        List<Resource> all = new ArrayList<>();
        int n = 0;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (!e.hasResource()) continue;
            Resource r = e.getResource();
            String id = plainId(r.getIdElement().getValue());
            if (id == null) id = plainId(e.getFullUrl());
            if (id == null) id = "gen-" + (++n);
            r.setId(id);
            String typeId = r.fhirType() + "/" + id;
            typeIds.put(typeId, typeId);
            typeIds.put("urn:uuid:" + id, typeId);
            if (e.hasFullUrl()) typeIds.put(e.getFullUrl(), typeId);
            all.add(r);
        }
        Patient patient = null;
        List<Resource> records = new ArrayList<>();
        Map<String, Medication> medications = new LinkedHashMap<>();
        for (Resource r : all) {
            for (Reference ref : FHIR.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                String s = ref.getReference();
                if (s == null || s.startsWith("#")) continue;
                String target = typeIds.get(s);
                if (target == null) target = typeIds.get(org.primum.core.FhirReferences.typeId(s));
                if (target != null) ref.setReference(target);
            }
            if (r instanceof Patient p && patient == null) patient = p;
            else if (r instanceof Medication m) medications.put(m.getIdElement().getIdPart(), m);
            else if (KEYS.containsKey(r.fhirType())) records.add(r);
        }
        if (patient == null) throw new IllegalArgumentException("no Patient");
        return new EhrChart(patient, records, medications);
    }

    private static String plainId(String value) {
        if (value == null || value.isBlank()) return null;
        if (value.startsWith("urn:uuid:")) return value.substring("urn:uuid:".length());
        if (value.startsWith("urn:oid:")) return value.substring("urn:oid:".length());
        String part = new IdType(value).getIdPart();
        return part == null || part.isBlank() ? null : part;
    }

    /** The same chart with every drug named by a reference to a Medication (coded as the record coded it). */
    EhrChart drugsByReference() {
        List<Resource> out = new ArrayList<>();
        Map<String, Medication> meds = new LinkedHashMap<>(medications);
        for (Resource r : records) {
            CodeableConcept cc = r instanceof MedicationRequest m && m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept()
                    : r instanceof MedicationStatement m && m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept()
                    : r instanceof MedicationAdministration m && m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
            if (cc == null) {
                out.add(r);
                continue;
            }
            Medication med = new Medication().setCode(cc.copy());
            med.setId("med-" + r.getIdElement().getIdPart());
            meds.put(med.getIdElement().getIdPart(), med);
            Resource copy = r.copy();
            Reference ref = new Reference("Medication/" + med.getIdElement().getIdPart());
            if (copy instanceof MedicationRequest m) m.setMedication(ref);
            else if (copy instanceof MedicationStatement m) m.setMedication(ref);
            else ((MedicationAdministration) copy).setMedication(ref);
            out.add(copy);
        }
        return new EhrChart(patient, out, meds);
    }

    /** Whether a record names its drug by reference. */
    boolean referencesMedications() {
        return records.stream().anyMatch(r -> medicationReference(r) != null);
    }

    /** What the EHR's FHIR server holds: everything, the Medications included. */
    List<Resource> serverContents() {
        List<Resource> out = new ArrayList<>();
        out.add(patient);
        out.addAll(records);
        out.addAll(medications.values());
        return out;
    }

    /** The prefetch of every key, each search one page (a searchset Bundle; null when empty). */
    ObjectNode prefetch(Medications where) {
        ObjectNode p = JSON.createObjectNode();
        p.set("patient", json(patient));
        Map<String, Bundle> byKey = new LinkedHashMap<>();
        CdsServiceCatalog.PREFETCH.keySet().stream().filter(k -> !k.equals("patient"))
                .forEach(k -> byKey.put(k, new Bundle().setType(Bundle.BundleType.SEARCHSET)));
        for (Resource r : records) {
            Bundle b = byKey.get(KEYS.get(r.fhirType()));
            Reference ref = medicationReference(r);
            Medication med = ref == null ? null : medications.get(new IdType(ref.getReference()).getIdPart());
            Resource record = r;
            if (med != null && where == Medications.CONTAINED) {
                record = r.copy();
                Medication contained = med.copy();
                contained.setId("med");
                ((DomainResource) record).addContained(contained);
                medicationReference(record).setReference("#med");
            }
            b.addEntry().setFullUrl(FULL_URL_BASE + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(record)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            if (med != null && where == Medications.INCLUDED && b.getEntry().stream().noneMatch(e -> e.getResource() == med)) {
                b.addEntry().setFullUrl(FULL_URL_BASE + "Medication/" + med.getIdElement().getIdPart()).setResource(med)
                        .getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
            }
        }
        byKey.forEach((key, b) -> {
            long matches = b.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH).count();
            if (matches == 0) p.putNull(key);
            else p.set(key, json(b.setTotal((int) matches)));
        });
        return p;
    }

    /** A patient-view request for this chart (no fhirServer). */
    ObjectNode request(ObjectNode prefetch) {
        ObjectNode body = JSON.createObjectNode();
        body.put("hook", "patient-view");
        body.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = body.putObject("context");
        context.put("userId", "Practitioner/oncologist-1");
        context.put("patientId", patientId());
        if (prefetch != null) body.set("prefetch", prefetch);
        return body;
    }

    static Reference medicationReference(Resource r) {
        if (r instanceof MedicationRequest m && m.hasMedicationReference()) return m.getMedicationReference();
        if (r instanceof MedicationStatement m && m.hasMedicationReference()) return m.getMedicationReference();
        if (r instanceof MedicationAdministration m && m.hasMedicationReference()) return m.getMedicationReference();
        return null;
    }

    static JsonNode json(Resource r) {
        try {
            return JSON.readTree(FHIR.newJsonParser().encodeResourceToString(r));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

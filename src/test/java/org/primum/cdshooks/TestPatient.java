package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.primum.testdata.FhirRecord;

import java.time.LocalDate;
import java.util.*;

/**
 * A test patient as an EHR holds it (a {@link FhirRecord}: FHIR R4, standard codes of shared/terminology.md),
 * with dates relative to today (a CDS Hooks call is evaluated as of today), and the CDS Hooks requests about
 * her: prefetch per key of the discovery document, draft orders, selections.
 */
public final class TestPatient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final FhirContext FHIR = FhirContext.forR4Cached();

    final String id;
    final LocalDate today = LocalDate.now();
    private final FhirRecord record;
    /** The chart: what the EHR's FHIR server holds and prefetch sends (the Patient first). */
    final List<Resource> resources;
    /** Orders being drafted: in the hook's context, not in the chart. */
    final List<Resource> drafts = new ArrayList<>();
    private int seq;

    private TestPatient(String id) {
        this.id = id;
        this.record = FhirRecord.patient(id).born(today.minusYears(58).minusDays(40).toString());
        this.resources = record.resources();
    }

    public static TestPatient of(String id) {
        return new TestPatient(id);
    }

    /** De novo: left-breast primary and bone metastasis diagnosed together {@code daysAgo} days ago; ER+ PR+ HER2−. */
    public static TestPatient deNovo(String id, int daysAgo) {
        return of(id).primary("left", daysAgo).metastasis("bone", daysAgo - 5).receptors("positive", "positive", "negative", daysAgo);
    }

    private String daysAgo(int days) {
        return today.minusDays(days).toString();
    }

    private String nextId(String prefix) {
        return prefix + "-" + (++seq);
    }

    /** The primary ("Condition/primary"), coded 254837009 with the breast of {@code side} as body site. */
    public TestPatient primary(String side, int daysAgo) {
        record.primary("primary", p -> p.breastCancerCode().side(side).onset(daysAgo(daysAgo)));
        return this;
    }

    public TestPatient metastasis(String site, int daysAgo) {
        record.metastasis(nextId("met-" + site), site, m -> m.onset(daysAgo(daysAgo)));
        return this;
    }

    public TestPatient receptors(String er, String pr, String her2, int daysAgo) {
        String[][] markers = {{"er", er}, {"pr", pr}, {"her2", her2}};
        for (String[] m : markers) record.receptor(nextId("receptor-" + m[0]), m[0], m[1], o -> o.on(daysAgo(daysAgo)));
        return this;
    }

    /** {@code drug}: a name of the test vocabulary (letrozole, palbociclib…), prescribed {@code weeksAgo} weeks ago. */
    public TestPatient therapy(String drug, int weeksAgo) {
        record.therapy(nextId("medrx"), drug, t -> t.start(daysAgo(weeksAgo * 7)));
        return this;
    }

    /**
     * Letrozole known only from the pharmacy: a completed MedicationDispense handed over {@code weeksAgo} weeks ago,
     * its drug a Medication ("Medication/{id}") by reference, which is returned for the caller to place.
     */
    public Medication dispensedLetrozole(String id, int weeksAgo) {
        Medication drug = new Medication();
        drug.setId("med-" + id);
        drug.getCode().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("72965").setDisplay("letrozole");
        MedicationDispense dispense = new MedicationDispense();
        dispense.setId(id);
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        dispense.setSubject(new Reference("Patient/" + this.id));
        dispense.setMedication(new Reference("Medication/" + drug.getIdElement().getIdPart()));
        dispense.setWhenHandedOverElement(new DateTimeType(daysAgo(weeksAgo * 7)));
        record.resource(dispense);
        return drug;
    }

    public TestPatient letrozole(int weeksAgo) {
        return therapy("letrozole", weeksAgo);
    }

    /** Disease status (mCODE, LOINC 97509-4) of the primary, the distant disease, or the whole. */
    public TestPatient status(String focus, String value, int daysAgo) {
        record.status(nextId("status"), focus, value, o -> o.on(daysAgo(daysAgo)));
        return this;
    }

    /** A clinical TNM category or stage group, AJCC-coded (e.g. cN0, cT2, cM1, stage IV). */
    public TestPatient tnm(String category, int daysAgo) {
        record.tnm(nextId("tnm"), category, o -> o.on(daysAgo(daysAgo)));
        return this;
    }

    public TestPatient ecog(int score, int daysAgo) {
        record.performance(nextId("ecog"), "ecog", score, daysAgo(daysAgo));
        return this;
    }

    /** Observations the guidance does not use (vitals, labs): what a real chart holds besides. */
    public TestPatient unrelatedObservations(int n) {
        String[][] codes = {{"29463-7", "Body weight", "kg", "68"}, {"8302-2", "Body height", "cm", "165"},
                {"8867-4", "Heart rate", "/min", "72"}, {"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "12.1"},
                {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "0.8"}, {"8310-5", "Body temperature", "Cel", "36.8"}};
        for (int i = 0; i < n; i++) {
            String[] c = codes[i % codes.length];
            record.measurement(nextId("obs"), c[0], c[1], Double.parseDouble(c[3]), c[2], daysAgo(7 * (i + 1)));
        }
        return this;
    }

    public TestPatient otherCondition(String snomed, String display) {
        record.condition(nextId("cond"), snomed, display, daysAgo(2000));
        return this;
    }

    public TestPatient biopsy(int daysAgo) {
        record.procedure(nextId("proc"), "breast-biopsy", p -> p.side("left").on(daysAgo(daysAgo)));
        return this;
    }

    /** A realistic chart of about 30 resources: de novo HR+ bone-metastatic, 20 weeks on letrozole + palbociclib, both sites stable. */
    public static TestPatient realistic(String id) {
        return deNovo(id, 150).metastasis("bone", 143).tnm("cT2", 150).tnm("cN1", 150).tnm("cM1", 150).tnm("IV", 150)
                .letrozole(20).therapy("palbociclib", 20).ecog(1, 150).ecog(1, 20)
                .status("distant", "stable", 60).status("primary", "stable", 60).status("distant", "stable", 10).status("primary", "stable", 10)
                .biopsy(152).otherCondition("38341003", "Hypertensive disorder").otherCondition("44054006", "Diabetes mellitus type 2")
                .unrelatedObservations(10);
    }

    // ---- draft orders ----

    /** A draft ServiceRequest by the surgeon, today: mastectomy, lumpectomy, axillary-dissection, sentinel-node-biopsy, breast-radiotherapy. */
    public ServiceRequest draft(String id, String kind, String side) {
        ServiceRequest r = record.draftOrder(id, kind, o -> o.side(side).on(today.toString()).requester("Practitioner/surgeon-1"));
        drafts.add(r);
        return r;
    }

    // ---- CDS Hooks JSON ----

    static JsonNode json(Resource r) {
        try {
            return JSON.readTree(FHIR.newJsonParser().encodeResourceToString(r));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resources answering each prefetch key of the discovery document. */
    public Map<String, List<Resource>> byKey() {
        Map<String, List<Resource>> m = new LinkedHashMap<>();
        CdsServiceCatalog.PREFETCH.keySet().forEach(k -> m.put(k, new ArrayList<>()));
        for (Resource r : resources) {
            String key = switch (r.fhirType()) {
                case "Patient" -> "patient";
                case "Condition" -> "conditions";
                case "Observation" -> "observations";
                case "Procedure" -> "procedures";
                case "MedicationRequest" -> "medicationRequests";
                case "MedicationStatement" -> "medicationStatements";
                case "MedicationAdministration" -> "medicationAdministrations";
                case "MedicationDispense" -> "medicationDispenses";
                case "ServiceRequest" -> "serviceRequests";
                default -> throw new IllegalStateException(r.fhirType());
            };
            m.get(key).add(r);
        }
        return m;
    }

    /** Prefetch for these keys as an EHR sends it: the Patient, and a searchset Bundle per search (null when empty). */
    public ObjectNode prefetch(Collection<String> keys) {
        ObjectNode p = JSON.createObjectNode();
        Map<String, List<Resource>> data = byKey();
        for (String key : keys) {
            List<Resource> list = data.get(key);
            if ("patient".equals(key)) {
                p.set(key, list.isEmpty() ? null : json(list.get(0)));
                continue;
            }
            if (list.isEmpty()) {
                p.putNull(key);
                continue;
            }
            Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            b.setTotal(list.size());
            list.forEach(r -> b.addEntry().setFullUrl("https://ehr.test.example/fhir/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
                    .setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
            p.set(key, json(b));
        }
        return p;
    }

    public ObjectNode prefetchAll() {
        return prefetch(CdsServiceCatalog.PREFETCH.keySet());
    }

    /** A hook request body. {@code prefetch} may be null (none sent). */
    public ObjectNode request(String hook, ObjectNode prefetch, List<String> selections) {
        ObjectNode body = JSON.createObjectNode();
        body.put("hook", hook);
        body.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = body.putObject("context");
        context.put("userId", "Practitioner/surgeon-1");
        context.put("patientId", id);
        if (CdsServiceCatalog.isOrderHook(hook)) {
            Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
            drafts.forEach(r -> b.addEntry().setResource(r));
            context.set("draftOrders", json(b));
            if ("order-select".equals(hook)) {
                ArrayNode sel = context.putArray("selections");
                selections.forEach(sel::add);
            }
        }
        if (prefetch != null) body.set("prefetch", prefetch);
        return body;
    }

    public TestPatient withFhirServer(ObjectNode body, String fhirServer, String token) {
        body.put("fhirServer", fhirServer);
        if (token != null) {
            ObjectNode auth = body.putObject("fhirAuthorization");
            auth.put("access_token", token);
            auth.put("token_type", "Bearer");
            auth.put("expires_in", 300);
            auth.put("scope", "user/Patient.read user/Condition.read user/Observation.read");
            auth.put("subject", "primum-cds");
        }
        return this;
    }
}

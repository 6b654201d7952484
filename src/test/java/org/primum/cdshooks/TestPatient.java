package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.*;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;

/**
 * A test patient as an EHR holds it (FHIR R4, standard codes of shared/terminology.md), with dates
 * relative to today (a CDS Hooks call is evaluated as of today), and the CDS Hooks requests about her:
 * prefetch per key of the discovery document, draft orders, selections.
 */
public final class TestPatient {
    static final String SCT = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String AJCC = "http://cancerstaging.org";
    static final ObjectMapper JSON = new ObjectMapper();
    static final FhirContext FHIR = FhirContext.forR4Cached();

    final String id;
    final Reference subject;
    final LocalDate today = LocalDate.now();
    final List<Resource> resources = new ArrayList<>();
    final List<Resource> drafts = new ArrayList<>();
    private int seq;

    private TestPatient(String id) {
        this.id = id;
        this.subject = new Reference("Patient/" + id);
        Patient p = new Patient();
        p.setId(id);
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDate(date(today.minusYears(58).minusDays(40)));
        resources.add(p);
    }

    public static TestPatient of(String id) {
        return new TestPatient(id);
    }

    /** De novo: left-breast primary and bone metastasis diagnosed together {@code daysAgo} days ago; ER+ PR+ HER2−. */
    public static TestPatient deNovo(String id, int daysAgo) {
        return of(id).primary("left", daysAgo).metastasis("bone", daysAgo - 5).receptors("positive", "positive", "negative", daysAgo);
    }

    static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private DateTimeType daysAgo(int days) {
        return new DateTimeType(today.minusDays(days).toString());
    }

    private String nextId(String prefix) {
        return prefix + "-" + (++seq);
    }

    static CodeableConcept cc(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    static CodeableConcept breast(String side) {
        if ("left".equals(side)) return cc(SCT, "80248007", "Left breast structure");
        if ("right".equals(side)) return cc(SCT, "73056007", "Right breast structure");
        return cc(SCT, "76752008", "Breast structure");
    }

    private Condition condition(String id) {
        Condition c = new Condition();
        c.setId(id);
        c.setSubject(subject);
        c.setClinicalStatus(cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
        c.setVerificationStatus(cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
        return c;
    }

    public TestPatient primary(String side, int daysAgo) {
        Condition c = condition("primary");
        c.setCode(cc(SCT, "254837009", "Malignant neoplasm of breast"));
        c.addBodySite(breast(side));
        c.setOnset(daysAgo(daysAgo));
        resources.add(c);
        return this;
    }

    public TestPatient metastasis(String site, int daysAgo) {
        String[] code = switch (site) {
            case "bone" -> new String[]{"94222008", "Secondary malignant neoplasm of bone"};
            case "liver" -> new String[]{"94381002", "Secondary malignant neoplasm of liver"};
            case "lung" -> new String[]{"94391008", "Secondary malignant neoplasm of lung"};
            default -> throw new IllegalArgumentException(site);
        };
        Condition c = condition(nextId("met-" + site));
        c.setCode(cc(SCT, code[0], code[1]));
        c.setOnset(daysAgo(daysAgo));
        resources.add(c);
        return this;
    }

    private Observation observation(String id, CodeableConcept code, int daysAgo) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(subject);
        o.setCode(code);
        o.setEffective(daysAgo(daysAgo));
        return o;
    }

    public TestPatient receptors(String er, String pr, String her2, int daysAgo) {
        String[][] markers = {{"er", er, "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain"},
                {"pr", pr, "85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain"},
                {"her2", her2, "48676-1", "HER2 [Interpretation] in Tissue"}};
        for (String[] m : markers) {
            Observation o = observation(nextId("receptor-" + m[0]), cc(LOINC, m[2], m[3]), daysAgo);
            o.addFocus(new Reference("Condition/primary"));
            o.setValue("positive".equals(m[1]) ? cc(LOINC, "LA6576-8", "Positive") : cc(LOINC, "LA6577-6", "Negative"));
            resources.add(o);
        }
        return this;
    }

    public TestPatient therapy(String rxnorm, String name, int weeksAgo) {
        MedicationRequest r = new MedicationRequest();
        r.setId(nextId("medrx"));
        r.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        r.setSubject(subject);
        r.setMedication(cc(RXNORM, rxnorm, name));
        r.setAuthoredOnElement(daysAgo(weeksAgo * 7));
        resources.add(r);
        return this;
    }

    public TestPatient letrozole(int weeksAgo) {
        return therapy("72965", "letrozole", weeksAgo);
    }

    /** Disease status (mCODE, LOINC 97509-4) of the primary, the distant disease, or the whole. */
    public TestPatient status(String focus, String value, int daysAgo) {
        Observation o = observation(nextId("status"), cc(LOINC, "97509-4", "Cancer disease progression"), daysAgo);
        String metId = resources.stream().filter(r -> r.getIdElement().getIdPart().startsWith("met-")).map(r -> r.getIdElement().getIdPart()).findFirst().orElse(null);
        if ("primary".equals(focus)) o.addFocus(new Reference("Condition/primary"));
        if ("distant".equals(focus)) o.addFocus(new Reference("Condition/" + metId));
        o.setValue(switch (value) {
            case "responding" -> cc(SCT, "268910001", "Patient's condition improved");
            case "stable" -> cc(SCT, "359746009", "Patient's condition stable");
            case "progressing" -> cc(SCT, "271299001", "Patient's condition worsened");
            default -> throw new IllegalArgumentException(value);
        });
        resources.add(o);
        return this;
    }

    /** A clinical TNM category or stage group, AJCC-coded (e.g. cN0, cT2, cM1, stage IV). */
    public TestPatient tnm(String category, int daysAgo) {
        String bare = category.replaceFirst("^[cpy]+", "");
        String[] loinc = switch (bare.charAt(0)) {
            case 'T' -> new String[]{"21905-5", "Primary tumor.clinical Cancer"};
            case 'N' -> new String[]{"21906-3", "Regional lymph nodes.clinical"};
            case 'M' -> new String[]{"21907-1", "Distant metastases.clinical"};
            default -> new String[]{"21908-9", "Stage group.clinical Cancer"};
        };
        Observation o = observation(nextId("tnm"), cc(LOINC, loinc[0], loinc[1]), daysAgo);
        o.addFocus(new Reference("Condition/primary"));
        o.setValue(cc(AJCC, category, category));
        resources.add(o);
        return this;
    }

    public TestPatient ecog(int score, int daysAgo) {
        Observation o = observation(nextId("ecog"), cc(LOINC, "89247-1", "ECOG Performance Status score"), daysAgo);
        o.setValue(new IntegerType(score));
        resources.add(o);
        return this;
    }

    /** Observations the guidance does not use (vitals, labs): what a real chart holds besides. */
    public TestPatient unrelatedObservations(int n) {
        String[][] codes = {{"29463-7", "Body weight", "kg", "68"}, {"8302-2", "Body height", "cm", "165"},
                {"8867-4", "Heart rate", "/min", "72"}, {"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "12.1"},
                {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "0.8"}, {"8310-5", "Body temperature", "Cel", "36.8"}};
        for (int i = 0; i < n; i++) {
            String[] c = codes[i % codes.length];
            Observation o = observation(nextId("obs"), cc(LOINC, c[0], c[1]), 7 * (i + 1));
            o.setValue(new Quantity().setValue(Double.parseDouble(c[3])).setUnit(c[2]).setSystem("http://unitsofmeasure.org").setCode(c[2]));
            resources.add(o);
        }
        return this;
    }

    public TestPatient otherCondition(String snomed, String display) {
        Condition c = condition(nextId("cond"));
        c.setCode(cc(SCT, snomed, display));
        c.setOnset(daysAgo(2000));
        resources.add(c);
        return this;
    }

    public TestPatient biopsy(int daysAgo) {
        Procedure p = new Procedure();
        p.setId(nextId("proc"));
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setSubject(subject);
        p.setCode(cc(SCT, "122548005", "Biopsy of breast"));
        p.addBodySite(breast("left"));
        p.setPerformed(daysAgo(daysAgo));
        resources.add(p);
        return this;
    }

    /** A realistic chart of about 30 resources: de novo HR+ bone-metastatic, 20 weeks on letrozole + palbociclib, both sites stable. */
    public static TestPatient realistic(String id) {
        return deNovo(id, 150).metastasis("bone", 143).tnm("cT2", 150).tnm("cN1", 150).tnm("cM1", 150).tnm("IV", 150)
                .letrozole(20).therapy("1601374", "palbociclib", 20).ecog(1, 150).ecog(1, 20)
                .status("distant", "stable", 60).status("primary", "stable", 60).status("distant", "stable", 10).status("primary", "stable", 10)
                .biopsy(152).otherCondition("38341003", "Hypertensive disorder").otherCondition("44054006", "Diabetes mellitus type 2")
                .unrelatedObservations(10);
    }

    // ---- draft orders ----

    /** A draft ServiceRequest: mastectomy, lumpectomy, axillary-dissection, sentinel-node-biopsy, breast-radiotherapy. */
    public ServiceRequest draft(String id, String kind, String side) {
        ServiceRequest r = new ServiceRequest();
        r.setId(id);
        r.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        r.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        r.setSubject(subject);
        r.setRequester(new Reference("Practitioner/surgeon-1"));
        switch (kind) {
            case "mastectomy" -> r.setCode(cc(SCT, "172043006", "Simple mastectomy"));
            case "lumpectomy" -> r.setCode(cc(SCT, "392021009", "Lumpectomy of breast"));
            case "axillary-dissection" -> r.setCode(cc(SCT, "79544006", "Complete axillary lymphadenectomy"));
            case "sentinel-node-biopsy" -> r.setCode(cc(SCT, "396487001", "Sentinel lymph node biopsy"));
            case "breast-radiotherapy" -> r.setCode(cc(SCT, "428923005", "Radiotherapy to breast"));
            default -> throw new IllegalArgumentException(kind);
        }
        if (!kind.contains("axillary") && !kind.contains("sentinel")) r.addBodySite(breast(side));
        r.setAuthoredOnElement(new DateTimeType(today.toString()));
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

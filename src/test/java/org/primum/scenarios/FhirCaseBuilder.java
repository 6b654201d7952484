package org.primum.scenarios;

import org.hl7.fhir.r4.model.*;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ScenarioCase} into the FHIR R4 Bundle an EHR would send, with the standard codes of
 * {@code shared/terminology.md} (SNOMED CT, ICD-10-CM, LOINC, RxNorm, AJCC, CPT). The case chooses the
 * coding style per record (specific SNOMED code, ICD-10-CM, or mCODE's generic code + bodySite), so
 * the scenarios exercise the mapping as real data would.
 */
public final class FhirCaseBuilder {

    static final String SCT = "http://snomed.info/sct";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String AJCC = "http://cancerstaging.org";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    static final String BASE = "https://example.org/fhir/";
    /** The recorded lesion count the mapping is configured to read (fhir-profiles/Parameters-mapping-settings.json). */
    static final String LESION_COUNT = "http://primum.org/fhir/StructureDefinition/metastatic-lesion-count";

    /** site → {SNOMED specific code, display, ICD-10-CM, bodySite SNOMED, bodySite display}. */
    static final Map<String, String[]> SITES = Map.of(
            "bone", new String[]{"94222008", "Secondary malignant neoplasm of bone", "C79.51", "272673000", "Bone structure"},
            "liver", new String[]{"94381002", "Secondary malignant neoplasm of liver", "C78.7", "10200004", "Liver structure"},
            "lung", new String[]{"94391008", "Secondary malignant neoplasm of lung", "C78.01", "39607008", "Lung structure"},
            "brain", new String[]{"94225005", "Secondary malignant neoplasm of brain", "C79.31", "12738006", "Brain structure"},
            "pleura", new String[]{null, null, "C78.2", "3120008", "Pleural membrane structure"},
            "skin", new String[]{null, null, "C79.2", "39937001", "Skin structure"},
            "axillary-node", new String[]{"94181007", "Secondary malignant neoplasm of axillary lymph nodes", "C77.3", null, null});

    static final Map<String, String[]> DRUGS = Map.ofEntries(
            Map.entry("letrozole", new String[]{"72965", "letrozole"}),
            Map.entry("anastrozole", new String[]{"84857", "anastrozole"}),
            Map.entry("tamoxifen", new String[]{"198240", "tamoxifen 10 MG Oral Tablet"}),
            Map.entry("fulvestrant", new String[]{"282357", "fulvestrant"}),
            Map.entry("palbociclib", new String[]{"1601374", "palbociclib"}),
            Map.entry("ribociclib", new String[]{"1873916", "ribociclib"}),
            Map.entry("trastuzumab", new String[]{"224905", "trastuzumab"}),
            Map.entry("pertuzumab", new String[]{"1298944", "pertuzumab"}),
            Map.entry("paclitaxel", new String[]{"583214", "Paclitaxel 100 MG Injection"}),
            Map.entry("docetaxel", new String[]{"72962", "docetaxel"}),
            Map.entry("doxorubicin", new String[]{"3639", "doxorubicin"}),
            Map.entry("cyclophosphamide", new String[]{"3002", "cyclophosphamide"}),
            Map.entry("capecitabine", new String[]{"194000", "capecitabine"}),
            Map.entry("carboplatin", new String[]{"40048", "carboplatin"}),
            Map.entry("pembrolizumab", new String[]{"1547545", "pembrolizumab"}));

    private FhirCaseBuilder() {
    }

    public static Bundle build(ScenarioCase c) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        String pid = c.patient() == null ? "patient" : c.patient().id();
        Reference subject = new Reference("Patient/" + pid);
        Patient patient = new Patient();
        patient.setId(pid);
        if (c.patient() != null) {
            if (c.patient().birthDate() != null) patient.setBirthDate(date(c.patient().birthDate()));
            patient.setGender("male".equals(c.patient().sex()) ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        } else {
            patient.setGender(AdministrativeGender.FEMALE);
        }
        add(bundle, patient);

        for (ScenarioCase.Primary p : c.allPrimaries()) add(bundle, primary(p, subject));
        String firstPrimary = c.primary() == null ? null : "Condition/" + c.primary().id();
        String firstMet = null;
        for (ScenarioCase.Met m : ScenarioCase.orEmpty(c.metastases())) {
            add(bundle, metastasis(m, subject, firstPrimary));
            if (firstMet == null && !"axillary-node".equals(m.site())) firstMet = "Condition/" + m.id();
        }
        if (c.receptors() != null) receptors(c.receptors(), subject, firstPrimary).forEach(r -> add(bundle, r));
        for (ScenarioCase.Therapy t : ScenarioCase.orEmpty(c.therapies())) add(bundle, therapy(t, subject));
        for (ScenarioCase.Status s : ScenarioCase.orEmpty(c.statuses())) add(bundle, status(s, subject, firstPrimary, firstMet));
        for (ScenarioCase.Performance p : ScenarioCase.orEmpty(c.performance())) add(bundle, performance(p, subject));
        for (ScenarioCase.Tnm t : ScenarioCase.orEmpty(c.tnm())) add(bundle, tnm(t, subject, firstPrimary));
        for (ScenarioCase.Proc p : ScenarioCase.orEmpty(c.procedures())) add(bundle, procedure(p, subject));
        for (ScenarioCase.Proc p : ScenarioCase.orEmpty(c.orders())) add(bundle, order(p, subject));
        for (ScenarioCase.Symptom s : ScenarioCase.orEmpty(c.symptoms())) add(bundle, symptom(s, subject));
        for (ScenarioCase.Margin m : ScenarioCase.orEmpty(c.margins())) add(bundle, margin(m, subject));
        return bundle;
    }

    private static void add(Bundle bundle, Resource r) {
        bundle.addEntry().setFullUrl(BASE + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
    }

    static Date date(String iso) {
        return Date.from(LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static DateTimeType dateTime(String iso) {
        DateTimeType dt = new DateTimeType(iso);
        return dt;
    }

    private static CodeableConcept cc(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private static CodeableConcept breast(String laterality) {
        if ("left".equals(laterality)) return cc(SCT, "80248007", "Left breast structure");
        if ("right".equals(laterality)) return cc(SCT, "73056007", "Right breast structure");
        return cc(SCT, "76752008", "Breast structure");
    }

    private static Condition condition(String id, Reference subject, String profile) {
        Condition c = new Condition();
        c.setId(id);
        c.setSubject(subject);
        c.getMeta().addProfile(MCODE + profile);
        c.setClinicalStatus(cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
        c.setVerificationStatus(cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
        return c;
    }

    static Condition primary(ScenarioCase.Primary p, Reference subject) {
        Condition c = condition(p.id(), subject, "mcode-primary-cancer-condition");
        String coding = p.coding() == null ? "snomed" : p.coding();
        String side = p.laterality();
        switch (coding) {
            case "icd10" -> c.setCode(cc(ICD10, "left".equals(side) ? "C50.912" : "right".equals(side) ? "C50.911" : "C50.919",
                    "Malignant neoplasm of unspecified site of " + (side == null ? "unspecified" : side) + " female breast"));
            case "pattern" -> {
                c.setCode(cc(SCT, "363346000", "Malignant neoplastic disease"));
                c.addBodySite(breast(side));
            }
            default -> {
                if ("left".equals(side)) c.setCode(cc(SCT, "353431000119107", "Primary malignant neoplasm of female left breast"));
                else {
                    c.setCode(cc(SCT, "254837009", "Malignant neoplasm of breast"));
                    if (side != null) c.addBodySite(breast(side));
                }
            }
        }
        if (p.date() != null) c.setOnset(dateTime(p.date()));
        return c;
    }

    static Condition metastasis(ScenarioCase.Met m, Reference subject, String primaryRef) {
        Condition c = condition(m.id(), subject, "mcode-secondary-cancer-condition");
        String coding = m.coding() == null ? "snomed" : m.coding();
        String[] site = "unspecified".equals(m.site()) ? null : SITES.get(m.site());
        if (!"unspecified".equals(m.site()) && site == null) throw new IllegalArgumentException("unknown site " + m.site());
        if (site == null) {
            if ("icd10".equals(coding)) c.setCode(cc(ICD10, "C79.9", "Secondary malignant neoplasm of unspecified site"));
            else c.setCode(cc(SCT, "128462008", "Secondary malignant neoplastic disease"));
        } else if ("icd10".equals(coding)) {
            c.setCode(cc(ICD10, site[2], null));
        } else if ("pattern".equals(coding) || site[0] == null) {
            c.setCode(cc(SCT, "128462008", "Secondary malignant neoplastic disease"));
            c.addBodySite(cc(SCT, site[3], site[4]));
        } else {
            c.setCode(cc(SCT, site[0], site[1]));
        }
        if (m.date() != null) c.setOnset(dateTime(m.date()));
        if (primaryRef != null) {
            c.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/condition-related", new Reference(primaryRef)));
        }
        if (m.count() != null) c.addExtension(new Extension(LESION_COUNT, new IntegerType(m.count())));
        return c;
    }

    private static Observation observation(String id, Reference subject, CodeableConcept code, String date) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(subject);
        o.setCode(code);
        if (date != null) o.setEffective(dateTime(date));
        return o;
    }

    static List<Observation> receptors(ScenarioCase.Receptors r, Reference subject, String primaryRef) {
        List<Observation> out = new ArrayList<>();
        boolean snomed = "snomed".equals(r.answers());
        // answers: loinc (default) or snomed; "interpretation" also switches to the interpretation LOINC codes
        boolean interpretation = "interpretation".equals(r.answers());
        String[][] markers = interpretation
                ? new String[][]{{"er", r.er(), "16112-5", "Estrogen receptor [Interpretation] in Tissue"},
                {"pr", r.pr(), "16113-3", "Progesterone receptor [Interpretation] in Tissue"},
                {"her2", r.her2(), "85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain"}}
                : new String[][]{{"er", r.er(), "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain"},
                {"pr", r.pr(), "85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain"},
                {"her2", r.her2(), "48676-1", "HER2 [Interpretation] in Tissue"}};
        for (String[] m : markers) {
            if (m[1] == null) continue;
            Observation o = observation("rec-" + m[0], subject, cc(LOINC, m[2], m[3]), r.date());
            o.getMeta().addProfile(MCODE + "mcode-tumor-marker-test");
            if (primaryRef != null) o.addFocus(new Reference(primaryRef));
            o.setValue(switch (m[1]) {
                case "positive" -> snomed ? cc(SCT, "10828004", "Positive") : cc(LOINC, "LA6576-8", "Positive");
                case "negative" -> snomed ? cc(SCT, "260385009", "Negative") : cc(LOINC, "LA6577-6", "Negative");
                case "equivocal" -> snomed ? cc(SCT, "11896004", "Intermediate") : cc(LOINC, "LA11884-6", "Indeterminate");
                default -> throw new IllegalArgumentException("receptor value " + m[1]);
            });
            out.add(o);
        }
        return out;
    }

    static Resource therapy(ScenarioCase.Therapy t, Reference subject) {
        String[] drug = DRUGS.get(t.drug());
        if (drug == null) throw new IllegalArgumentException("unknown drug " + t.drug());
        CodeableConcept med = cc(RXNORM, drug[0], drug[1]);
        String kind = t.resource() == null ? "request" : t.resource();
        switch (kind) {
            case "statement" -> {
                MedicationStatement s = new MedicationStatement();
                s.setId(t.id());
                s.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
                s.setSubject(subject);
                s.setMedication(med);
                if (t.start() != null) s.setEffective(new Period().setStartElement(dateTime(t.start())));
                return s;
            }
            case "administration" -> {
                MedicationAdministration a = new MedicationAdministration();
                a.setId(t.id());
                a.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
                a.setSubject(subject);
                a.setMedication(med);
                if (t.start() != null) a.setEffective(dateTime(t.start()));
                return a;
            }
            case "procedure" -> {
                // a chemotherapy procedure (SNOMED 367336001) is evidence of systemic therapy too
                Procedure p = new Procedure();
                p.setId(t.id());
                p.setStatus(Procedure.ProcedureStatus.COMPLETED);
                p.setSubject(subject);
                p.setCode(cc(SCT, "367336001", "Chemotherapy"));
                if (t.start() != null) p.setPerformed(dateTime(t.start()));
                return p;
            }
            case "request-reference" -> {
                // the drug named through medicationReference to a contained Medication
                MedicationRequest r = new MedicationRequest();
                r.setId(t.id());
                r.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
                r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
                r.setSubject(subject);
                Medication m = new Medication();
                m.setId("med");
                m.setCode(med);
                r.addContained(m);
                r.setMedication(new Reference("#med"));
                if (t.start() != null) r.setAuthoredOnElement(dateTime(t.start()));
                return r;
            }
            case "request" -> {
                MedicationRequest r = new MedicationRequest();
                r.setId(t.id());
                r.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
                r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
                r.setSubject(subject);
                r.setMedication(med);
                if (t.start() != null) r.setAuthoredOnElement(dateTime(t.start()));
                return r;
            }
            default -> throw new IllegalArgumentException("therapy resource " + kind);
        }
    }

    static Observation status(ScenarioCase.Status s, Reference subject, String primaryRef, String metRef) {
        boolean older = "88040-1".equals(s.loinc());
        CodeableConcept code = older ? cc(LOINC, "88040-1", "Response to cancer treatment")
                : cc(LOINC, "97509-4", "Cancer disease progression");
        Observation o = observation(s.id(), subject, code, s.date());
        o.getMeta().addProfile(MCODE + "mcode-cancer-disease-status");
        switch (s.focus()) {
            case "primary" -> o.addFocus(new Reference(primaryRef));
            case "distant" -> o.addFocus(new Reference(metRef));
            case "whole" -> { }
            default -> throw new IllegalArgumentException("focus " + s.focus());
        }
        o.setValue(switch (s.value()) {
            case "responding" -> older ? cc(SCT, "385633008", "Improving") : cc(SCT, "268910001", "Patient's condition improved");
            case "partial" -> cc(SCT, "551001000124108", "Cancer in partial remission");
            case "stable" -> cc(SCT, "359746009", "Patient's condition stable");
            case "progressing" -> older ? cc(SCT, "230993007", "Worsening") : cc(SCT, "271299001", "Patient's condition worsened");
            case "ned" -> cc(SCT, "550991000124107", "Malignant neoplasm in full remission");
            case "undetermined" -> cc(SCT, "709137006", "Patient condition undetermined");
            default -> throw new IllegalArgumentException("status " + s.value());
        });
        return o;
    }

    static Observation performance(ScenarioCase.Performance p, Reference subject) {
        boolean ecog = "ecog".equals(p.scale());
        Observation o = observation(p.id(), subject, ecog ? cc(LOINC, "89247-1", "ECOG Performance Status score")
                : cc(LOINC, "89243-0", "Karnofsky Performance Status score"), p.date());
        o.setValue(new IntegerType(p.score()));
        return o;
    }

    static Observation tnm(ScenarioCase.Tnm t, Reference subject, String primaryRef) {
        String cat = t.category();
        boolean stage = !cat.matches("^[cpy]*[TNM].*");
        boolean path = cat.startsWith("p");
        String bare = cat.replaceFirst("^[cpy]+", "");
        char axis = stage ? 'S' : bare.charAt(0);
        String[] loinc = switch (axis) {
            case 'T' -> path ? new String[]{"21899-0", "Primary tumor.pathology Cancer"} : new String[]{"21905-5", "Primary tumor.clinical Cancer"};
            case 'N' -> path ? new String[]{"21900-6", "Regional lymph nodes.pathology"} : new String[]{"21906-3", "Regional lymph nodes.clinical"};
            case 'M' -> path ? new String[]{"21901-4", "Distant metastases.pathology"} : new String[]{"21907-1", "Distant metastases.clinical"};
            default -> path ? new String[]{"21902-2", "Stage group.pathology"} : new String[]{"21908-9", "Stage group.clinical Cancer"};
        };
        Observation o = observation(t.id(), subject, cc(LOINC, loinc[0], loinc[1]), t.date());
        if (primaryRef != null) o.addFocus(new Reference(primaryRef));
        if ("snomed".equals(t.coding())) {
            o.setValue(switch (bare) {
                case "M1" -> cc(SCT, "55440008", "M1 category");
                case "M0" -> cc(SCT, "30893008", "M0 category");
                case "IV" -> cc(SCT, "258228008", "Stage 4");
                case "T1" -> cc(SCT, "23351008", "T1 category");
                default -> throw new IllegalArgumentException("no SNOMED code in the scenario builder for " + cat);
            });
        } else {
            o.setValue(cc(AJCC, cat, cat));
        }
        return o;
    }

    /** {kind → SNOMED code, display, CPT code}. */
    static final Map<String, String[]> PROCEDURES = Map.of(
            "lumpectomy", new String[]{"392021009", "Lumpectomy of breast", "19301"},
            "partial-mastectomy", new String[]{"64368001", "Partial mastectomy", "19301"},
            "mastectomy", new String[]{"172043006", "Simple mastectomy", "19303"},
            "bilateral-mastectomy", new String[]{"22418005", "Bilateral simple mastectomy", null},
            "sentinel-node-biopsy", new String[]{"396487001", "Sentinel lymph node biopsy", "38900"},
            "axillary-dissection", new String[]{"79544006", "Complete axillary lymphadenectomy", "38745"},
            "breast-radiotherapy", new String[]{"33195004", "External beam radiation therapy", null},
            "bone-radiotherapy", new String[]{"33195004", "External beam radiation therapy", null},
            "brain-radiotherapy", new String[]{"33195004", "External beam radiation therapy", null});

    private static CodeableConcept procedureCode(ScenarioCase.Proc p) {
        String[] k = PROCEDURES.get(p.kind());
        if (k == null) throw new IllegalArgumentException("procedure kind " + p.kind());
        CodeableConcept code = "cpt".equals(p.coding()) && k[2] != null ? cc(CPT, k[2], k[1]) : cc(SCT, k[0], k[1]);
        if (p.isProphylactic()) code.setText("Prophylactic " + k[1].toLowerCase());
        return code;
    }

    private static List<CodeableConcept> procedureSites(ScenarioCase.Proc p) {
        return switch (p.kind()) {
            case "bone-radiotherapy" -> List.of(cc(SCT, "272673000", "Bone structure"));
            case "brain-radiotherapy" -> List.of(cc(SCT, "12738006", "Brain structure"));
            case "bilateral-mastectomy" -> List.of();
            // the axilla's side follows the breast's; the scenarios record it on the breast procedures only
            case "axillary-dissection", "sentinel-node-biopsy" -> List.of();
            default -> List.of(breast(p.laterality()));
        };
    }

    static Procedure procedure(ScenarioCase.Proc p, Reference subject) {
        Procedure r = new Procedure();
        r.setId(p.id());
        r.setStatus(Procedure.ProcedureStatus.COMPLETED);
        r.setSubject(subject);
        r.setCode(procedureCode(p));
        procedureSites(p).forEach(r::addBodySite);
        if (p.date() != null) r.setPerformed(dateTime(p.date()));
        if (p.isProphylactic()) r.addReasonCode().setText("prophylactic");
        return r;
    }

    static ServiceRequest order(ScenarioCase.Proc p, Reference subject) {
        ServiceRequest r = new ServiceRequest();
        r.setId(p.id());
        r.setStatus("active".equals(p.status()) ? ServiceRequest.ServiceRequestStatus.ACTIVE : ServiceRequest.ServiceRequestStatus.DRAFT);
        r.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        r.setSubject(subject);
        r.setCode(procedureCode(p));
        procedureSites(p).forEach(r::addBodySite);
        if (p.date() != null) r.setAuthoredOnElement(dateTime(p.date()));
        if (p.isProphylactic()) r.addReasonCode().setText("prophylactic");
        return r;
    }

    static Condition symptom(ScenarioCase.Symptom s, Reference subject) {
        Condition c = new Condition();
        c.setId(s.id());
        c.setSubject(subject);
        c.setClinicalStatus(cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
        switch (s.kind()) {
            case "pain" -> c.setCode(cc(SCT, "53430007", "Breast pain"));
            case "ulceration" -> c.setCode(new CodeableConcept().setText("Ulceration of breast tumour"));
            case "bleeding" -> c.setCode(new CodeableConcept().setText("Bleeding from breast tumour"));
            case "fungating" -> c.setCode(new CodeableConcept().setText("Fungating tumour of breast"));
            case "infection" -> c.setCode(new CodeableConcept().setText("Infected breast tumour"));
            default -> throw new IllegalArgumentException("symptom " + s.kind());
        }
        c.addBodySite(breast(s.laterality()));
        if (s.date() != null) c.setOnset(dateTime(s.date()));
        return c;
    }

    static Observation margin(ScenarioCase.Margin m, Reference subject) {
        Observation o = observation(m.id(), subject, cc(LOINC, "44669-0", "Surgical margin [Interpretation]"), m.date());
        o.setValue(m.involved() ? new CodeableConcept().setText("Involved") : cc(LOINC, "LA27151-2", "Uninvolved"));
        return o;
    }
}

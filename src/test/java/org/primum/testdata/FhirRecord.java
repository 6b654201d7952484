package org.primum.testdata;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.primum.testdata.Codes.SCT;
import static org.primum.testdata.Codes.cc;

/**
 * The one builder of FHIR R4 test records: a patient's chart as an EHR holds it, written fluently in the
 * standard codes of {@link Codes}, for every test that needs FHIR input (scenarios, tumour-board and CDS Hooks
 * endpoints, benchmarks).
 * <pre>{@code
 * Bundle b = FhirRecord.patient("pt").born("1966-05-02")
 *         .primary("bc", p -> p.left().onset("2025-01-10"))
 *         .metastasis("met-bone", "bone", m -> m.onset("2025-01-20"))
 *         .receptor("rec-er", "er", "positive", r -> r.on("2025-01-15"))
 *         .therapy("letrozole", "letrozole", t -> t.start("2025-02-01"))
 *         .bundle();
 * }</pre>
 * Ids are the FHIR resource ids, so a test can name "Condition/bc". Dates are ISO strings (a date or a
 * dateTime); left out, the record is undated. Resources are linked as mCODE links them: a metastasis is related
 * to the record's first primary, receptor and staging results focus on it, and a disease status focuses on the
 * first primary or the first distant metastasis (or nothing, for the whole disease). Entries keep the order of the calls.
 */
public final class FhirRecord {
    /** The base of the entries' fullUrls. */
    private static final String BASE = "https://example.org/fhir/";

    private final Reference subject;
    private final Patient patient = new Patient();
    private final List<Resource> resources = new ArrayList<>();
    private String primaryRef;
    /** Every distant metastasis recorded so far: a status of "the distant disease" names them all. */
    private final List<String> distantRefs = new ArrayList<>();
    private String nodeRef;

    private FhirRecord(String patientId) {
        this.subject = new Reference("Patient/" + patientId);
        patient.setId(patientId);
        patient.setGender(AdministrativeGender.FEMALE);
        resources.add(patient);
    }

    /** A woman's record, birth date unknown, holding nothing but her Patient resource yet. */
    public static FhirRecord patient(String id) {
        return new FhirRecord(id);
    }

    public FhirRecord male() {
        patient.setGender(AdministrativeGender.MALE);
        return this;
    }

    /** Patient.deceased[x]: "true" (deceasedBoolean, no date) or an ISO date (deceasedDateTime). */
    public FhirRecord deceased(String trueOrIso) {
        patient.setDeceased("true".equals(trueOrIso) ? new org.hl7.fhir.r4.model.BooleanType(true)
                : new org.hl7.fhir.r4.model.DateTimeType(trueOrIso));
        return this;
    }

    public FhirRecord born(String iso) {
        patient.setBirthDateElement(new DateType(iso));
        return this;
    }

    // ---------------------------------------------------------------- conditions

    public FhirRecord primary(String id, Consumer<Conditions.Primary> options) {
        Conditions.Primary o = new Conditions.Primary();
        options.accept(o);
        if (primaryRef == null) primaryRef = "Condition/" + id;
        return add(Conditions.primary(id, subject, o));
    }

    /** {@code site}: bone, liver, lung, brain, pleura, skin, axillary-node (regional), or unspecified. */
    public FhirRecord metastasis(String id, String site, Consumer<Conditions.Metastasis> options) {
        Conditions.Metastasis o = new Conditions.Metastasis();
        options.accept(o);
        if (!Codes.REGIONAL_NODE_SITES.contains(site)) distantRefs.add("Condition/" + id);
        if (nodeRef == null && Codes.REGIONAL_NODE_SITES.contains(site)) nodeRef = "Condition/" + id;
        return add(Conditions.metastasis(id, site, subject, primaryRef, o));
    }

    /**
     * kind: pain | ulceration | bleeding | fungating | infection, at the breast of {@code side}; or, not symptoms of
     * the primary, bone-pain (body site bone) and pain-unsited (a bare "pain", no body site).
     */
    public FhirRecord symptom(String id, String kind, String side, String onset) {
        return add(Conditions.symptom(id, kind, side, onset, subject));
    }

    /** Any other diagnosis, SNOMED-coded (hypertension, diabetes…). */
    public FhirRecord condition(String id, String snomed, String display, String onset) {
        return add(Conditions.other(id, cc(SCT, snomed, display), onset, subject));
    }

    // ---------------------------------------------------------------- observations

    /** marker: er | pr | her2; value: positive | negative | equivocal. */
    public FhirRecord receptor(String id, String marker, String value, Consumer<Observations.Receptor> options) {
        Observations.Receptor o = new Observations.Receptor();
        options.accept(o);
        return add(Observations.receptor(id, marker, value, subject, primaryRef, o));
    }

    /** focus: primary | distant (every distant metastasis recorded so far) | nodes (the first regional node record) | whole; value: responding | partial | stable | progressing | ned | undetermined. */
    public FhirRecord status(String id, String focus, String value, Consumer<Observations.Status> options) {
        Observations.Status o = new Observations.Status();
        options.accept(o);
        List<String> focusRefs = switch (focus) {
            case "primary" -> List.of(linked(primaryRef, "a primary"));
            case "distant" -> List.copyOf(distantRefs.isEmpty() ? List.of(linked(null, "a distant metastasis")) : distantRefs);
            case "nodes" -> List.of(linked(nodeRef, "a regional node record"));
            case "whole" -> List.of();
            default -> throw new IllegalArgumentException("status focus " + focus);
        };
        return add(Observations.status(id, value, subject, focusRefs, o));
    }

    /** scale: ecog | karnofsky. */
    public FhirRecord performance(String id, String scale, int score, String date) {
        return add(Observations.performance(id, scale, score, date, subject));
    }

    /** An AJCC category (cT2, cN0, pN1, cM1…) or stage group (IV, IIIA). */
    public FhirRecord tnm(String id, String category, Consumer<Observations.Tnm> options) {
        Observations.Tnm o = new Observations.Tnm();
        options.accept(o);
        return add(Observations.tnm(id, category, subject, primaryRef, o));
    }

    public FhirRecord margin(String id, boolean involved, String date) {
        return margin(id, involved, date, null);
    }

    /** {@code side}: left | right, the breast the result's body site names (null: none named). */
    public FhirRecord margin(String id, boolean involved, String date, String side) {
        Observation o = Observations.margin(id, involved, date, subject);
        if (side != null) o.setBodySite(Codes.breast(side));
        return add(o);
    }

    /** A LOINC-coded measurement the guidance does not use (weight, haemoglobin…), with its UCUM unit. */
    public FhirRecord measurement(String id, String loinc, String display, double value, String unit, String date) {
        return add(Observations.measurement(id, loinc, display, value, unit, date, subject));
    }

    // ---------------------------------------------------------------- therapy and procedures

    /** {@code drug}: a name of {@link Codes#DRUGS} (letrozole, trastuzumab, paclitaxel…). */
    public FhirRecord therapy(String id, String drug, Consumer<Medications.Therapy> options) {
        Medications.Therapy o = new Medications.Therapy();
        options.accept(o);
        return add(Medications.therapy(id, drug, subject, o));
    }

    /** A procedure done; {@code kind}: a name of {@link Codes#PROCEDURES}. */
    public FhirRecord procedure(String id, String kind, Consumer<Procedures.Options> options) {
        Procedures.Options o = new Procedures.Options();
        options.accept(o);
        return add(Procedures.done(id, kind, subject, o));
    }

    /** A procedure proposed (ServiceRequest, draft unless said active) that the record holds. */
    public FhirRecord order(String id, String kind, Consumer<Procedures.Options> options) {
        return add(draftOrder(id, kind, options));
    }

    /** A proposed procedure for this patient that the record does not hold: a CDS Hooks draft order. */
    public ServiceRequest draftOrder(String id, String kind, Consumer<Procedures.Options> options) {
        Procedures.Options o = new Procedures.Options();
        options.accept(o);
        return Procedures.proposed(id, kind, subject, o);
    }

    // ---------------------------------------------------------------- the record

    /** The record's resources, the Patient first, in the order added (a live, read-only view). */
    public List<Resource> resources() {
        return Collections.unmodifiableList(resources);
    }

    /** The record as a collection Bundle, each entry with the fullUrl {@code BASE + type/id}. */
    public Bundle bundle() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource r : resources) bundle.addEntry().setFullUrl(BASE + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
        return bundle;
    }

    /** A resource built by the caller, for a kind the methods above do not write (e.g. a MedicationDispense). */
    public FhirRecord resource(Resource r) {
        return add(r);
    }

    private FhirRecord add(Resource r) {
        resources.add(r);
        return this;
    }

    private static String linked(String ref, String what) {
        if (ref == null) throw new IllegalStateException("a disease status focused on " + what + " needs " + what + " recorded before it");
        return ref;
    }
}

package org.primum.tumourboard;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small FHIR R4 bundles built in code for the endpoint tests, and the fixtures read from the class path. */
final class DeNovoBundles {

    static final String SCT = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private DeNovoBundles() {
    }

    static String fixture(String classpath) {
        try (InputStream in = DeNovoBundles.class.getResourceAsStream(classpath)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + classpath);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    /**
     * A de novo metastatic patient: left breast cancer diagnosed 2025-01-10, a bone metastasis found
     * 2025-01-20, ER+ PR+ HER2−, letrozole from 2025-02-01 and no disease-status assessment yet.
     */
    static Bundle deNovoBoneOnly() {
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Patient patient = new Patient();
        patient.setId("t-patient");
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1966-05-02"));
        add(b, patient);
        Reference subject = new Reference("Patient/t-patient");

        Condition primary = new Condition();
        primary.setId("t-primary");
        primary.setCode(concept(SCT, "353431000119107", "Primary malignant neoplasm of female left breast"));
        primary.addBodySite(concept(SCT, "80248007", "Left breast structure"));
        primary.setSubject(subject);
        primary.setOnset(new DateTimeType("2025-01-10"));
        add(b, primary);

        Condition bone = new Condition();
        bone.setId("t-bone");
        bone.setCode(concept(SCT, "94222008", "Secondary malignant neoplasm of bone"));
        bone.addBodySite(concept(SCT, "272673000", "Bone structure"));
        bone.setSubject(subject);
        bone.setOnset(new DateTimeType("2025-01-20"));
        add(b, bone);

        add(b, receptor("t-er", "85337-4", "LA6576-8", "Positive", subject));
        add(b, receptor("t-pr", "85339-0", "LA6576-8", "Positive", subject));
        add(b, receptor("t-her2", "48676-1", "LA6577-6", "Negative", subject));

        MedicationRequest letrozole = new MedicationRequest();
        letrozole.setId("t-letrozole");
        letrozole.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        letrozole.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        letrozole.setMedication(concept(RXNORM, "72965", "letrozole"));
        letrozole.setSubject(subject);
        letrozole.setAuthoredOnElement(new DateTimeType("2025-02-01"));
        add(b, letrozole);
        return b;
    }

    static Observation receptor(String id, String loinc, String answer, String display, Reference subject) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(concept(LOINC, loinc, null));
        o.setSubject(subject);
        o.setEffective(new DateTimeType("2025-01-15"));
        o.setValue(concept(LOINC, answer, display));
        return o;
    }

    static void add(Bundle b, Resource r) {
        b.addEntry().setFullUrl("https://example.org/fhir/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
    }

    static String json(Resource r) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r);
    }
}

package org.primum.fhir;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.primum.facts.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Focused tests of the tricky definitions, on small hand-written Bundles. */
class FhirMapperTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final String SCT = "http://snomed.info/sct", LNC = "http://loinc.org", ICD = "http://hl7.org/fhir/sid/icd-10-cm",
            RX = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String PATIENT = """
            {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1970-06-02"}}""";

    // ---------------------------------------------------------------- building blocks

    private static String cc(String system, String code, String display) {
        return "{\"coding\": [{\"system\": \"" + system + "\", \"code\": \"" + code + "\"" + (display == null ? "" : ", \"display\": \"" + display + "\"") + "}]}";
    }

    private static String entry(String fullUrl, String resourceJson) {
        return "{" + (fullUrl == null ? "" : "\"fullUrl\": \"" + fullUrl + "\", ") + "\"resource\": " + resourceJson + "}";
    }

    private static String condition(String id, String code, String extra) {
        return entry("urn:uuid:" + id, "{\"resourceType\": \"Condition\", \"id\": \"" + id + "\", \"subject\": {\"reference\": \"urn:uuid:p1\"}, \"code\": "
                + code + (extra == null ? "" : ", " + extra) + "}");
    }

    private static String observation(String id, String code, String extra) {
        return entry("urn:uuid:" + id, "{\"resourceType\": \"Observation\", \"id\": \"" + id + "\", \"status\": \"final\", "
                + "\"subject\": {\"reference\": \"Patient/p1\"}, \"code\": " + code + (extra == null ? "" : ", " + extra) + "}");
    }

    private static String procedure(String id, String status, String code, String extra) {
        return entry("urn:uuid:" + id, "{\"resourceType\": \"Procedure\", \"id\": \"" + id + "\", \"status\": \"" + status + "\", "
                + "\"subject\": {\"reference\": \"Patient/p1\"}, \"code\": " + code + ", \"performedDateTime\": \"2025-01-10\""
                + (extra == null ? "" : ", " + extra) + "}");
    }

    private static final String BREAST_PRIMARY = condition("prim", cc(SCT, "254837009", "Malignant neoplasm of breast"),
            "\"onsetDateTime\": \"2025-01-02\", \"bodySite\": [" + cc(SCT, "80248007", "Left breast structure") + "]");

    private static Bundle bundle(String... entries) {
        List<String> all = new ArrayList<>();
        all.add(PATIENT);
        all.addAll(List.of(entries));
        return bundleOf(all);
    }

    private static Bundle bundleOf(List<String> entries) {
        String json = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [" + String.join(",\n", entries) + "]}";
        return Fixtures.parser().parseResource(Bundle.class, json);
    }

    private static ClinicalRecord map(String... entries) {
        return Fixtures.MAPPER.map(bundle(entries), AS_OF);
    }

    // ---------------------------------------------------------------- Bundle shape

    @Test
    void aBundleWithoutPatientIsUnprocessableRequired() {
        Bundle b = bundleOf(List.of(BREAST_PRIMARY));
        assertThatThrownBy(() -> Fixtures.MAPPER.map(b, AS_OF)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.UNPROCESSABLE);
            assertThat(e.issueCode()).isEqualTo("required");
            assertThat(e.location()).isEqualTo("Bundle.entry");
        });
    }

    @Test
    void aBundleWithTwoPatientsIsUnprocessableInvalid() {
        Bundle b = bundle(entry("urn:uuid:p2", "{\"resourceType\": \"Patient\", \"id\": \"p2\"}"));
        assertThatThrownBy(() -> Fixtures.MAPPER.map(b, AS_OF)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.UNPROCESSABLE);
            assertThat(e.issueCode()).isEqualTo("invalid");
            assertThat(e.location()).startsWith("Bundle.entry");
        });
    }

    @Test
    void patientAgeInWholeYearsAtAsOf() {
        ClinicalRecord r = map();
        assertThat(r.patient().ageYears()).isEqualTo(54); // 55th birthday is 2025-06-02, the day after asOf
        assertThat(r.patient().sex()).isEqualTo("female");
        assertThat(r.patient().sourceId()).isEqualTo("Patient/p1");
    }

    @Test
    void resourcesOfAnotherPatientAreIgnored() {
        ClinicalRecord r = map(BREAST_PRIMARY, entry("urn:uuid:x", "{\"resourceType\": \"Condition\", \"id\": \"x\", \"subject\": {\"reference\": \"Patient/other\"}, "
                + "\"code\": " + cc(SCT, "94222008", "Secondary malignant neoplasm of bone") + "}"));
        assertThat(r.primaries()).hasSize(1);
        assertThat(r.metastases()).isEmpty();
    }

    @Test
    void refutedAndEnteredInErrorAreIgnored() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                condition("m1", cc(SCT, "94222008", null), "\"verificationStatus\": " + cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted", null)),
                observation("o1", cc(LNC, "21907-1", null), "\"valueCodeableConcept\": " + cc(SCT, "55440008", null) + ", \"status\": \"entered-in-error\"")
                        .replace("\"status\": \"final\", ", ""),
                procedure("s1", "entered-in-error", cc(SCT, "172043006", "Simple mastectomy"), null),
                procedure("s2", "not-done", cc(SCT, "172043006", "Simple mastectomy"), null));
        assertThat(r.metastases()).isEmpty();
        assertThat(r.staging()).isEmpty();
        assertThat(r.procedures()).isEmpty();
    }

    // ---------------------------------------------------------------- references

    @Test
    void relativeReferenceResolvesAgainstUrnUuidFullUrl() {
        ClinicalRecord r = map(BREAST_PRIMARY, condition("bone", cc(SCT, "94222008", null), "\"onsetDateTime\": \"2025-01-20\""),
                observation("ds", cc(LNC, "97509-4", null), "\"focus\": [{\"reference\": \"Condition/bone\"}], \"effectiveDateTime\": \"2025-05-01\", "
                        + "\"valueCodeableConcept\": " + cc(SCT, "271299001", null)));
        assertThat(r.diseaseStatuses()).singleElement().satisfies(d -> {
            assertThat(d.focus()).isEqualTo(DiseaseFocus.DISTANT);
            assertThat(d.response()).isEqualTo(Response.PROGRESSING);
            assertThat(d.sourceId()).isEqualTo("Observation/ds");
        });
    }

    @Test
    void urnUuidReferenceResolvesAgainstAbsoluteFullUrlAndResourceId() {
        String primary = entry("http://example.org/fhir/Condition/prim2", "{\"resourceType\": \"Condition\", \"id\": \"prim2\", "
                + "\"subject\": {\"reference\": \"http://example.org/fhir/Patient/p1\"}, \"code\": " + cc(ICD, "C50.911", null) + "}");
        ClinicalRecord r = map(primary, observation("ds", cc(LNC, "88040-1", null), "\"focus\": [{\"reference\": \"urn:uuid:prim2\"}], "
                + "\"valueCodeableConcept\": " + cc(SCT, "385633008", null)));
        assertThat(r.primaries()).singleElement().satisfies(p -> {
            assertThat(p.sourceId()).isEqualTo("Condition/prim2");
            assertThat(p.laterality()).isEqualTo(Laterality.RIGHT);
            assertThat(p.dateBasis()).isEqualTo(DateBasis.UNDATED);
        });
        assertThat(r.diseaseStatuses()).singleElement().satisfies(d -> assertThat(d.focus()).isEqualTo(DiseaseFocus.PRIMARY));
    }

    @Test
    void factsKeepTheResourceIdAndReferencesResolveByFullUrlOrTypeId() {
        String json = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [" + String.join(",", PATIENT,
                entry("urn:uuid:1234", "{\"resourceType\": \"Condition\", \"id\": \"c-local\", \"subject\": {\"reference\": \"Patient/p1\"}, "
                        + "\"code\": " + cc(SCT, "254837009", null) + "}"),
                observation("ds1", cc(LNC, "97509-4", null), "\"focus\": [{\"reference\": \"urn:uuid:1234\"}], \"valueCodeableConcept\": " + cc(SCT, "268910001", null)),
                observation("ds2", cc(LNC, "97509-4", null), "\"focus\": [{\"reference\": \"Condition/c-local\"}], \"valueCodeableConcept\": " + cc(SCT, "268910001", null)))
                + "]}";
        var parser = Fixtures.parser();
        parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
        ClinicalRecord r = Fixtures.MAPPER.map(parser.parseResource(Bundle.class, json), AS_OF);
        assertThat(r.primaries()).singleElement().satisfies(p -> assertThat(p.sourceId()).isEqualTo("Condition/c-local"));
        assertThat(r.diseaseStatuses()).hasSize(2).allSatisfy(d -> assertThat(d.focus()).isEqualTo(DiseaseFocus.PRIMARY));
    }

    @Test
    void diseaseStatusWithoutFocusSpeaksForTheWholeDisease() {
        ClinicalRecord r = map(BREAST_PRIMARY, observation("ds", cc(LNC, "97509-4", null), "\"valueCodeableConcept\": " + cc(SCT, "359746009", null)));
        assertThat(r.diseaseStatuses()).singleElement().satisfies(d -> {
            assertThat(d.focus()).isEqualTo(DiseaseFocus.WHOLE);
            assertThat(d.response()).isEqualTo(Response.STABLE);
        });
    }

    @Test
    void urnOnlyEntryKeepsItsUuidAsId() {
        String noId = "{\"fullUrl\": \"urn:uuid:0b6f-77\", \"resource\": {\"resourceType\": \"Condition\", \"subject\": {\"reference\": \"urn:uuid:p1\"}, "
                + "\"code\": " + cc(SCT, "254837009", null) + "}}";
        assertThat(map(noId).primaries()).singleElement().satisfies(p -> assertThat(p.sourceId()).isEqualTo("Condition/0b6f-77"));
    }

    // ---------------------------------------------------------------- metastases

    @Test
    void regionalNodesAreNotDistantMetastases() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                condition("ax", cc(SCT, "94181007", "Secondary malignant neoplasm of axillary lymph nodes"), null),
                condition("ax2", cc(ICD, "C77.3", null), null),
                condition("ax3", cc(SCT, "128462008", null), "\"bodySite\": [" + cc(SCT, "68171009", "Axillary lymph node structure") + "]"));
        assertThat(r.metastases()).isEmpty();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.topic()).isEqualTo("regional nodes"));
    }

    @Test
    void genericSecondaryTakesItsSiteFromTheBodySiteAndAFinerStructureIsSpecific() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                condition("m1", cc(SCT, "128462008", null), "\"bodySite\": [" + cc(SCT, "71341001", "Bone structure of femur") + "]"),
                condition("m2", cc(SCT, "128462008", null), "\"bodySite\": [" + cc(SCT, "272673000", "Bone structure") + "]"),
                condition("m3", cc(SCT, "128462008", null), null),
                condition("m4", cc(SCT, "94222008", null), "\"bodySite\": [" + cc(SCT, "3572006", "Structure of body of vertebra") + "]"),
                condition("m5", cc(ICD, "C78.7", null), null));
        assertThat(r.metastases()).extracting(Metastasis::sourceId, Metastasis::site, Metastasis::specificSite).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Condition/m1", "bone", true),
                org.assertj.core.groups.Tuple.tuple("Condition/m2", "bone", false),
                org.assertj.core.groups.Tuple.tuple("Condition/m3", Metastasis.UNSPECIFIED, false),
                org.assertj.core.groups.Tuple.tuple("Condition/m4", "bone", true),
                org.assertj.core.groups.Tuple.tuple("Condition/m5", "liver", false));
        assertThat(r.metastases().get(0).siteDisplay()).isEqualTo("Bone structure of femur");
    }

    @Test
    void aSecondaryOfAnotherPrimaryIsNotABreastMetastasis() {
        String lung = condition("lung", cc(SCT, "254637007", "Non-small cell lung cancer"), null);
        String mets = condition("brain", cc(SCT, "94225005", null), "\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/condition-related\", "
                + "\"valueReference\": {\"reference\": \"Condition/lung\"}}]");
        String bone = condition("bone", cc(SCT, "94222008", null), "\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/condition-related\", "
                + "\"valueReference\": {\"reference\": \"urn:uuid:prim\"}}]");
        ClinicalRecord r = map(BREAST_PRIMARY, lung, mets, bone);
        assertThat(r.metastases()).extracting(Metastasis::sourceId).containsExactly("Condition/bone");
        assertThat(r.unrecognised()).anySatisfy(u -> assertThat(u.code()).isEqualTo("254637007"));
    }

    @Test
    void aSecondaryOfAnUnrecognisedBreastPrimaryIsKept() {
        String related = "\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/condition-related\", \"valueReference\": {\"reference\": \"Condition/%s\"}}]";
        ClinicalRecord r = map(
                condition("gm", cc("http://example.org/local-codes", "C50.3", "Bösartige Neubildung: Unterer innerer Quadrant der Brustdrüse"), null),
                condition("lungx", cc("http://example.org/local-codes", "LC1", "Adenocarcinoma of lung"), null),
                condition("m1", cc(SCT, "94222008", null), related.formatted("gm")),
                condition("m2", cc(SCT, "94381002", null), related.formatted("lungx")));
        assertThat(r.metastases()).extracting(Metastasis::sourceId).containsExactly("Condition/m1");
        assertThat(r.unrecognised()).extracting(UnrecognisedCode::code).contains("C50.3", "LC1");
    }

    @Test
    void siteOfDistantMetastasisObservation() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                observation("s1", cc(LNC, "44667-4", null), "\"effectiveDateTime\": \"2025-01-03\", \"valueCodeableConcept\": " + cc(SCT, "10200004", "Liver structure")),
                observation("s2", cc(LNC, "44667-4", null), "\"valueCodeableConcept\": " + cc(SCT, "260413007", "None")),
                observation("s3", cc(LNC, "44667-4", null), "\"valueCodeableConcept\": " + cc(SCT, "68171009", "Axillary lymph node structure")));
        assertThat(r.metastases()).singleElement().satisfies(m -> {
            assertThat(m.sourceId()).isEqualTo("Observation/s1");
            assertThat(m.site()).isEqualTo("liver");
            assertThat(m.onset()).isEqualTo(LocalDate.of(2025, 1, 3));
        });
    }

    @Test
    void lesionCountFromAnObservationFocusedOnTheMetastasisOrAnExtension() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                condition("bone", cc(SCT, "94222008", null), null),
                condition("liver", cc(SCT, "94381002", null), "\"extension\": [{\"url\": \"http://primum.org/fhir/StructureDefinition/metastatic-lesion-count\", \"valueInteger\": 5}]"),
                observation("n", cc("http://primum.org/fhir/CodeSystem/primum-observation", "metastatic-lesion-count", null),
                        "\"focus\": [{\"reference\": \"Condition/bone\"}], \"valueInteger\": 2"));
        assertThat(r.metastases()).extracting(Metastasis::site, Metastasis::lesionCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bone", 2), org.assertj.core.groups.Tuple.tuple("liver", 5));
    }

    // ---------------------------------------------------------------- staging & receptors

    @Test
    void stagingValuesAreNormalised() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                observation("m", cc(LNC, "21907-1", null), "\"valueCodeableConcept\": " + cc("http://cancerstaging.org", "cM1", null)),
                observation("pm", cc(LNC, "21901-4", null), "\"valueCodeableConcept\": " + cc("http://cancerstaging.org", "pM1", null)),
                observation("s", cc(LNC, "21908-9", null), "\"valueCodeableConcept\": " + cc(SCT, "258228008", null)),
                observation("x", cc(LNC, "21906-3", null), "\"valueCodeableConcept\": " + cc(SCT, "999999", "N-something")));
        assertThat(r.staging()).extracting(TnmCategory::axis, TnmCategory::category, TnmCategory::pathological).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TnmAxis.M, "M1", false), org.assertj.core.groups.Tuple.tuple(TnmAxis.M, "M1", true),
                org.assertj.core.groups.Tuple.tuple(TnmAxis.STAGE_GROUP, "IV", false));
        assertThat(r.unrecognised()).anySatisfy(u -> {
            assertThat(u.code()).isEqualTo("999999");
            assertThat(u.element()).isEqualTo("Observation.value");
        });
    }

    @Test
    void receptorValuesFromCodesInterpretationPercentagesAndText() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                observation("er1", cc(LNC, "85329-1", null), "\"effectiveDateTime\": \"2025-01-05\", \"valueQuantity\": {\"value\": 0.5, \"unit\": \"%\"}"),
                observation("er2", cc(LNC, "85329-1", null), "\"valueQuantity\": {\"value\": 1, \"unit\": \"%\", \"code\": \"%\"}"),
                observation("pr1", cc(LNC, "85339-0", null), "\"valueString\": \"25 % moderate\""),
                observation("pr2", cc(LNC, "16113-3", null), "\"interpretation\": [" + cc("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "NEG", null) + "]"),
                observation("h1", cc(LNC, "48676-1", null), "\"valueCodeableConcept\": " + cc(LNC, "LA11884-6", "Indeterminate")),
                observation("h2", cc(LNC, "85318-4", null), "\"valueString\": \"less than 1.8\""));
        assertThat(r.receptors()).extracting(ReceptorStatus::sourceId, ReceptorStatus::receptor, ReceptorStatus::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Observation/er1", Receptor.ER, ReceptorValue.NEGATIVE),
                org.assertj.core.groups.Tuple.tuple("Observation/er2", Receptor.ER, ReceptorValue.POSITIVE),
                org.assertj.core.groups.Tuple.tuple("Observation/pr1", Receptor.PR, ReceptorValue.POSITIVE),
                org.assertj.core.groups.Tuple.tuple("Observation/pr2", Receptor.PR, ReceptorValue.NEGATIVE),
                org.assertj.core.groups.Tuple.tuple("Observation/h1", Receptor.HER2, ReceptorValue.EQUIVOCAL),
                org.assertj.core.groups.Tuple.tuple("Observation/h2", Receptor.HER2, ReceptorValue.UNKNOWN));
        assertThat(r.receptors().get(0).date()).isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.sourceIds()).contains("Observation/h2"));
    }

    @Test
    void performanceStatusFromIntegersAndAnswerCodes() {
        ClinicalRecord r = map(observation("e", cc(LNC, "89247-1", null), "\"valueCodeableConcept\": " + cc(LNC, "LA9625-0", null)),
                observation("k", cc(LNC, "89243-0", null), "\"valueInteger\": 40"),
                observation("bad", cc(LNC, "89247-1", null), "\"valueInteger\": 7"));
        assertThat(r.performance()).extracting(PerformanceStatus::scale, PerformanceStatus::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PerformanceScale.ECOG, 3), org.assertj.core.groups.Tuple.tuple(PerformanceScale.KARNOFSKY, 40));
    }

    // ---------------------------------------------------------------- therapy

    @Test
    void medicationsByProductCodeContainedOrBundledMedicationAndText() {
        String contained = entry("urn:uuid:mr1", "{\"resourceType\": \"MedicationRequest\", \"id\": \"mr1\", \"status\": \"active\", \"intent\": \"order\", "
                + "\"contained\": [{\"resourceType\": \"Medication\", \"id\": \"med\", \"code\": " + cc(RX, "1873983", "ribociclib 200 MG Oral Tablet") + "}], "
                + "\"medicationReference\": {\"reference\": \"#med\"}, \"subject\": {\"reference\": \"Patient/p1\"}, \"authoredOn\": \"2025-01-15\"}");
        String bundled = entry("urn:uuid:med2", "{\"resourceType\": \"Medication\", \"id\": \"med2\", \"code\": " + cc(RX, "198240", null) + "}");
        String byRef = entry("urn:uuid:ms1", "{\"resourceType\": \"MedicationStatement\", \"id\": \"ms1\", \"status\": \"active\", "
                + "\"medicationReference\": {\"reference\": \"Medication/med2\"}, \"subject\": {\"reference\": \"Patient/p1\"}, "
                + "\"effectivePeriod\": {\"start\": \"2025-02-01\"}}");
        String byText = entry("urn:uuid:ma1", "{\"resourceType\": \"MedicationAdministration\", \"id\": \"ma1\", \"status\": \"completed\", "
                + "\"medicationCodeableConcept\": {\"text\": \"Herceptin 440 mg IV\"}, \"subject\": {\"reference\": \"Patient/p1\"}, "
                + "\"effectiveDateTime\": \"2025-02-02\"}");
        String other = entry("urn:uuid:mr2", "{\"resourceType\": \"MedicationRequest\", \"id\": \"mr2\", \"status\": \"active\", \"intent\": \"order\", "
                + "\"medicationCodeableConcept\": " + cc(RX, "314231", "Simvastatin 10 MG Oral Tablet") + ", \"subject\": {\"reference\": \"Patient/p1\"}}");
        String cancelled = entry("urn:uuid:mr3", "{\"resourceType\": \"MedicationRequest\", \"id\": \"mr3\", \"status\": \"cancelled\", \"intent\": \"order\", "
                + "\"medicationCodeableConcept\": " + cc(RX, "583214", null) + ", \"subject\": {\"reference\": \"Patient/p1\"}}");
        String proposed = entry("urn:uuid:mr4", "{\"resourceType\": \"MedicationRequest\", \"id\": \"mr4\", \"status\": \"active\", \"intent\": \"proposal\", "
                + "\"medicationCodeableConcept\": " + cc(RX, "72965", "letrozole") + ", \"subject\": {\"reference\": \"Patient/p1\"}, \"authoredOn\": \"2024-12-01\"}");
        String chemo = procedure("ch", "completed", cc(SCT, "367336001", "Chemotherapy"), null);
        ClinicalRecord r = map(contained, bundled, byRef, byText, other, cancelled, proposed, chemo);
        assertThat(r.therapies()).extracting(SystemicTherapy::sourceId, SystemicTherapy::drug, SystemicTherapy::drugClass, SystemicTherapy::start).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MedicationRequest/mr1", "ribociclib", DrugClass.CDK4_6_INHIBITOR, LocalDate.of(2025, 1, 15)),
                org.assertj.core.groups.Tuple.tuple("MedicationStatement/ms1", "tamoxifen", DrugClass.ENDOCRINE, LocalDate.of(2025, 2, 1)),
                org.assertj.core.groups.Tuple.tuple("MedicationAdministration/ma1", "trastuzumab", DrugClass.HER2_DIRECTED, LocalDate.of(2025, 2, 2)),
                org.assertj.core.groups.Tuple.tuple("Procedure/ch", "chemotherapy (procedure)", DrugClass.CHEMOTHERAPY, LocalDate.of(2025, 1, 10)));
        assertThat(r.unrecognised()).anySatisfy(u -> {
            assertThat(u.code()).isEqualTo("314231");
            assertThat(u.element()).isEqualTo("MedicationRequest.medication");
        });
    }

    // ---------------------------------------------------------------- procedures & orders

    @Test
    void radiotherapyKindFollowsItsTarget() {
        ClinicalRecord r = map(BREAST_PRIMARY, condition("bone", cc(SCT, "94222008", null), null),
                procedure("rt1", "completed", cc(SCT, "33195004", null), "\"bodySite\": [" + cc(SCT, "78904004", "Chest wall structure") + "]"),
                procedure("rt2", "completed", cc(SCT, "33195004", null), "\"bodySite\": [" + cc(SCT, "3572006", "Structure of body of vertebra") + "]"),
                procedure("rt3", "completed", cc(SCT, "33195004", null), null),
                procedure("rt4", "in-progress", cc(SCT, "33195004", null), "\"reasonReference\": [{\"reference\": \"Condition/bone\"}]"),
                procedure("rt5", "completed", cc(SCT, "428923005", "Radiotherapy to breast"), null),
                procedure("rt6", "completed", cc(SCT, "33195004", null), "\"bodySite\": [" + cc(SCT, "68171009", null) + "]"));
        assertThat(r.procedures()).extracting(ProcedureDone::sourceId, ProcedureDone::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Procedure/rt1", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY),
                org.assertj.core.groups.Tuple.tuple("Procedure/rt2", ProcedureKind.METASTASIS_RADIOTHERAPY),
                org.assertj.core.groups.Tuple.tuple("Procedure/rt3", ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE),
                org.assertj.core.groups.Tuple.tuple("Procedure/rt4", ProcedureKind.METASTASIS_RADIOTHERAPY),
                org.assertj.core.groups.Tuple.tuple("Procedure/rt5", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY),
                org.assertj.core.groups.Tuple.tuple("Procedure/rt6", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY));
    }

    @Test
    void lateralityAndProphylacticFlagOfMastectomies() {
        String qualifier = "{\"extension\": [{\"url\": \"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier\", "
                + "\"valueCodeableConcept\": " + cc(SCT, "24028007", "Right") + "}], \"coding\": [{\"system\": \"" + SCT + "\", \"code\": \"76752008\"}]}";
        ClinicalRecord r = map(BREAST_PRIMARY,
                procedure("a", "completed", cc(SCT, "429400009", "Mastectomy of right breast"), null),
                procedure("b", "completed", cc(SCT, "172043006", "Simple mastectomy"), "\"bodySite\": [" + qualifier + "]"),
                procedure("c", "completed", cc(SCT, "22418005", "Bilateral simple mastectomy"), null),
                procedure("d", "completed", cc("http://www.ama-assn.org/go/cpt", "19303", null), "\"bodySite\": [" + cc(SCT, "73056007", null)
                        + "], \"reasonCode\": [{\"text\": \"Risk-reducing surgery, BRCA1 carrier\"}]"),
                procedure("e", "completed", cc(SCT, "451201000124106", "Prophylactic mastectomy of right breast"), null),
                procedure("f", "completed", cc(SCT, "64368001", "Partial mastectomy"), "\"bodySite\": [" + cc(SCT, "80248007", null) + "]"));
        assertThat(r.procedures()).extracting(ProcedureDone::sourceId, ProcedureDone::kind, ProcedureDone::laterality, ProcedureDone::prophylactic).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Procedure/a", ProcedureKind.MASTECTOMY, Laterality.RIGHT, false),
                org.assertj.core.groups.Tuple.tuple("Procedure/b", ProcedureKind.MASTECTOMY, Laterality.RIGHT, false),
                org.assertj.core.groups.Tuple.tuple("Procedure/c", ProcedureKind.MASTECTOMY, Laterality.BILATERAL, false),
                org.assertj.core.groups.Tuple.tuple("Procedure/d", ProcedureKind.MASTECTOMY, Laterality.RIGHT, true),
                org.assertj.core.groups.Tuple.tuple("Procedure/e", ProcedureKind.MASTECTOMY, Laterality.RIGHT, true),
                org.assertj.core.groups.Tuple.tuple("Procedure/f", ProcedureKind.BREAST_CONSERVING_SURGERY, Laterality.LEFT, false));
    }

    @Test
    void tumourBoardReviewByCodeOrName() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                procedure("tb1", "completed", cc("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C93304", "Tumor Board Review"), null),
                procedure("tb2", "completed", "{\"text\": \"Multidisciplinary tumour board meeting\"}", null),
                procedure("x", "completed", cc(SCT, "223487003", "Discussion about options"), null));
        assertThat(r.procedures()).extracting(ProcedureDone::sourceId, ProcedureDone::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Procedure/tb1", ProcedureKind.TUMOUR_BOARD_REVIEW),
                org.assertj.core.groups.Tuple.tuple("Procedure/tb2", ProcedureKind.TUMOUR_BOARD_REVIEW));
    }

    @Test
    void serviceRequestsInDraftOrActiveAreProposedOrders() {
        String sr = "{\"resourceType\": \"ServiceRequest\", \"id\": \"%s\", \"status\": \"%s\", \"intent\": \"proposal\", "
                + "\"subject\": {\"reference\": \"Patient/p1\"}, \"code\": %s}";
        ClinicalRecord r = map(BREAST_PRIMARY,
                entry("urn:uuid:o1", sr.formatted("o1", "draft", cc(SCT, "79544006", null))),
                entry("urn:uuid:o2", sr.formatted("o2", "active", cc("http://www.ama-assn.org/go/cpt", "19301", null))),
                entry("urn:uuid:o3", sr.formatted("o3", "completed", cc(SCT, "172043006", null))),
                entry("urn:uuid:o4", sr.formatted("o4", "draft", cc(SCT, "12345", "Something unknown"))));
        assertThat(r.orders()).extracting(ProposedOrder::sourceId, ProposedOrder::kind, ProposedOrder::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ServiceRequest/o1", ProcedureKind.AXILLARY_DISSECTION, "draft"),
                org.assertj.core.groups.Tuple.tuple("ServiceRequest/o2", ProcedureKind.BREAST_CONSERVING_SURGERY, "active"));
        assertThat(r.unrecognised()).anySatisfy(u -> assertThat(u.element()).isEqualTo("ServiceRequest.code"));
    }

    /**
     * An order is dated by when it was made (authoredOn), never by when it is to be done (occurrence[x]): a mastectomy
     * scheduled for next week is under review today, and dating it next week would leave it out of today's
     * evaluation and silence its safety checks.
     */
    @Test
    void anOrderIsDatedByAuthoredOnNeverByItsOccurrence() {
        String sr = "{\"resourceType\": \"ServiceRequest\", \"id\": \"%s\", \"status\": \"active\", \"intent\": \"order\", "
                + "\"subject\": {\"reference\": \"Patient/p1\"}, \"code\": " + cc(SCT, "172043006", null) + ", %s}";
        ClinicalRecord r = map(BREAST_PRIMARY,
                entry("urn:uuid:o1", sr.formatted("o1", "\"authoredOn\": \"2025-03-01\", \"occurrenceDateTime\": \"2025-03-20\"")),
                entry("urn:uuid:o2", sr.formatted("o2", "\"occurrenceDateTime\": \"2025-03-20\"")),
                entry("urn:uuid:o3", sr.formatted("o3", "\"occurrencePeriod\": {\"start\": \"2025-03-20\"}")));
        assertThat(r.orders()).extracting(ProposedOrder::sourceId, ProposedOrder::authored).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ServiceRequest/o1", LocalDate.of(2025, 3, 1)),
                org.assertj.core.groups.Tuple.tuple("ServiceRequest/o2", null),
                org.assertj.core.groups.Tuple.tuple("ServiceRequest/o3", null));
    }

    // ---------------------------------------------------------------- symptoms, margins, unrecognised

    @Test
    void symptomsOfTheBreastByCodeOrByWordsWithABreastSite() {
        ClinicalRecord r = map(BREAST_PRIMARY,
                condition("s1", cc(SCT, "53430007", "Breast pain"), "\"onsetDateTime\": \"2025-03-01\""),
                condition("s2", "{\"text\": \"Ulcerated tumour\"}", "\"bodySite\": [" + cc(SCT, "80248007", "Left breast structure") + "]"),
                condition("s3", "{\"text\": \"Bleeding from the chest wall lesion\"}", null),
                condition("s4", "{\"text\": \"Leg ulcer\"}", null),
                condition("s5", cc(SCT, "53430007", "Breast pain"), "\"clinicalStatus\": " + cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "resolved", null)),
                observation("s6", "{\"text\": \"Fungating breast mass\"}", "\"valueBoolean\": true"));
        assertThat(r.symptoms()).extracting(PrimarySymptom::sourceId, PrimarySymptom::symptom).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Condition/s1", "pain"),
                org.assertj.core.groups.Tuple.tuple("Condition/s2", "ulceration"),
                org.assertj.core.groups.Tuple.tuple("Condition/s3", "bleeding"),
                org.assertj.core.groups.Tuple.tuple("Observation/s6", "fungation"));
    }

    @Test
    void marginsByCodeAndText() {
        ClinicalRecord r = map(observation("m1", cc(LNC, "44669-0", null), "\"valueCodeableConcept\": " + cc(LNC, "LA27151-2", null)),
                observation("m2", cc(LNC, "44669-0", null), "\"valueString\": \"Involved by invasive carcinoma (anterior margin)\""));
        assertThat(r.margins()).extracting(MarginStatus::involved).containsExactly(false, true);
    }

    @Test
    void unknownSystemsAndNeoplasmsAreReportedButOrdinaryDataIsNot() {
        ClinicalRecord r = map(condition("gm", cc("http://id.who.int/icd/release/11/mms", "C50.4", null), null),
                condition("htn", cc(SCT, "38341003", "Hypertensive disorder"), null),
                condition("lymph", cc(SCT, "118600007", "Malignant lymphoma"), null),
                observation("bp", cc(LNC, "8480-6", "Systolic blood pressure"), "\"valueQuantity\": {\"value\": 120}"));
        assertThat(r.unrecognised()).extracting(UnrecognisedCode::code).containsExactly("C50.4", "118600007");
    }

    @Test
    void unrecognisedCodesAreDeduplicated() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) entries.add(procedure("x" + i, "completed", cc(SCT, "71651007", "Mammography"), null));
        assertThat(map(entries.toArray(String[]::new)).unrecognised()).hasSize(1);
    }

    @Test
    void aFloodOfUnrecognisedCodesIsCappedWithANote() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < Fixtures.TERMINOLOGY.unrecognisedMax() + 7; i++) entries.add(procedure("x" + i, "completed", cc(SCT, "99" + i, "Local procedure " + i), null));
        ClinicalRecord r = map(entries.toArray(String[]::new));
        assertThat(r.unrecognised()).hasSize(Fixtures.TERMINOLOGY.unrecognisedMax());
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.text()).startsWith("7 further unrecognised codes"));
    }

    // ---------------------------------------------------------------- loose resources

    @Test
    void looseResourcesForAPatientIdWithNestedBundles() {
        Bundle b = bundle(BREAST_PRIMARY, condition("bone", cc(SCT, "94222008", null), null));
        Resource otherPatients = Fixtures.parser().parseResource(Bundle.class, "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": ["
                + entry("http://x/Condition/zz", "{\"resourceType\": \"Condition\", \"id\": \"zz\", \"subject\": {\"reference\": \"Patient/p9\"}, \"code\": "
                + cc(SCT, "94381002", null) + "}") + "]}");
        ClinicalRecord r = Fixtures.MAPPER.map(List.of(b, otherPatients), "Patient/p1", AS_OF);
        assertThat(r.patient().sourceId()).isEqualTo("Patient/p1");
        assertThat(r.primaries()).hasSize(1);
        assertThat(r.metastases()).extracting(Metastasis::site).containsExactly("bone");
        assertThatThrownBy(() -> Fixtures.MAPPER.map(List.of(b), " ", AS_OF)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void mappingIsThreadSafe() throws Exception {
        Bundle b = Fixtures.bundle("mcode-patient-bundle-jenny-m.json");
        ClinicalRecord expected = Fixtures.MAPPER.map(b, AS_OF);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ClinicalRecord>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) fs.add(pool.submit(() -> Fixtures.MAPPER.map(b, AS_OF)));
            for (var f : fs) assertThat(f.get()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}

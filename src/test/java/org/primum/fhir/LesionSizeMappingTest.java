package org.primum.fhir;

import org.junit.jupiter.api.Test;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.LesionMeasurement;
import org.primum.facts.MappingNote;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lesion size Observations (ValueSet tumour-size-observation): which lesion, which diameter, which unit. */
class LesionSizeMappingTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final String SCT = "http://snomed.info/sct";
    private static final String PATIENT = """
            {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female"}}""";
    private static final String PRIMARY = """
            {"fullUrl": "urn:uuid:prim", "resource": {"resourceType": "Condition", "id": "prim", "subject": {"reference": "urn:uuid:p1"},
             "code": {"coding": [{"system": "http://snomed.info/sct", "code": "254837009"}]}, "onsetDateTime": "2025-01-02"}}""";
    private static final String LIVER_MET = """
            {"fullUrl": "urn:uuid:met", "resource": {"resourceType": "Condition", "id": "met", "subject": {"reference": "urn:uuid:p1"},
             "code": {"coding": [{"system": "http://snomed.info/sct", "code": "94381002"}]}, "onsetDateTime": "2025-01-05"}}""";

    private static String size(String id, String extra) {
        return "{\"fullUrl\": \"urn:uuid:" + id + "\", \"resource\": {\"resourceType\": \"Observation\", \"id\": \"" + id
                + "\", \"status\": \"final\", \"subject\": {\"reference\": \"urn:uuid:p1\"}, \"effectiveDateTime\": \"2025-03-01\", "
                + "\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"33728-7\"}]}, " + extra + "}}";
    }

    private static String quantity(double value, String unit) {
        return "\"valueQuantity\": {\"value\": " + value + ", \"system\": \"http://unitsofmeasure.org\", \"code\": \"" + unit + "\"}";
    }

    private static ClinicalRecord map(String... entries) {
        List<String> all = new ArrayList<>(List.of(PATIENT, PRIMARY, LIVER_MET));
        all.addAll(List.of(entries));
        return Fixtures.mapEntries(AS_OF, all);
    }

    @Test
    void aSizeFocusedOnAMetastasisIsThatLesionsInMillimetres() {
        ClinicalRecord r = map(size("s1", "\"focus\": [{\"reference\": \"urn:uuid:met\"}], " + quantity(2.4, "cm")));
        assertThat(r.lesionMeasurements()).singleElement().satisfies(m -> {
            assertThat(m.lesionKey()).isEqualTo("Condition/met");
            assertThat(m.longestMm()).isEqualTo(24.0);
            assertThat(m.date()).isEqualTo(LocalDate.of(2025, 3, 1));
        });
    }

    @Test
    void withoutAFocusTheBodySiteNamesTheLesion() {
        ClinicalRecord r = map(size("s1", "\"bodySite\": {\"coding\": [{\"system\": \"" + SCT + "\", \"code\": \"10200004\"}]}, " + quantity(18, "mm")));
        assertThat(r.lesionMeasurements()).extracting(LesionMeasurement::site).containsExactly("liver");
    }

    @Test
    void theSizeOfThePrimaryOrOfABreastSiteIsNotADistantLesion() {
        ClinicalRecord r = map(size("s1", "\"focus\": [{\"reference\": \"urn:uuid:prim\"}], " + quantity(30, "mm")),
                size("s2", "\"bodySite\": {\"coding\": [{\"system\": \"" + SCT + "\", \"code\": \"80248007\"}]}, " + quantity(30, "mm")),
                size("s3", quantity(30, "mm")));
        assertThat(r.lesionMeasurements()).isEmpty();
    }

    @Test
    void aUnitOtherThanAMetricLengthIsLeftOutWithANote() {
        ClinicalRecord r = map(size("s1", "\"focus\": [{\"reference\": \"urn:uuid:met\"}], " + quantity(1, "[in_i]")));
        assertThat(r.lesionMeasurements()).isEmpty();
        assertThat(r.notes()).extracting(MappingNote::text).anyMatch(t -> t.contains("unit other than mm or cm"));
    }

    @Test
    void theLongestDimensionComponentWinsOverTheOthers() {
        String components = "\"component\": ["
                + "{\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"33729-5\"}]}, " + quantity(35, "mm") + "},"
                + "{\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"33728-7\"}]}, " + quantity(3.0, "cm") + "}]";
        ClinicalRecord r = map(size("s1", "\"focus\": [{\"reference\": \"urn:uuid:met\"}], " + components));
        assertThat(r.lesionMeasurements()).extracting(LesionMeasurement::longestMm).containsExactly(30.0);
    }

    @Test
    void aRegionalNodeGroupIsKeptWithItsSideForTheDefinitionsAndDistantNodesAreADistantSite() {
        String rightAxilla = "\"bodySite\": {\"extension\": [{\"url\": \"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier\", "
                + "\"valueCodeableConcept\": {\"coding\": [{\"system\": \"" + SCT + "\", \"code\": \"24028007\"}]}}], "
                + "\"coding\": [{\"system\": \"" + SCT + "\", \"code\": \"68171009\"}]}, ";
        String cervical = "\"bodySite\": {\"coding\": [{\"system\": \"" + SCT + "\", \"code\": \"81105003\"}]}, ";
        ClinicalRecord r = map(size("s1", rightAxilla + quantity(20, "mm")), size("s2", cervical + quantity(15, "mm")));
        assertThat(r.lesionMeasurements()).satisfiesExactlyInAnyOrder(
                m -> {
                    assertThat(m.sourceId()).isEqualTo("Observation/s1");
                    assertThat(m.regionalNode()).isTrue();
                    assertThat(m.side()).isEqualTo(org.primum.facts.Laterality.RIGHT);
                },
                m -> {
                    assertThat(m.sourceId()).isEqualTo("Observation/s2");
                    assertThat(m.regionalNode()).isFalse();
                    assertThat(m.site()).isEqualTo("distant-lymph-nodes");
                });
    }
}

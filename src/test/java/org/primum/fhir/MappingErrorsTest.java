package org.primum.fhir;

import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.primum.facts.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mapping bug is an error, not a note: only bad data becomes "unreadable resource". And the valid
 * FHIR shapes that used to reach that note only through a bug (a NullPointerException on a primitive
 * without value, HAPI's IllegalArgumentException on a repeated extension) are read.
 */
class MappingErrorsTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final String SCT = "http://snomed.info/sct", LNC = "http://loinc.org";
    private static final String ABSENT = "{\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/data-absent-reason\", \"valueCode\": \"unknown\"}]}";
    private static final String LESIONS = "http://primum.org/fhir/StructureDefinition/metastatic-lesion-count";

    private static String cc(String system, String code) {
        return "{\"coding\": [{\"system\": \"" + system + "\", \"code\": \"" + code + "\"}]}";
    }

    private static String entry(String type, String id, String body) {
        return "{\"fullUrl\": \"urn:uuid:" + id + "\", \"resource\": {\"resourceType\": \"" + type + "\", \"id\": \"" + id + "\", "
                + "\"subject\": {\"reference\": \"Patient/p1\"}, " + body + "}}";
    }

    private static ClinicalRecord map(String patientExtra, String... entries) {
        List<String> all = new ArrayList<>();
        all.add("{\"fullUrl\": \"urn:uuid:p1\", \"resource\": {\"resourceType\": \"Patient\", \"id\": \"p1\", \"birthDate\": \"1970-01-01\""
                + patientExtra + "}}");
        all.addAll(List.of(entries));
        return Fixtures.mapEntries(AS_OF, all);
    }

    private static List<String> topics(ClinicalRecord r) {
        return r.notes().stream().map(MappingNote::topic).toList();
    }

    /** An Observation of a staging code whose reading fails the way a reader's bug, or bad data inside HAPI, would. */
    private static Observation failingWhenRead(Supplier<RuntimeException> failure) {
        Observation o = new Observation() {
            @Override
            public Type getValue() {
                throw failure.get();
            }
        };
        o.setId("o1");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference("Patient/p1"));
        o.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(LNC, "21907-1", null)));
        return o;
    }

    private static ClinicalRecord mapLoose(Resource... resources) {
        Patient p = new Patient();
        p.setId("p1");
        List<Resource> all = new ArrayList<>(List.of(p));
        all.addAll(List.of(resources));
        return Fixtures.MAPPER.map(all, "p1", AS_OF);
    }

    // ---------------------------------------------------------------- bugs propagate

    @ParameterizedTest
    @ValueSource(strings = {"NullPointerException", "ClassCastException", "IllegalStateException", "IndexOutOfBoundsException"})
    void aBugWhileReadingAResourcePropagatesOutOfTheMapper(String kind) {
        Supplier<RuntimeException> bug = switch (kind) {
            case "NullPointerException" -> NullPointerException::new;
            case "ClassCastException" -> ClassCastException::new;
            case "IllegalStateException" -> IllegalStateException::new;
            default -> IndexOutOfBoundsException::new;
        };
        assertThatThrownBy(() -> mapLoose(failingWhenRead(bug))).isInstanceOf(bug.get().getClass());
    }

    // ---------------------------------------------------------------- bad data is still a note

    @Test
    void aValueHapiCannotReadIsStillANoteAndCostsThatResourceOnly() {
        ClinicalRecord r = mapLoose(failingWhenRead(() -> new FHIRException("Type mismatch")));
        assertThat(r.staging()).isEmpty();
        assertThat(r.notes()).singleElement().satisfies(n -> {
            assertThat(n.topic()).isEqualTo("unreadable resource");
            assertThat(n.text()).isEqualTo("A Observation could not be read (FHIRException) and was left out.");
            assertThat(n.sourceIds()).containsExactly("Observation/o1");
        });
    }

    @Test
    void twoDifferentLesionCountsOnOneMetastasisAreUnreadable() {
        String twice = "\"extension\": [{\"url\": \"" + LESIONS + "\", \"valueInteger\": 2}, {\"url\": \"" + LESIONS + "\", \"valueInteger\": %d}]";
        ClinicalRecord r = map("", entry("Condition", "bone", "\"code\": " + cc(SCT, "94222008") + ", " + twice.formatted(5)),
                entry("Condition", "liver", "\"code\": " + cc(SCT, "94381002") + ", " + twice.formatted(2)));
        assertThat(r.metastases()).extracting(Metastasis::sourceId, Metastasis::lesionCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Condition/liver", 2));
        assertThat(r.notes()).filteredOn(n -> n.topic().equals("unreadable resource")).singleElement()
                .satisfies(n -> assertThat(n.sourceIds()).containsExactly("Condition/bone"));
    }

    // ---------------------------------------------------------------- valid shapes once swallowed by a bug are read

    @Test
    void primitivesWithoutValueAreReadAsNotRecorded() {
        ClinicalRecord r = map(", \"_gender\": " + ABSENT,
                entry("Condition", "prim", "\"code\": " + cc(SCT, "254837009")),
                entry("Observation", "m", "\"status\": \"final\", \"code\": " + cc(LNC, "21907-1") + ", \"_valueString\": " + ABSENT),
                entry("Observation", "sym", "\"status\": \"final\", \"code\": {\"text\": \"Fungating breast mass\"}, \"_valueBoolean\": " + ABSENT),
                entry("MedicationRequest", "mr", "\"status\": \"active\", \"intent\": \"order\", \"_doNotPerform\": " + ABSENT
                        + ", \"medicationCodeableConcept\": " + cc("http://www.nlm.nih.gov/research/umls/rxnorm", "198240")
                        + ", \"authoredOn\": \"2025-01-15\""));
        assertThat(r.patient().sex()).isNull();
        assertThat(r.patient().ageYears()).isEqualTo(55);
        assertThat(r.primaries()).hasSize(1);
        assertThat(r.staging()).isEmpty();
        assertThat(r.symptoms()).isEmpty();
        assertThat(r.therapies()).extracting(SystemicTherapy::drug).containsExactly("tamoxifen");
        assertThat(topics(r)).doesNotContain("unreadable resource");
    }

    @Test
    void aSecondaryRelatedToAContainedPrimaryOfAnotherCancerIsNotABreastMetastasis() {
        String related = "\"contained\": [{\"resourceType\": \"Condition\", \"id\": \"lung\", \"subject\": {\"reference\": \"Patient/p1\"}, "
                + "\"code\": {\"coding\": [{\"system\": \"" + SCT + "\", \"code\": \"254637007\", \"display\": \"Non-small cell lung cancer\"}]}}], "
                + "\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/condition-related\", \"valueReference\": {\"reference\": \"#lung\"}}], ";
        ClinicalRecord r = map("", entry("Condition", "prim", "\"code\": " + cc(SCT, "254837009")),
                entry("Condition", "brain", related + "\"code\": " + cc(SCT, "94225005")));
        assertThat(r.metastases()).isEmpty();
        assertThat(r.notes()).filteredOn(n -> n.topic().equals("other cancer")).singleElement()
                .satisfies(n -> assertThat(n.sourceIds()).containsExactly("Condition/brain"));
        assertThat(topics(r)).doesNotContain("unreadable resource");
    }

    @Test
    void theSameLesionCountTwiceIsRead() {
        String twice = "\"extension\": [{\"url\": \"" + LESIONS + "\", \"valueInteger\": 2}, {\"url\": \"" + LESIONS + "\", \"valueInteger\": 2}]";
        ClinicalRecord r = map("", entry("Condition", "bone", "\"code\": " + cc(SCT, "94222008") + ", " + twice));
        assertThat(r.metastases()).extracting(Metastasis::lesionCount).containsExactly(2);
        assertThat(topics(r)).doesNotContain("unreadable resource");
    }
}

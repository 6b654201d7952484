package org.primum.fhir;

import org.junit.jupiter.api.Test;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.Laterality;
import org.primum.facts.MappingNote;
import org.primum.facts.Metastasis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mCODE's histology-morphology-behavior extension on a Condition whose code names only a site (a body structure,
 * an ICD-O-3 topography, "malignant neoplasm of liver"): behaviour 6 makes it a metastasis there, behaviour 3 at a
 * breast site the primary, behaviour 9 neither (a note).
 */
class HistologyMappingTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final String SCT = "http://snomed.info/sct";
    private static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    private static final String PATIENT = """
            {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female"}}""";

    private static String condition(String id, String codeSystem, String code, String histologySystem, String histology, String extra) {
        String ext = histology == null ? "" : "\"extension\": [{\"url\": \"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior\", "
                + "\"valueCodeableConcept\": {\"coding\": [{\"system\": \"" + histologySystem + "\", \"code\": \"" + histology + "\"}]}}], ";
        return "{\"fullUrl\": \"urn:uuid:" + id + "\", \"resource\": {\"resourceType\": \"Condition\", \"id\": \"" + id + "\", " + ext
                + "\"subject\": {\"reference\": \"urn:uuid:p1\"}, \"onsetDateTime\": \"2025-01-05\", " + extra
                + "\"code\": {\"coding\": [{\"system\": \"" + codeSystem + "\", \"code\": \"" + code + "\"}]}}}";
    }

    private static ClinicalRecord map(String... entries) {
        List<String> all = new ArrayList<>(List.of(PATIENT));
        all.addAll(List.of(entries));
        return Fixtures.mapEntries(AS_OF, all);
    }

    @Test
    void aSiteCodeWithAMetastaticHistologyIsAMetastasisAtThatSite() {
        ClinicalRecord r = map(
                condition("liver-structure", SCT, "10200004", ICDO3, "8500/6", ""),           // body structure as the code
                condition("lung-topography", ICDO3, "C34.1", SCT, "128462008", ""),            // ICD-O-3 topography as the code
                condition("liver-unqualified", SCT, "93870000", ICDO3, "8140/6", ""),          // "Malignant neoplasm of liver"
                condition("liver-icd", "http://hl7.org/fhir/sid/icd-10-cm", "C22.9", ICDO3, "8500/6", ""));
        assertThat(r.metastases()).extracting(Metastasis::sourceId, Metastasis::site).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Condition/liver-structure", "liver"),
                org.assertj.core.groups.Tuple.tuple("Condition/lung-topography", "lung"),
                org.assertj.core.groups.Tuple.tuple("Condition/liver-unqualified", "liver"),
                org.assertj.core.groups.Tuple.tuple("Condition/liver-icd", "liver"));
        assertThat(r.primaries()).isEmpty();
    }

    @Test
    void aBreastSiteWithAPrimaryMalignantHistologyIsThePrimary() {
        ClinicalRecord r = map(condition("breast", ICDO3, "C50.4", ICDO3, "8500/3", ""),
                condition("left-breast", SCT, "80248007", ICDO3, "8520/3", ""));
        assertThat(r.primaries()).extracting(p -> p.sourceId()).containsExactlyInAnyOrder("Condition/breast", "Condition/left-breast");
        assertThat(r.primaries()).filteredOn(p -> p.sourceId().equals("Condition/left-breast"))
                .singleElement().satisfies(p -> assertThat(p.laterality()).isEqualTo(Laterality.LEFT));
        assertThat(r.metastases()).isEmpty();
    }

    @Test
    void behaviourNineIsNeitherPrimaryNorMetastasisAndSaysSo() {
        ClinicalRecord r = map(condition("liver-9", SCT, "10200004", ICDO3, "8140/9", ""),
                condition("breast-9", ICDO3, "C50.9", ICDO3, "8500/9", ""));
        assertThat(r.metastases()).isEmpty();
        assertThat(r.primaries()).isEmpty();
        List<MappingNote> notes = r.notes().stream().filter(n -> n.topic().equals("histology")).toList();
        assertThat(notes).isNotEmpty().allMatch(n -> n.text().contains("could not be classified"));
        assertThat(notes.stream().flatMap(n -> n.sourceIds().stream()))
                .containsExactlyInAnyOrder("Condition/liver-9", "Condition/breast-9");
    }

    @Test
    void withoutTheHistologyASiteOrUnqualifiedCodeDecidesNothing() {
        ClinicalRecord r = map(condition("liver-unqualified", SCT, "93870000", null, null, ""),
                condition("lung-primary", ICDO3, "C34.1", ICDO3, "8140/3", ""));   // a primary of another organ
        assertThat(r.metastases()).isEmpty();
        assertThat(r.primaries()).isEmpty();
    }
}

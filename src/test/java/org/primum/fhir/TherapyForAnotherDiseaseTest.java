package org.primum.fhir;

import org.junit.jupiter.api.Test;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.MappingNote;
import org.primum.facts.SystemicTherapy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A systemic therapy whose reasons all name another disease is not therapy for this breast cancer, whatever its date
 * (catalogue "weeks on systemic therapy"). Found in SMART's sample Bulk Data export (fixtures/bulk-real): cisplatin and
 * paclitaxel for a lung cancer, the last course twelve days before the breast cancer was diagnosed, inside the 30-day
 * margin, started the breast cancer's therapy clock. Written as Synthea writes them (SNOMED Conditions, RxNorm
 * requests with reasonReference).
 */
class TherapyForAnotherDiseaseTest {
    private static final LocalDate AS_OF = LocalDate.of(1989, 4, 30);
    private static final String PATIENT = """
            {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female"}}""";
    private static final String BREAST = condition("breast", "254837009", "1989-04-10");
    private static final String LUNG = condition("lung", "424132000", "1984-11-01");

    private static String condition(String id, String code, String onset) {
        return "{\"fullUrl\": \"urn:uuid:" + id + "\", \"resource\": {\"resourceType\": \"Condition\", \"id\": \"" + id + "\", "
                + "\"subject\": {\"reference\": \"urn:uuid:p1\"}, \"onsetDateTime\": \"" + onset + "\", "
                + "\"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"" + code + "\"}]}}}";
    }

    private static String reasons(String... refs) {
        if (refs.length == 0) return "";
        List<String> r = new ArrayList<>();
        for (String ref : refs) r.add("{\"reference\": \"" + ref + "\"}");
        return "\"reasonReference\": [" + String.join(", ", r) + "], ";
    }

    /** Cisplatin 50 MG injection (RxNorm 1736854) ordered on 1989-03-29, twelve days before the breast diagnosis. */
    private static String request(String id, String... reasons) {
        return "{\"fullUrl\": \"urn:uuid:" + id + "\", \"resource\": {\"resourceType\": \"MedicationRequest\", \"id\": \"" + id + "\", "
                + "\"status\": \"stopped\", \"intent\": \"order\", \"subject\": {\"reference\": \"urn:uuid:p1\"}, " + reasons(reasons)
                + "\"authoredOn\": \"1989-03-29T06:18:07-05:00\", \"medicationCodeableConcept\": {\"coding\": [{\"system\": "
                + "\"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"1736854\"}]}}}";
    }

    private static String statement(String id, String... reasons) {
        return "{\"fullUrl\": \"urn:uuid:" + id + "\", \"resource\": {\"resourceType\": \"MedicationStatement\", \"id\": \"" + id + "\", "
                + "\"status\": \"completed\", \"subject\": {\"reference\": \"urn:uuid:p1\"}, " + reasons(reasons)
                + "\"effectiveDateTime\": \"1989-03-29\", \"medicationCodeableConcept\": {\"coding\": [{\"system\": "
                + "\"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"1736854\"}]}}}";
    }

    private static String administration(String id, String... reasons) {
        return "{\"fullUrl\": \"urn:uuid:" + id + "\", \"resource\": {\"resourceType\": \"MedicationAdministration\", \"id\": \"" + id + "\", "
                + "\"status\": \"completed\", \"subject\": {\"reference\": \"urn:uuid:p1\"}, " + reasons(reasons)
                + "\"effectiveDateTime\": \"1989-03-29\", \"medicationCodeableConcept\": {\"coding\": [{\"system\": "
                + "\"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"1736854\"}]}}}";
    }

    private static ClinicalRecord map(String... entries) {
        List<String> all = new ArrayList<>(List.of(PATIENT, BREAST, LUNG));
        all.addAll(List.of(entries));
        return Fixtures.mapEntries(AS_OF, all);
    }

    @Test
    void aTherapyGivenForAnotherCancerIsLeftOutWithANote() {
        ClinicalRecord r = map(request("rx-lung", "urn:uuid:lung"), statement("st-lung", "urn:uuid:lung"),
                administration("adm-lung", "urn:uuid:lung"));
        assertThat(r.therapies()).isEmpty();
        List<MappingNote> notes = r.notes().stream().filter(n -> n.text().contains("another disease")).toList();
        assertThat(notes).singleElement().satisfies(n -> assertThat(n.sourceIds())
                .containsExactlyInAnyOrder("MedicationRequest/rx-lung", "MedicationStatement/st-lung", "MedicationAdministration/adm-lung"));
    }

    @Test
    void aTherapyForThisCancerOrWithoutAReasonThatSaysOtherwiseIsKept() {
        ClinicalRecord r = map(request("rx-breast", "urn:uuid:breast"),      // this cancer
                request("rx-none"),                                          // no reason: the date decides
                request("rx-both", "urn:uuid:lung", "urn:uuid:breast"),      // one reason is this cancer
                request("rx-unresolved", "Condition/not-in-the-export"));   // the reason cannot be told
        assertThat(r.therapies()).extracting(SystemicTherapy::sourceId).containsExactlyInAnyOrder(
                "MedicationRequest/rx-breast", "MedicationRequest/rx-none", "MedicationRequest/rx-both",
                "MedicationRequest/rx-unresolved");
        assertThat(r.notes()).noneMatch(n -> n.text().contains("another disease"));
    }
}

package org.primum.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.primum.definitions.ClinicalInterpreter;
import org.primum.engine.Evaluation;
import org.primum.engine.Evaluator;
import org.primum.engine.KnowledgeBase;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.MappingNote;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, class 8: a primary coded SNOMED 372137005 (the code of mCODE and CDS examples) is the
 * primary breast cancer, so a metastatic patient gets guidance; and a Condition that claims the mCODE
 * primary cancer profile with a code not recognised is said so in the answer, not only listed as an
 * unrecognised code.
 */
class PrimaryCancerProfileTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 2, 1);
    private static final String PROFILE = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition";

    private static Bundle bundle(String primaryCode, String primaryDisplay) {
        String json = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                 {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1970-06-02"}},
                 {"fullUrl": "urn:uuid:prim", "resource": {"resourceType": "Condition", "id": "prim", "meta": {"profile": ["%s"]},
                   "subject": {"reference": "urn:uuid:p1"}, "onsetDateTime": "2025-01-02",
                   "code": {"coding": [{"system": "http://snomed.info/sct", "code": "%s", "display": "%s"}]}}},
                 {"fullUrl": "urn:uuid:bone", "resource": {"resourceType": "Condition", "id": "bone", "subject": {"reference": "urn:uuid:p1"},
                   "onsetDateTime": "2025-01-10", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "94222008"}]}}}]}
                """.formatted(PROFILE, primaryCode, primaryDisplay);
        return Fixtures.parser().parseResource(Bundle.class, json);
    }

    @Test
    void aPrimaryCoded372137005IsTheBreastPrimaryAndTheMetastaticPatientGetsGuidance() {
        KnowledgeBase kb = KnowledgeBase.load(Path.of("rules"));
        ClinicalRecord record = Fixtures.MAPPER.map(bundle("372137005", "Primary malignant neoplasm of breast"), AS_OF);
        Evaluation evaluation = new Evaluator(kb).evaluate(new ClinicalInterpreter(kb.thresholds()).interpret(record, AS_OF));

        assertThat(record.primaries()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("372137005"));
        assertThat(record.notes()).noneMatch(n -> n.topic().equals("primary cancer not recognised"));
        assertThat(evaluation.codes()).contains("SYSTEMIC_THERAPY_FIRST", "DEFER_LRT_UNTIL_RESPONSE");
    }

    @Test
    void aPrimaryCancerProfileWithAnUnrecognisedCodeIsReportedAsSuch() {
        // 1259728006 Primary malignant phyllodes tumor of breast: deliberately not a breast-cancer code
        ClinicalRecord r = Fixtures.MAPPER.map(bundle("1259728006", "Primary malignant phyllodes tumor of breast"), AS_OF);

        assertThat(r.primaries()).isEmpty();
        assertThat(r.notes()).filteredOn(n -> n.topic().equals("primary cancer not recognised")).singleElement().satisfies((MappingNote n) -> {
            assertThat(n.sourceIds()).containsExactly("Condition/prim");
            assertThat(n.text()).contains(PROFILE).contains("http://snomed.info/sct 1259728006");
        });
        assertThat(r.unrecognised()).anyMatch(u -> "1259728006".equals(u.code()));
    }

    @Test
    void withoutTheProfileAnUnrecognisedCodeIsOnlyListedAsUnrecognised() {
        String json = Fixtures.parser().encodeResourceToString(bundle("1259728006", "Primary malignant phyllodes tumor of breast")).replace(PROFILE, "http://example.org/other");
        ClinicalRecord r = Fixtures.MAPPER.map(Fixtures.parser().parseResource(Bundle.class, json), AS_OF);

        assertThat(r.notes()).noneMatch(n -> n.topic().equals("primary cancer not recognised"));
        assertThat(r.unrecognised()).anyMatch(u -> "1259728006".equals(u.code()));
    }
}

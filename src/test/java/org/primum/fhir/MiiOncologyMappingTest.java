package org.primum.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.DiseaseFocus;
import org.primum.facts.DiseaseStatus;
import org.primum.facts.Laterality;
import org.primum.facts.MappingNote;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ProcedureKind;
import org.primum.facts.Response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the mapping reads from the German MII oncology records of the "others" cases (Verlauf, Tod, Tumorkonferenz,
 * Strahlentherapie), fact by fact: the answers those cases give are in OtherProducersRecordsTest and
 * OtherProducersAuditTest; here, which fact carries what.
 */
class MiiOncologyMappingTest {
    private static final Path OTHERS = Path.of("src/test/resources/fixtures/others"), AUDIT = Path.of("src/test/resources/fixtures/others-audit");
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    private static Bundle bundle(Path dir, String name) throws Exception {
        return Fixtures.parser().parseResource(Bundle.class, Files.readString(dir.resolve(name + ".json")));
    }

    private static ClinicalRecord map(Bundle b) {
        return Fixtures.MAPPER.map(b, AS_OF);
    }

    private static List<DiseaseStatus> statuses(ClinicalRecord r) {
        return r.diseaseStatuses();
    }

    @Test
    void eachComponentIsAStatusOfItsPartOnlyAndTheOverallValueIsNotReadBesideADistantOne() throws Exception {
        // overall T, primary P, distant K
        ClinicalRecord r = map(bundle(OTHERS, "111-mii-verlauf-distant-k-primary-progress"));
        assertThat(statuses(r)).extracting(DiseaseStatus::focus, DiseaseStatus::response, DiseaseStatus::primaryFocus, DiseaseStatus::date)
                .containsExactlyInAnyOrder(
                        tuple(DiseaseFocus.PRIMARY, Response.PROGRESSING, true, LocalDate.of(2024, 6, 20)),
                        tuple(DiseaseFocus.DISTANT, Response.NO_EVIDENCE_OF_DISEASE, false, LocalDate.of(2024, 6, 20)));
    }

    @Test
    void withoutComponentsTheOverallValueIsAStatusOfTheWholeDiseaseThoughItsFocusIsThePrimary() throws Exception {
        ClinicalRecord r = map(bundle(OTHERS, "112-mii-verlauf-divergent"));
        assertThat(statuses(r)).extracting(DiseaseStatus::focus, DiseaseStatus::response)
                .containsExactly(tuple(DiseaseFocus.WHOLE, Response.PROGRESSING));
    }

    @Test
    void besideLocoregionalComponentsOnlyTheOverallValueSpeaksOfTheDistantDisease() throws Exception {
        Bundle b = bundle(OTHERS, "110-mii-verlauf-no-change-after-window");
        Observation verlauf = (Observation) b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(x -> x.getIdElement().getIdPart().equals("verlauf-1")).findFirst().orElseThrow();
        // keep the primary's component (N), drop the distant one: the overall K is then the distant disease's
        verlauf.getComponent().removeIf(c -> c.getCode().getCodingFirstRep().getCode().equals("399608002"));
        assertThat(statuses(map(b))).extracting(DiseaseStatus::focus, DiseaseStatus::response, DiseaseStatus::primaryFocus)
                .containsExactlyInAnyOrder(
                        tuple(DiseaseFocus.PRIMARY, Response.STABLE, true),
                        tuple(DiseaseFocus.DISTANT, Response.STABLE, false));
    }

    @Test
    void unknownMissingAndQuestionableAreUndetermined() throws Exception {
        ClinicalRecord r = map(bundle(OTHERS, "113-mii-verlauf-unknown-after-progression"));
        assertThat(statuses(r)).filteredOn(s -> s.date().equals(LocalDate.of(2024, 6, 20)))
                .extracting(DiseaseStatus::response).containsOnly(Response.UNDETERMINED).isNotEmpty();
    }

    @Test
    void aDeathObservationMakesThePatientDeceasedOnItsDateWithANote() throws Exception {
        ClinicalRecord r = map(bundle(OTHERS, "116-mii-tod-dated"));
        assertThat(r.patient().deceased()).isTrue();
        assertThat(r.patient().deceasedOn()).isEqualTo(LocalDate.of(2024, 5, 10));
        assertThat(r.patient().sourceId()).isEqualTo("Patient/pat-1");
        assertThat(r.notes()).extracting(MappingNote::topic, MappingNote::sourceIds).contains(tuple("death", List.of("Observation/tod-1")));
    }

    @Test
    void anUndatedCauseOfDeathIsADeathWithoutDate() throws Exception {
        ClinicalRecord r = map(bundle(OTHERS, "117-loinc-cause-of-death-undated"));
        assertThat(r.patient().deceased()).isTrue();
        assertThat(r.patient().deceasedOn()).isNull();
    }

    @Test
    void aTumourBoardCarePlanIsAReviewOnItsCreatedDateUnlessRevoked() throws Exception {
        assertThat(map(bundle(AUDIT, "60-mii-tumorkonferenz-careplan")).procedures())
                .filteredOn(p -> p.kind() == ProcedureKind.TUMOUR_BOARD_REVIEW)
                .extracting(ProcedureDone::sourceId, ProcedureDone::date, ProcedureDone::code)
                .containsExactly(tuple("CarePlan/board", LocalDate.of(2024, 5, 20), "praeth"));
        assertThat(map(bundle(AUDIT, "61-mii-tumorkonferenz-careplan-revoked")).procedures())
                .noneMatch(p -> p.kind() == ProcedureKind.TUMOUR_BOARD_REVIEW);
        assertThat(ResourceTypes.isMapped("CarePlan")).as("the audit routes CarePlans to the mapping").isTrue();
    }

    @Test
    void theZielgebietIsTheRadiotherapysTargetAndItsSideTheSide() throws Exception {
        assertThat(map(bundle(AUDIT, "62-mii-radiotherapy-of-the-breast-zielgebiet")).procedures())
                .filteredOn(p -> p.sourceId().equals("Procedure/rt-breast"))
                .extracting(ProcedureDone::kind, ProcedureDone::laterality)
                .containsExactly(tuple(ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, Laterality.LEFT));
    }

    @Test
    void stereotacticOrCurativeRadiotherapyOfAMetastasisAblatesItAPalliativeOneDoesNot() throws Exception {
        for (String name : List.of("118-mii-stereotactic-rt-of-the-femur-lesion", "118c-mii-conventional-rt-of-the-femur-curative")) {
            assertThat(map(bundle(OTHERS, name)).procedures()).as(name).extracting(ProcedureDone::kind, ProcedureDone::site)
                    .containsExactly(tuple(ProcedureKind.METASTASIS_ABLATION, "bone"));
        }
        assertThat(map(bundle(OTHERS, "118b-mii-stereotactic-rt-of-the-femur-palliative")).procedures())
                .extracting(ProcedureDone::kind).containsExactly(ProcedureKind.METASTASIS_RADIOTHERAPY);
    }

    @Test
    void ops5873IsAMastectomyAndAnAxillaryDissection() throws Exception {
        assertThat(map(bundle(OTHERS, "119-mii-ops-5-873-mastectomy-with-axillary-dissection")).procedures())
                .extracting(ProcedureDone::kind, ProcedureDone::laterality)
                .containsExactlyInAnyOrder(tuple(ProcedureKind.MASTECTOMY, Laterality.RIGHT), tuple(ProcedureKind.AXILLARY_DISSECTION, Laterality.RIGHT));
    }
}

package org.primum.definitions;

import org.junit.jupiter.api.Test;
import org.primum.engine.ThresholdsFile;
import org.primum.facts.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's definitions ("Terms used below"), one behaviour per test. */
class ClinicalInterpreterTest {

    private static final LocalDate DX = LocalDate.of(2025, 1, 10);
    private static final Thresholds DEFAULTS = ThresholdsFile.read(Path.of("rules"));
    private final ClinicalInterpreter interpreter = new ClinicalInterpreter(DEFAULTS);

    private static ClinicalRecord.Builder primaryLeft(LocalDate diagnosed) {
        var b = new ClinicalRecord.Builder();
        b.primaries.add(new PrimaryTumour("Condition/primary", "254837009", "Malignant neoplasm of breast", diagnosed,
                diagnosed == null ? DateBasis.UNDATED : DateBasis.RECORDED, Laterality.LEFT));
        return b;
    }

    private static Metastasis met(String id, String site, LocalDate onset) {
        return new Metastasis(id, site, false, null, onset, onset == null ? DateBasis.UNDATED : DateBasis.RECORDED, null);
    }

    private static TnmCategory stage(String id, TnmAxis axis, String category, LocalDate date) {
        return new TnmCategory(id, axis, category, false, date);
    }

    private CaseFacts run(ClinicalRecord.Builder b, LocalDate asOf) {
        return interpreter.interpret(b.build(), asOf);
    }

    private Presentation presentation(ClinicalRecord.Builder b, LocalDate asOf) {
        return run(b, asOf).first(Presentation.class).orElseThrow();
    }

    @Test
    void metastasisWithinTheWindowIsDeNovoAndBeyondItRecurrent() {
        var within = primaryLeft(DX);
        within.metastases.add(met("Condition/bone", "bone", DX.plusDays(90)));
        assertThat(presentation(within, DX.plusDays(200)).scope()).isEqualTo(Scope.DE_NOVO);

        var beyond = primaryLeft(DX);
        beyond.metastases.add(met("Condition/bone", "bone", DX.plusDays(91)));
        Presentation p = presentation(beyond, DX.plusDays(200));
        assertThat(p.scope()).isEqualTo(Scope.RECURRENT);
        assertThat(p.daysPrimaryToMetastasis()).isEqualTo(91);
    }

    @Test
    void theWindowIsConfiguration() {
        var b = primaryLeft(DX);
        b.metastases.add(met("Condition/bone", "bone", DX.plusDays(100)));
        var wide = new ClinicalInterpreter(DEFAULTS.with(Map.of("deNovoWindowDays", 120)));
        assertThat(wide.interpret(b.build(), DX.plusDays(200)).first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.DE_NOVO);
    }

    @Test
    void noPrimaryOrNoDistantDiseaseIsOutOfScope() {
        var noPrimary = new ClinicalRecord.Builder();
        noPrimary.metastases.add(met("Condition/brain", "brain", DX));
        assertThat(presentation(noPrimary, DX).scope()).isEqualTo(Scope.NO_BREAST_PRIMARY);

        var m0 = primaryLeft(DX);
        m0.staging.add(stage("Observation/m", TnmAxis.M, "M0", DX));
        assertThat(presentation(m0, DX).scope()).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void m1StagingAloneIsDistantDiseaseWithUnknownSite() {
        var b = primaryLeft(DX);
        b.staging.add(stage("Observation/m", TnmAxis.M, "M1", DX));
        CaseFacts facts = run(b, DX.plusDays(10));
        assertThat(facts.first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.DE_NOVO);
        MetastaticPattern pattern = facts.first(MetastaticPattern.class).orElseThrow();
        assertThat(pattern.siteUnknown()).isTrue();
        assertThat(pattern.boneOnly()).isFalse();
        assertThat(pattern.sourceIds()).containsExactly("Observation/m");
    }

    @Test
    void undatedMetastasisTakesTheDateOfTheFirstDistantStaging() {
        var b = primaryLeft(DX);
        b.metastases.add(met("Condition/bone", "bone", null));
        b.staging.add(stage("Observation/stage", TnmAxis.STAGE_GROUP, "IV", DX.plusDays(120)));
        CaseFacts facts = run(b, DX.plusDays(200));
        assertThat(facts.first(Metastasis.class).orElseThrow().onset()).isEqualTo(DX.plusDays(120));
        assertThat(facts.first(Metastasis.class).orElseThrow().dateBasis()).isEqualTo(DateBasis.INFERRED);
        assertThat(facts.first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.RECURRENT);
    }

    @Test
    void undatedMetastasisWithoutStagingIsTakenAsDeNovoAndTheAnswerSaysSo() {
        var b = primaryLeft(DX);
        b.metastases.add(met("Condition/bone", "bone", null));
        CaseFacts facts = run(b, DX.plusDays(30));
        Presentation p = facts.first(Presentation.class).orElseThrow();
        assertThat(p.scope()).isEqualTo(Scope.DE_NOVO);
        assertThat(p.assumedDeNovo()).isTrue();
        assertThat(facts.notes()).anySatisfy(n -> assertThat(n.topic()).isEqualTo("de novo"));
    }

    @Test
    void m0AtFirstStagingThenM1BeyondTheWindowIsRecurrentWhenTheMetastasisIsUndated() {
        var b = primaryLeft(null);
        b.metastases.add(met("Condition/liver", "liver", null));
        b.staging.add(stage("Observation/m0", TnmAxis.M, "M0", DX));
        b.staging.add(stage("Observation/m1", TnmAxis.M, "M1", DX.plusDays(120)));
        assertThat(presentation(b, DX.plusDays(150)).scope()).isEqualTo(Scope.RECURRENT);
    }

    @Test
    void m0ThenM1WithinTheWindowCompletesTheInitialStaging() {
        var b = primaryLeft(null);
        b.metastases.add(met("Condition/liver", "liver", null));
        b.staging.add(stage("Observation/m0", TnmAxis.M, "M0", DX));
        b.staging.add(stage("Observation/m1", TnmAxis.M, "M1", DX.plusDays(30)));
        assertThat(presentation(b, DX.plusDays(60)).scope()).isEqualTo(Scope.DE_NOVO);
    }

    @Test
    void undatedPrimaryTakesItsEarliestRelatedRecord() {
        var b = primaryLeft(null);
        b.receptors.add(new ReceptorStatus("Observation/er", Receptor.ER, ReceptorValue.POSITIVE, DX.minusDays(5)));
        b.metastases.add(met("Condition/bone", "bone", DX));
        CaseFacts facts = run(b, DX.plusDays(10));
        PrimaryTumour primary = facts.first(PrimaryTumour.class).orElseThrow();
        assertThat(primary.diagnosed()).isEqualTo(DX.minusDays(5));
        assertThat(primary.dateBasis()).isEqualTo(DateBasis.INFERRED);
        assertThat(facts.first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.DE_NOVO);
    }

    @Test
    void resectionBeforeTheMetastasisIsOutOfScopeAndAfterItTheCaseIsDeNovoButNotIntact() {
        var before = primaryLeft(DX);
        before.procedures.add(new ProcedureDone("Procedure/bcs", ProcedureKind.BREAST_CONSERVING_SURGERY, "64368001", Laterality.LEFT, false, DX.plusDays(20)));
        before.metastases.add(met("Condition/bone", "bone", DX.plusDays(60)));
        assertThat(presentation(before, DX.plusDays(100)).scope()).isEqualTo(Scope.RESECTED_BEFORE_METASTASIS);

        var after = primaryLeft(DX);
        after.metastases.add(met("Condition/bone", "bone", DX.plusDays(5)));
        after.procedures.add(new ProcedureDone("Procedure/mx", ProcedureKind.MASTECTOMY, "69031006", null, false, DX.plusDays(200)));
        Presentation p = presentation(after, DX.plusDays(300));
        assertThat(p.scope()).isEqualTo(Scope.DE_NOVO);
        assertThat(p.primaryIntact()).isFalse();
        assertThat(p.primaryResectedOn()).isEqualTo(DX.plusDays(200));
        // the same record asked before the operation: still intact
        assertThat(presentation(after, DX.plusDays(100)).primaryIntact()).isTrue();
    }

    @Test
    void aContralateralMastectomyDoesNotResectThePrimary() {
        var b = primaryLeft(DX);
        b.metastases.add(met("Condition/bone", "bone", DX));
        b.procedures.add(new ProcedureDone("Procedure/cpm", ProcedureKind.MASTECTOMY, "429400009", Laterality.RIGHT, false, DX.plusDays(30)));
        assertThat(presentation(b, DX.plusDays(60)).primaryIntact()).isTrue();
    }

    @Test
    void theLatestReceptorResultCountsAndDecidesTheSubtype() {
        var b = primaryLeft(DX);
        b.receptors.add(new ReceptorStatus("Observation/er1", Receptor.ER, ReceptorValue.POSITIVE, DX));
        b.receptors.add(new ReceptorStatus("Observation/er2", Receptor.ER, ReceptorValue.NEGATIVE, DX.plusDays(40)));
        b.receptors.add(new ReceptorStatus("Observation/pr", Receptor.PR, ReceptorValue.NEGATIVE, DX));
        b.receptors.add(new ReceptorStatus("Observation/her2", Receptor.HER2, ReceptorValue.NEGATIVE, DX));
        TumourSubtype later = run(b, DX.plusDays(50)).first(TumourSubtype.class).orElseThrow();
        assertThat(later.subtype()).isEqualTo(Subtype.TRIPLE_NEGATIVE);
        assertThat(later.sourceIds()).contains("Observation/er2").doesNotContain("Observation/er1");
        // before the re-biopsy the first result stands
        assertThat(run(b, DX.plusDays(10)).first(TumourSubtype.class).orElseThrow().subtype()).isEqualTo(Subtype.HR_POSITIVE_HER2_NEGATIVE);
    }

    @Test
    void equivocalHer2LeavesTheSubtypeUnknown() {
        var b = primaryLeft(DX);
        b.receptors.add(new ReceptorStatus("Observation/er", Receptor.ER, ReceptorValue.POSITIVE, DX));
        b.receptors.add(new ReceptorStatus("Observation/pr", Receptor.PR, ReceptorValue.POSITIVE, DX));
        b.receptors.add(new ReceptorStatus("Observation/her2", Receptor.HER2, ReceptorValue.EQUIVOCAL, DX));
        TumourSubtype s = run(b, DX).first(TumourSubtype.class).orElseThrow();
        assertThat(s.subtype()).isEqualTo(Subtype.UNKNOWN);
        assertThat(s.isHrPositive()).isTrue();
        assertThat(s.complete()).isFalse();
    }

    @Test
    void boneOnlyAndLesionCount() {
        var specific = primaryLeft(DX);
        specific.metastases.add(new Metastasis("Condition/t12", "bone", true, "T12 vertebra", DX, DateBasis.RECORDED, null));
        specific.metastases.add(new Metastasis("Condition/femur", "bone", true, "femur", DX, DateBasis.RECORDED, null));
        MetastaticPattern p = run(specific, DX).first(MetastaticPattern.class).orElseThrow();
        assertThat(p.boneOnly()).isTrue();
        assertThat(p.organCount()).isEqualTo(1);
        assertThat(p.lesionCount()).isEqualTo(2);

        var organLevel = primaryLeft(DX);
        organLevel.metastases.add(met("Condition/bone", "bone", DX));
        assertThat(run(organLevel, DX).first(MetastaticPattern.class).orElseThrow().lesionCount()).isNull();

        var counted = primaryLeft(DX);
        counted.metastases.add(new Metastasis("Condition/bone", "bone", false, null, DX, DateBasis.RECORDED, 5));
        assertThat(run(counted, DX).first(MetastaticPattern.class).orElseThrow().lesionCount()).isEqualTo(5);

        var mixed = primaryLeft(DX);
        mixed.metastases.add(met("Condition/bone", "bone", DX));
        mixed.metastases.add(met("Condition/liver", "liver", DX));
        MetastaticPattern m = run(mixed, DX).first(MetastaticPattern.class).orElseThrow();
        assertThat(m.boneOnly()).isFalse();
        assertThat(m.organCount()).isEqualTo(2);

        var withUnspecified = primaryLeft(DX);
        withUnspecified.metastases.add(met("Condition/bone", "bone", DX));
        withUnspecified.metastases.add(met("Condition/other", Metastasis.UNSPECIFIED, DX));
        MetastaticPattern u = run(withUnspecified, DX).first(MetastaticPattern.class).orElseThrow();
        assertThat(u.siteUnknown()).isTrue();
        assertThat(u.boneOnly()).isFalse();
    }

    @Test
    void weeksOnTherapyRunFromTheFirstStartToAsOfAndLaterRecordsAreIgnored() {
        var b = primaryLeft(DX);
        b.metastases.add(met("Condition/bone", "bone", DX));
        b.therapies.add(new SystemicTherapy("MedicationRequest/let", DrugClass.ENDOCRINE, "letrozole", DX.plusDays(14)));
        b.therapies.add(new SystemicTherapy("MedicationRequest/palbo", DrugClass.CDK4_6_INHIBITOR, "palbociclib", DX.plusDays(28)));
        b.therapies.add(new SystemicTherapy("MedicationRequest/future", DrugClass.CHEMOTHERAPY, "paclitaxel", DX.plusDays(400)));
        TherapyExposure e = run(b, DX.plusDays(14 + 112)).first(TherapyExposure.class).orElseThrow();
        assertThat(e.weeks()).isEqualTo(16);
        assertThat(e.classes()).containsExactly(DrugClass.ENDOCRINE, DrugClass.CDK4_6_INHIBITOR);
        assertThat(run(b, DX.plusDays(14 + 111)).first(TherapyExposure.class).orElseThrow().weeks()).isEqualTo(15);
    }

    @Test
    void wholeDiseaseStatusSpeaksForBothSitesAndBaselineAssessmentsAreNotResponses() {
        var b = primaryLeft(DX);
        b.metastases.add(met("Condition/bone", "bone", DX));
        b.therapies.add(new SystemicTherapy("MedicationRequest/let", DrugClass.ENDOCRINE, "letrozole", DX.plusDays(10)));
        b.diseaseStatuses.add(new DiseaseStatus("Observation/baseline", DiseaseFocus.WHOLE, Response.PROGRESSING, DX));
        b.diseaseStatuses.add(new DiseaseStatus("Observation/s1", DiseaseFocus.WHOLE, Response.STABLE, DX.plusDays(120)));
        b.diseaseStatuses.add(new DiseaseStatus("Observation/s2", DiseaseFocus.PRIMARY, Response.RESPONDING, DX.plusDays(130)));
        CaseFacts facts = run(b, DX.plusDays(140));
        List<ResponseAssessment> responses = facts.all(ResponseAssessment.class);
        assertThat(responses).anySatisfy(r -> {
            assertThat(r.focus()).isEqualTo(DiseaseFocus.PRIMARY);
            assertThat(r.response()).isEqualTo(Response.RESPONDING);
        });
        assertThat(responses).anySatisfy(r -> {
            assertThat(r.focus()).isEqualTo(DiseaseFocus.DISTANT);
            assertThat(r.response()).isEqualTo(Response.STABLE);
            assertThat(r.sourceIds()).containsExactly("Observation/s1");
        });
        // before therapy-time assessments exist, nothing is known
        assertThat(run(b, DX.plusDays(20)).all(ResponseAssessment.class)).isEmpty();
    }

    @Test
    void aNewDistantLesionDuringTherapyIsProgression() {
        var b = primaryLeft(DX);
        b.metastases.add(met("Condition/bone", "bone", DX));
        b.therapies.add(new SystemicTherapy("MedicationRequest/let", DrugClass.ENDOCRINE, "letrozole", DX.plusDays(10)));
        b.diseaseStatuses.add(new DiseaseStatus("Observation/s1", DiseaseFocus.DISTANT, Response.STABLE, DX.plusDays(100)));
        b.metastases.add(met("Condition/liver", "liver", DX.plusDays(150)));
        ResponseAssessment distant = run(b, DX.plusDays(160)).all(ResponseAssessment.class).stream()
                .filter(r -> r.focus() == DiseaseFocus.DISTANT).findFirst().orElseThrow();
        assertThat(distant.response()).isEqualTo(Response.PROGRESSING);
        assertThat(distant.sourceIds()).containsExactly("Condition/liver");
    }

    @Test
    void theLatestPerformanceStatusAndTnmCountOnly() {
        var b = primaryLeft(DX);
        b.performance.add(new PerformanceStatus("Observation/ecog1", PerformanceScale.ECOG, 1, DX));
        b.performance.add(new PerformanceStatus("Observation/ecog3", PerformanceScale.ECOG, 3, DX.plusDays(30)));
        b.staging.add(stage("Observation/t2", TnmAxis.T, "T2", DX));
        b.staging.add(stage("Observation/t4", TnmAxis.T, "T4b", DX.plusDays(30)));
        CaseFacts facts = run(b, DX.plusDays(20));
        assertThat(facts.all(PerformanceStatus.class)).extracting(PerformanceStatus::score).containsExactly(1);
        assertThat(facts.all(TnmCategory.class)).extracting(TnmCategory::category).containsExactly("T2");
        CaseFacts later = run(b, DX.plusDays(40));
        assertThat(later.all(PerformanceStatus.class)).extracting(PerformanceStatus::score).containsExactly(3);
        assertThat(later.all(TnmCategory.class)).extracting(TnmCategory::category).containsExactly("T4b");
    }
}

package org.primum.fhir;

import org.primum.definitions.ClinicalInterpreter;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.engine.ThresholdsFile;
import org.primum.fhir.mapping.ResourceIndex;
import org.primum.facts.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public fixture parses with HAPI and maps; then what each really contains (SOURCES.md, and
 * the files themselves) is asserted, and the lead's interpreter is run to check the applicability scope.
 */
class PublicFixturesTest {
    private static final LocalDate AS_OF = LocalDate.of(2030, 1, 1);

    static List<String> fixtures() {
        return Fixtures.files();
    }

    private static ClinicalRecord map(String file) {
        return Fixtures.MAPPER.map(Fixtures.bundle(file), AS_OF);
    }

    private static CaseFacts interpret(ClinicalRecord r) {
        return new ClinicalInterpreter(ThresholdsFile.read(Path.of("rules"))).interpret(r, AS_OF);
    }

    private static Scope scope(ClinicalRecord r) {
        return interpret(r).first(Presentation.class).orElseThrow().scope();
    }

    private static <T, R> List<R> all(List<T> items, Function<T, R> f) {
        return items.stream().map(f).distinct().toList();
    }

    private static List<String> categories(ClinicalRecord r, TnmAxis axis) {
        return r.staging().stream().filter(s -> s.axis() == axis && s.sourceId().startsWith("Observation/")).map(TnmCategory::category).toList();
    }

    private static TumourSubtype subtype(ClinicalRecord r) {
        return interpret(r).first(TumourSubtype.class).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureParsesAndMaps(String file) {
        Bundle b = Fixtures.bundle(file);
        assertThat(b.getEntry()).isNotEmpty();
        ClinicalRecord r = Fixtures.MAPPER.map(b, AS_OF);
        assertThat(r.patient()).isNotNull();
        assertThat(r.patient().sourceId()).startsWith("Patient/");
        // every fact keeps the "Type/id" of a resource of the Bundle
        List<String> ids = b.getEntry().stream().map(e -> ResourceIndex.idOf(e.getResource(), e.getFullUrl())).toList();
        List<Fact> facts = new java.util.ArrayList<>();
        facts.addAll(r.primaries());
        facts.addAll(r.metastases());
        facts.addAll(r.staging());
        facts.addAll(r.receptors());
        facts.addAll(r.performance());
        facts.addAll(r.diseaseStatuses());
        facts.addAll(r.therapies());
        facts.addAll(r.procedures());
        facts.addAll(r.margins());
        for (Fact f : facts) {
            String id = f.sourceIds().get(0);
            assertThat(ids).contains(id.substring(id.indexOf('/') + 1));
        }
        assertThat(interpret(r).facts()).isNotEmpty();
        // unrecognised codes are reported once each, and ordinary observations (vital signs, labs) are not among them
        assertThat(r.unrecognised()).extracting(u -> u.system() + "|" + u.code()).doesNotHaveDuplicates();
        assertThat(r.unrecognised()).noneMatch(u -> "Observation.code".equals(u.element())).hasSizeLessThan(25);
    }

    @Test
    void jennyIsLeftBreastCancerCm0WithConservingSurgeryAndChestWallRadiotherapy() {
        ClinicalRecord r = map("mcode-patient-bundle-jenny-m.json");
        assertThat(r.patient().sex()).isEqualTo("female");
        assertThat(r.patient().ageYears()).isEqualTo(65);
        assertThat(r.primaries()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("353431000119107");
            assertThat(p.laterality()).isEqualTo(Laterality.LEFT);
            assertThat(p.diagnosed()).isEqualTo(LocalDate.of(2018, 3, 16));
            assertThat(p.dateBasis()).isEqualTo(DateBasis.RECORDED);
        });
        assertThat(r.metastases()).isEmpty();
        assertThat(categories(r, TnmAxis.T)).containsExactly("T3");
        assertThat(categories(r, TnmAxis.N)).containsExactly("N0");
        assertThat(categories(r, TnmAxis.M)).containsExactly("M0");
        assertThat(categories(r, TnmAxis.STAGE_GROUP)).containsExactly("IIB");
        TumourSubtype s = subtype(r);
        assertThat(s.subtype()).isEqualTo(Subtype.HR_POSITIVE_HER2_NEGATIVE);
        assertThat(List.of(s.er(), s.pr(), s.her2())).containsExactly(ReceptorValue.POSITIVE, ReceptorValue.NEGATIVE, ReceptorValue.NEGATIVE);
        assertThat(all(r.therapies(), SystemicTherapy::drug)).containsExactlyInAnyOrder("cyclophosphamide", "doxorubicin", "paclitaxel", "anastrozole");
        assertThat(all(r.therapies(), SystemicTherapy::drugClass)).containsExactlyInAnyOrder(DrugClass.CHEMOTHERAPY, DrugClass.ENDOCRINE);
        assertThat(r.procedures()).extracting(ProcedureDone::kind, ProcedureDone::code, ProcedureDone::laterality).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ProcedureKind.BREAST_CONSERVING_SURGERY, "64368001", Laterality.LEFT),
                org.assertj.core.groups.Tuple.tuple(ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, "1217123003", null));
        assertThat(r.margins()).singleElement().satisfies(m -> assertThat(m.involved()).isFalse());
        assertThat(r.performance()).singleElement().satisfies(p -> {
            assertThat(p.scale()).isEqualTo(PerformanceScale.ECOG);
            assertThat(p.score()).isZero();
        });
        assertThat(r.diseaseStatuses()).singleElement().satisfies(d -> {
            assertThat(d.response()).isEqualTo(Response.RESPONDING);
            assertThat(d.focus()).isEqualTo(DiseaseFocus.PRIMARY);
        });
        assertThat(scope(r)).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void eveIsLeftBreastByTheGenericPatternWithNothingElse() {
        ClinicalRecord r = map("mcode-eve-anyperson-breast-lcis.json");
        assertThat(r.primaries()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("363346000");
            assertThat(p.laterality()).isEqualTo(Laterality.LEFT);
            assertThat(p.diagnosed()).isEqualTo(LocalDate.of(2019, 4, 1));
        });
        assertThat(r.metastases()).isEmpty();
        assertThat(r.receptors()).isEmpty();
        assertThat(r.therapies()).isEmpty();
        assertThat(r.procedures()).isEmpty();
        assertThat(scope(r)).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void johnHasLungCancerWhoseBrainMetastasisIsNotABreastMetastasis() {
        ClinicalRecord r = map("mcode-john-anyperson-nsclc-brain-mets.json");
        assertThat(r.patient().sex()).isEqualTo("male");
        assertThat(r.primaries()).isEmpty();
        assertThat(r.metastases()).isEmpty();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.sourceIds()).contains("Condition/secondary-cancer-condition-brain-mets"));
        assertThat(r.unrecognised()).extracting(UnrecognisedCode::code).contains("254637007", "349472");
        assertThat(categories(r, TnmAxis.M)).containsExactly("M0");
        assertThat(categories(r, TnmAxis.STAGE_GROUP)).containsExactly("IIIC");
        assertThat(r.performance()).extracting(PerformanceStatus::scale, PerformanceStatus::score).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(PerformanceScale.ECOG, 0), org.assertj.core.groups.Tuple.tuple(PerformanceScale.KARNOFSKY, 90));
        assertThat(all(r.therapies(), SystemicTherapy::drug)).containsExactly("cisplatin");
        assertThat(r.diseaseStatuses()).singleElement().satisfies(d -> assertThat(d.response()).isEqualTo(Response.RESPONDING));
        assertThat(scope(r)).isEqualTo(Scope.NO_BREAST_PRIMARY);
    }

    @Test
    void miiIcd10GmPrimaryIsRecognisedAndDatedByItsAssertedDate() {
        // ICD-10-GM C50.3 is the WHO category C50 (breast) in the German edition: a primary breast cancer. Its date of
        // diagnosis is the asserted date (2020-03-07), not the date the entry was recorded (2024-01-02).
        ClinicalRecord r = map("mii-onko-mamma-example-bundle-1.json");
        assertThat(r.primaries()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("C50.3");
            assertThat(p.sourceId()).isEqualTo("Condition/mii-exa-onko-mamma-diagnose");
            assertThat(p.diagnosed()).isEqualTo(LocalDate.of(2020, 3, 7));
            assertThat(p.dateBasis()).isEqualTo(DateBasis.RECORDED);
        });
        assertThat(r.unrecognised()).noneSatisfy(u -> assertThat(u.code()).isEqualTo("C50.3"));
        assertThat(r.receptors()).extracting(ReceptorStatus::receptor, ReceptorStatus::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Receptor.ER, ReceptorValue.POSITIVE), org.assertj.core.groups.Tuple.tuple(Receptor.PR, ReceptorValue.POSITIVE));
        assertThat(r.metastases()).isEmpty();
        assertThat(r.therapies()).isEmpty();
        assertThat(scope(r)).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void maryamResolvesRelativeReferencesAgainstUrnUuidEntries() {
        ClinicalRecord r = map("mcode-pathways-synthea-maryam.json");
        assertThat(r.primaries()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("254837009");
            assertThat(p.diagnosed()).isEqualTo(LocalDate.of(2019, 2, 1));
        });
        assertThat(r.metastases()).isEmpty();
        assertThat(categories(r, TnmAxis.T)).containsExactly("T1");
        assertThat(categories(r, TnmAxis.N)).containsExactly("N2");
        assertThat(categories(r, TnmAxis.M)).containsExactly("M0");
        assertThat(categories(r, TnmAxis.STAGE_GROUP)).contains("IIIA");
        assertThat(subtype(r).subtype()).isEqualTo(Subtype.HR_POSITIVE_HER2_NEGATIVE);
        assertThat(r.therapies().stream().filter(t -> t.drug().equals("paclitaxel") && t.sourceId().startsWith("MedicationStatement/"))).hasSize(16);
        assertThat(all(r.therapies(), SystemicTherapy::drug)).contains("paclitaxel", "anastrozole");
        assertThat(r.procedures()).extracting(ProcedureDone::kind).containsExactlyInAnyOrder(ProcedureKind.MASTECTOMY, ProcedureKind.AXILLARY_DISSECTION);
        // the response observations point at the primary with a relative "Condition/<id>" reference
        assertThat(r.diseaseStatuses()).hasSize(2).allSatisfy(d -> {
            assertThat(d.response()).isEqualTo(Response.RESPONDING);
            assertThat(d.focus()).isEqualTo(DiseaseFocus.PRIMARY);
        });
        assertThat(scope(r)).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void syntheaT0HasAxillarySurgeryAndRadiotherapyButNoBreastSurgery() {
        ClinicalRecord r = map("mcode-pathways-synthea-T0-patient.json");
        assertThat(r.primaries()).singleElement().satisfies(p -> assertThat(p.diagnosed()).isEqualTo(LocalDate.of(2014, 11, 6)));
        assertThat(categories(r, TnmAxis.T)).containsExactly("T0");
        assertThat(categories(r, TnmAxis.N)).containsExactly("N2");
        assertThat(categories(r, TnmAxis.M)).containsExactly("M0");
        TumourSubtype s = subtype(r);
        assertThat(List.of(s.er(), s.pr(), s.her2())).containsExactly(ReceptorValue.NEGATIVE, ReceptorValue.POSITIVE, ReceptorValue.NEGATIVE);
        assertThat(r.therapies().stream().filter(t -> t.drug().equals("doxorubicin"))).hasSize(8);
        assertThat(all(r.therapies(), SystemicTherapy::drug)).contains("doxorubicin", "tamoxifen");
        assertThat(r.procedures()).extracting(ProcedureDone::kind)
                .containsExactlyInAnyOrder(ProcedureKind.AXILLARY_DISSECTION, ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE)
                .noneMatch(ProcedureKind::breastSurgery);
        assertThat(r.diseaseStatuses()).isNotEmpty().allSatisfy(d -> assertThat(d.response()).isEqualTo(Response.RESPONDING));
        assertThat(scope(r)).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void syntheaT1HasLumpectomyAndThirtyFourRadiotherapySessions() {
        ClinicalRecord r = map("mcode-pathways-synthea-T1-patient.json");
        assertThat(categories(r, TnmAxis.T)).containsExactly("T1");
        assertThat(categories(r, TnmAxis.N)).containsExactly("N0");
        assertThat(categories(r, TnmAxis.M)).containsExactly("M0");
        assertThat(categories(r, TnmAxis.STAGE_GROUP)).contains("IA");
        TumourSubtype s = subtype(r);
        assertThat(List.of(s.er(), s.pr(), s.her2())).containsExactly(ReceptorValue.NEGATIVE, ReceptorValue.POSITIVE, ReceptorValue.NEGATIVE);
        assertThat(r.procedures().stream().filter(p -> p.kind() == ProcedureKind.BREAST_CONSERVING_SURGERY)).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("392021009"));
        assertThat(r.procedures().stream().filter(p -> p.code().equals("108290001"))).hasSize(34);
        assertThat(all(r.therapies(), SystemicTherapy::drug)).containsExactly("tamoxifen");
        assertThat(scope(r)).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void syntheaTripleNegative() {
        ClinicalRecord r = map("mcode-pathways-synthea-triple-negative.json");
        assertThat(subtype(r).subtype()).isEqualTo(Subtype.TRIPLE_NEGATIVE);
        assertThat(categories(r, TnmAxis.T)).containsExactly("T2");
        assertThat(categories(r, TnmAxis.N)).containsExactly("N1");
        assertThat(categories(r, TnmAxis.M)).containsExactly("M0");
        assertThat(all(r.therapies(), SystemicTherapy::drug)).contains("paclitaxel", "cyclophosphamide");
        assertThat(all(r.procedures(), ProcedureDone::kind)).contains(ProcedureKind.BREAST_CONSERVING_SURGERY, ProcedureKind.AXILLARY_DISSECTION,
                ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE);
        assertThat(r.procedures().stream().filter(p -> p.code().equals("33195004"))).hasSize(34);
        assertThat(scope(r)).isEqualTo(Scope.NO_DISTANT_METASTASIS);
    }

    @Test
    void syntheaStageFourIsM1AndStageIvWithoutAMetastasisRecordAndDeNovo() {
        ClinicalRecord r = map("synthea-3.3.0-breast-stage4-seed20240101.json");
        assertThat(r.primaries()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("254837009");
            assertThat(p.diagnosed()).isEqualTo(LocalDate.of(1998, 3, 31));
        });
        assertThat(r.metastases()).isEmpty();
        assertThat(categories(r, TnmAxis.M)).containsExactly("M1");
        assertThat(categories(r, TnmAxis.T)).containsExactly("T4");
        assertThat(categories(r, TnmAxis.N)).containsExactly("N1");
        assertThat(categories(r, TnmAxis.STAGE_GROUP)).containsExactly("IV");
        assertThat(subtype(r).subtype()).isEqualTo(Subtype.HR_POSITIVE_HER2_NEGATIVE);
        // paclitaxel through MedicationRequest → bundled Medication, and MedicationAdministration
        assertThat(r.therapies().stream().filter(t -> t.sourceId().startsWith("MedicationRequest/"))).hasSize(4)
                .allSatisfy(t -> assertThat(t.drug()).isEqualTo("paclitaxel"));
        assertThat(r.therapies().stream().filter(t -> t.sourceId().startsWith("MedicationAdministration/"))).hasSize(4);
        assertThat(all(r.therapies(), SystemicTherapy::drugClass)).containsExactly(DrugClass.CHEMOTHERAPY);
        assertThat(r.procedures()).noneMatch(p -> p.kind().locoregional());
        // the patient died on 1998-06-27 (Patient.deceasedDateTime): de novo while alive, no guidance after
        assertThat(r.patient().deceased()).isTrue();
        assertThat(r.patient().deceasedOn()).isEqualTo(LocalDate.of(1998, 6, 27));
        assertThat(interpret(r).first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.DECEASED);
        CaseFacts cf = new ClinicalInterpreter(ThresholdsFile.read(Path.of("rules"))).interpret(r, LocalDate.of(1998, 5, 1));
        Presentation p = cf.first(Presentation.class).orElseThrow();
        assertThat(p.scope()).isEqualTo(Scope.DE_NOVO);
        assertThat(p.primaryIntact()).isTrue();
        assertThat(cf.first(MetastaticPattern.class)).hasValueSatisfying(m -> assertThat(m.siteUnknown()).isTrue());
    }
}

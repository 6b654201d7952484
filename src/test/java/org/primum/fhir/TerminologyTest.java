package org.primum.fhir;

import org.primum.fhir.terminology.Terminology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.primum.facts.*;
import org.primum.fhir.terminology.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.primum.fhir.terminology.Terminology.*;

class TerminologyTest {
    private static final Terminology T = Fixtures.TERMINOLOGY;

    @Test
    void loadsEveryProfile() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("fhir-profiles"))) {
            assertThat(T.resourceCount()).isEqualTo(s.filter(p -> p.toString().endsWith(".json")).count());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "C50.911, true", "C50.912, true", "C50.411, true", "C50, true", "C50.9, true", "c50911, true",
            "C51.9, false", "C79.81, false", "D05.11, false", "C5, false"})
    void icd10CmBreastCancerIsTheC50CategoryByDottedPrefix(String code, boolean primary) {
        assertThat(T.isPrimaryBreastCancer(ICD10CM, code)).isEqualTo(primary);
    }

    @Test
    void snomedPrimaryCodesAndTheGenericPattern() {
        assertThat(T.isPrimaryBreastCancer(SNOMED, "254837009")).isTrue();
        assertThat(T.isPrimaryBreastCancer(SNOMED, "353431000119107")).isTrue();
        assertThat(T.isPrimaryBreastCancer(SNOMED, "363346000")).isFalse();
        assertThat(T.isGenericMalignancy(SNOMED, "363346000")).isTrue();
        assertThat(T.isBreastStructure(SNOMED, "80248007")).isTrue();
        assertThat(T.isBreastStructure(SNOMED, "39607008")).isFalse();
        // the same code in another system is not the same concept
        assertThat(T.isPrimaryBreastCancer("http://id.who.int/icd/release/11/mms", "C50.3")).isFalse();
        // but ICD-10 in its WHO and German editions has the same category C50 (breast) as ICD-10-CM
        assertThat(T.isPrimaryBreastCancer("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C50.3")).isTrue();
        assertThat(T.isPrimaryBreastCancer("http://hl7.org/fhir/sid/icd-10", "C50.9")).isTrue();
        assertThat(T.secondarySite("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C79.5").site()).isEqualTo("bone");
        assertThat(T.isRegionalNodalDisease("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C77.3")).isTrue();
        // C79.81 is the breast in ICD-10-GM: not a distant site
        assertThat(T.secondarySite("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C79.81")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "http://snomed.info/sct, 94222008, bone", "http://snomed.info/sct, 94381002, liver", "http://snomed.info/sct, 94391008, lung",
            "http://snomed.info/sct, 94225005, brain", "http://hl7.org/fhir/sid/icd-10-cm, C79.51, bone", "http://hl7.org/fhir/sid/icd-10-cm, C79.52, bone",
            "http://hl7.org/fhir/sid/icd-10-cm, C78.7, liver", "http://hl7.org/fhir/sid/icd-10-cm, C78.01, lung", "http://hl7.org/fhir/sid/icd-10-cm, C78.2, pleura",
            "http://hl7.org/fhir/sid/icd-10-cm, C79.31, brain", "http://hl7.org/fhir/sid/icd-10-cm, C79.32, brain", "http://hl7.org/fhir/sid/icd-10-cm, C79.2, skin",
            "http://hl7.org/fhir/sid/icd-10-cm, C77.2, distant-lymph-nodes", "http://hl7.org/fhir/sid/icd-10-cm, C77.9, distant-lymph-nodes",
            "http://hl7.org/fhir/sid/icd-10-cm, C79.9, unspecified", "http://hl7.org/fhir/sid/icd-10-cm, C80.0, unspecified"})
    void distantMetastasisCodesMapToTheirOrganSite(String system, String code, String site) {
        assertThat(T.secondarySite(system, code)).isNotNull().extracting(SiteMapping::site).isEqualTo(site);
    }

    @Test
    void regionalNodesAreNeverDistant() {
        assertThat(T.isRegionalNodalDisease(SNOMED, "94181007")).isTrue();
        assertThat(T.secondarySite(SNOMED, "94181007")).isNull();
        assertThat(T.isRegionalNodalDisease(ICD10CM, "C77.3")).isTrue();
        assertThat(T.secondarySite(ICD10CM, "C77.3")).isNull();
        assertThat(T.secondarySite(ICD10CM, "C77.4")).isNotNull();
        assertThat(T.isRegionalNodeStructure(SNOMED, "68171009")).isTrue();
        assertThat(T.bodyStructureSite(SNOMED, "68171009")).isNull();
        // the bare category C77 says no region, like C77.9; its distant-region subcategories stay distant
        assertThat(T.isAmbiguousNodalDisease(ICD10CM, "C77")).isTrue();
        assertThat(T.isAmbiguousNodalDisease(ICD10CM, "C77.9")).isTrue();
        assertThat(T.isAmbiguousNodalDisease(ICD10CM, "C77.2")).isFalse();
        assertThat(T.isAmbiguousNodalDisease("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "C77.4")).isFalse();
        // secondary of the breast and primary-unspecified are left for a clinician, not guessed
        assertThat(T.secondarySite(ICD10CM, "C79.81")).isNull();
        assertThat(T.secondarySite(ICD10CM, "C80.1")).isNull();
    }

    @Test
    void bodyStructuresFinerThanTheOrganAreSpecific() {
        assertThat(T.bodyStructureSite(SNOMED, "272673000")).isEqualTo(new SiteMapping("bone", "Bone structure (body structure)", false));
        assertThat(T.bodyStructureSite(SNOMED, "71341001")).satisfies(s -> {
            assertThat(s.site()).isEqualTo("bone");
            assertThat(s.specific()).isTrue();
        });
        assertThat(T.bodyStructureSite(SNOMED, "3572006").specific()).isTrue();
        assertThat(T.bodyStructureSite(SNOMED, "113197003").specific()).isTrue();
        assertThat(T.bodyStructureSite(SNOMED, "118645006").specific()).isTrue();
        assertThat(T.bodyStructureSite(SNOMED, "10200004").specific()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "http://hl7.org/fhir/sid/icd-10-cm, C50.911, RIGHT", "http://hl7.org/fhir/sid/icd-10-cm, C50.912, LEFT",
            "http://hl7.org/fhir/sid/icd-10-cm, C50.422, LEFT", "http://snomed.info/sct, 80248007, LEFT", "http://snomed.info/sct, 73056007, RIGHT",
            "http://snomed.info/sct, 7771000, LEFT", "http://snomed.info/sct, 24028007, RIGHT", "http://snomed.info/sct, 22418005, BILATERAL",
            "http://snomed.info/sct, 429400009, RIGHT", "http://snomed.info/sct, 353431000119107, LEFT"})
    void laterality(String system, String code, Laterality side) {
        assertThat(T.laterality(system, code)).isEqualTo(side);
    }

    @Test
    void unspecifiedSideHasNoLaterality() {
        assertThat(T.laterality(ICD10CM, "C50.919")).isNull();
        assertThat(T.laterality(SNOMED, "76752008")).isNull();
    }

    @Test
    void tnmObservationCodesGiveAxisAndStagingType() {
        assertThat(T.tnmAxis(LOINC, "21907-1")).isEqualTo(new TnmAxisMapping(TnmAxis.M, false));
        assertThat(T.tnmAxis(LOINC, "21901-4")).isEqualTo(new TnmAxisMapping(TnmAxis.M, true));
        assertThat(T.tnmAxis(LOINC, "21908-9")).isEqualTo(new TnmAxisMapping(TnmAxis.STAGE_GROUP, false));
        assertThat(T.tnmAxis(SNOMED, "399387003")).isEqualTo(new TnmAxisMapping(TnmAxis.M, false));
        assertThat(T.tnmAxis(LOINC, "8480-6")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "http://snomed.info/sct, 23351008, T, T1", "http://snomed.info/sct, 30893008, M, M0", "http://snomed.info/sct, 55440008, M, M1",
            "http://snomed.info/sct, 1229901006, M, M0", "http://snomed.info/sct, 258228008, STAGE_GROUP, IV", "http://snomed.info/sct, 1228938002, T, T3",
            "http://cancerstaging.org, cT3, T, T3", "http://cancerstaging.org, cM1, M, M1", "http://cancerstaging.org, pM1b, M, M1b",
            "http://cancerstaging.org, ypN0, N, N0", "http://cancerstaging.org, c3A, STAGE_GROUP, IIIA", "http://cancerstaging.org, 4, STAGE_GROUP, IV",
            "http://cancerstaging.org, IV, STAGE_GROUP, IV", "http://cancerstaging.org, 3C, STAGE_GROUP, IIIC"})
    void tnmValuesAreNormalised(String system, String code, TnmAxis axis, String category) {
        assertThat(T.tnmCategory(system, code, axis)).isEqualTo(category);
    }

    @Test
    void ajccCodeOfAnotherAxisIsNotTakenForThisOne() {
        assertThat(T.tnmCategory(AJCC, "cN1", TnmAxis.M)).isNull();
        assertThat(T.tnmCategory(AJCC, "9", TnmAxis.STAGE_GROUP)).isNull();
    }

    @Test
    void receptorsAndAnswers() {
        assertThat(T.receptorTest(LOINC, "85337-4")).isEqualTo(new ReceptorTest(Receptor.ER, false, null));
        assertThat(T.receptorTest(LOINC, "85329-1")).isEqualTo(new ReceptorTest(Receptor.ER, true, null));
        assertThat(T.receptorTest(LOINC, "16113-3").receptor()).isEqualTo(Receptor.PR);
        assertThat(T.receptorTest(LOINC, "48676-1").receptor()).isEqualTo(Receptor.HER2);
        assertThat(T.receptorTest(LOINC, "85318-4").receptor()).isEqualTo(Receptor.HER2);
        assertThat(T.receptorResult(LOINC, "LA6576-8")).isEqualTo(ReceptorValue.POSITIVE);
        assertThat(T.receptorResult(SNOMED, "260385009")).isEqualTo(ReceptorValue.NEGATIVE);
        assertThat(T.receptorResult(LOINC, "LA11884-6")).isEqualTo(ReceptorValue.EQUIVOCAL);
        assertThat(T.receptorResult("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "POS")).isEqualTo(ReceptorValue.POSITIVE);
        assertThat(T.receptorByText("Negative (0%)")).isEqualTo(ReceptorValue.NEGATIVE);
    }

    @Test
    void diseaseStatusAndPerformance() {
        assertThat(T.isDiseaseStatus(LOINC, "97509-4")).isTrue();
        assertThat(T.isDiseaseStatus(LOINC, "88040-1")).isTrue();
        assertThat(T.response(SNOMED, "271299001")).isEqualTo(Response.PROGRESSING);
        assertThat(T.response(SNOMED, "230993007")).isEqualTo(Response.PROGRESSING);
        assertThat(T.response(SNOMED, "385633008")).isEqualTo(Response.RESPONDING);
        assertThat(T.response(SNOMED, "550991000124107")).isEqualTo(Response.NO_EVIDENCE_OF_DISEASE);
        assertThat(T.response(SNOMED, "260415000")).isEqualTo(Response.NO_EVIDENCE_OF_DISEASE);
        assertThat(T.performanceScale(LOINC, "89247-1")).isEqualTo(PerformanceScale.ECOG);
        assertThat(T.performanceScale(LOINC, "89243-0")).isEqualTo(PerformanceScale.KARNOFSKY);
        assertThat(T.ecogAnswer(LOINC, "LA9625-0")).isEqualTo(3);
    }

    @Test
    void productsMapToIngredientsAndIngredientsToClasses() {
        assertThat(T.ingredient(RXNORM, "583214")).isEqualTo(new Ingredient("56946", "paclitaxel", DrugClass.CHEMOTHERAPY));
        assertThat(T.ingredient(RXNORM, "198240").name()).isEqualTo("tamoxifen");
        assertThat(T.ingredient(RXNORM, "1156671").drugClass()).isEqualTo(DrugClass.ENDOCRINE);
        assertThat(T.ingredient(RXNORM, "1601374").drugClass()).isEqualTo(DrugClass.CDK4_6_INHIBITOR);
        assertThat(T.ingredient(RXNORM, "1547545").drugClass()).isEqualTo(DrugClass.IMMUNOTHERAPY);
        assertThat(T.ingredient(RXNORM, "2267582").drugClass()).isEqualTo(DrugClass.HER2_DIRECTED);
        assertThat(T.ingredient(SNOMED, "387003001").name()).isEqualTo("trastuzumab");
        assertThat(T.ingredient(RXNORM, "314231")).isNull();
    }

    @Test
    void ingredientsAreRecognisedByNameLongestFirst() {
        assertThat(T.ingredientByText("Kadcyla 100 MG Injection").name()).isEqualTo("ado-trastuzumab emtansine");
        assertThat(T.ingredientByText("fam-trastuzumab deruxtecan-nxki 100 MG").name()).isEqualTo("trastuzumab deruxtecan");
        assertThat(T.ingredientByText("Herceptin 150 MG Injection").name()).isEqualTo("trastuzumab");
        assertThat(T.ingredientByText("LETROZOLE 2.5mg tablets").drugClass()).isEqualTo(DrugClass.ENDOCRINE);
        assertThat(T.ingredientByText("nab-paclitaxel").name()).isEqualTo("paclitaxel");
        assertThat(T.ingredientByText("Simvastatin 10 MG Oral Tablet")).isNull();
        assertThat(T.ingredientByText("anastrozoleX")).isNull();
    }

    @Test
    void proceduresIncludingCpt() {
        assertThat(T.procedureKind(CPT, "19303")).isEqualTo("MASTECTOMY");
        assertThat(T.procedureKind(CPT, "19301")).isEqualTo("BREAST_CONSERVING_SURGERY");
        assertThat(T.procedureKind(CPT, "38900")).isEqualTo("SENTINEL_NODE_BIOPSY");
        assertThat(T.procedureKind(CPT, "38745")).isEqualTo("AXILLARY_DISSECTION");
        assertThat(T.procedureKind(SNOMED, "69031006")).isEqualTo("MASTECTOMY");
        assertThat(T.procedureKind(SNOMED, "33195004")).isEqualTo("RADIOTHERAPY");
        assertThat(T.procedureKind(SNOMED, "428624002")).isEqualTo("LOCOREGIONAL_RADIOTHERAPY");
        assertThat(T.isProphylacticMastectomy(SNOMED, "726636007")).isTrue();
        assertThat(T.mentionsProphylactic("Risk-reducing mastectomy")).isTrue();
        assertThat(T.systemicTherapyProcedure(SNOMED, "367336001")).isEqualTo(org.primum.facts.DrugClass.CHEMOTHERAPY);
    }

    @Test
    void symptomsAndMargins() {
        assertThat(T.symptom(SNOMED, "53430007")).isEqualTo("pain");
        assertThat(T.symptomByText("Fungating tumour")).isEqualTo("fungation");
        assertThat(T.symptomByText("Haemorrhage from tumour")).isEqualTo("bleeding");
        assertThat(T.symptomByText("Hypertension")).isNull();
        assertThat(T.isMarginObservation(LOINC, "44669-0")).isTrue();
        assertThat(T.marginInvolved(LOINC, "LA27151-2")).isFalse();
        assertThat(T.marginByText("Uninvolved by invasive carcinoma")).isFalse();
        assertThat(T.marginByText("Involved by invasive carcinoma")).isTrue();
    }

    // ---------------------------------------------------------------- loading fails loudly

    private static Path copyProfiles(Path tmp) throws IOException {
        Path dir = tmp.resolve("profiles");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("fhir-profiles"))) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    @Test
    void malformedJsonFailsLoudly(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Files.writeString(dir.resolve("ValueSet-primary-breast-cancer.json"), "{\"resourceType\": \"ValueSet\", ");
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ValueSet-primary-breast-cancer.json");
    }

    @Test
    void unknownElementFailsLoudly(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Path f = dir.resolve("ConceptMap-laterality.json");
        Files.writeString(f, Files.readString(f).replaceFirst("\"targetUri\"", "\"targetUriTypo\""));
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("ConceptMap-laterality.json");
    }

    @Test
    void missingRequiredResourceFailsLoudly(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Files.delete(dir.resolve("ConceptMap-procedure-kind.json"));
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("procedure-kind");
    }

    @Test
    void unknownTargetCodeFailsLoudly(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Path f = dir.resolve("ConceptMap-procedure-kind.json");
        Files.writeString(f, Files.readString(f).replaceFirst("\"code\": \"MASTECTOMY\"", "\"code\": \"MASTECTOMIE\""));
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("MASTECTOMIE");
    }

    @Test
    void conceptWithoutDisplayFailsLoudly(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Path f = dir.resolve("ValueSet-breast-structure.json");
        Files.writeString(f, Files.readString(f).replaceFirst(",\\s*\"display\": \"Breast structure \\(body structure\\)\"", ""));
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("display");
    }

    @Test
    void unsupportedFilterFailsLoudly(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Path f = dir.resolve("ValueSet-primary-breast-cancer.json");
        Files.writeString(f, Files.readString(f).replace("\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\"", "\"system\": \"http://snomed.info/sct\""));
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("unsupported filter");
    }

    @Test
    void aChangeInTheDataChangesRecognition(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Path f = dir.resolve("ConceptMap-ingredient-drug-class.json");
        // knowledge is data: moving anastrozole to another class changes what the mapper says
        String json = Files.readString(f);
        int at = json.indexOf("\"code\": \"84857\"");
        int target = json.indexOf("\"code\": \"ENDOCRINE\"", at);
        Files.writeString(f, json.substring(0, target) + "\"code\": \"OTHER\"" + json.substring(target + "\"code\": \"ENDOCRINE\"".length()));
        Terminology t = Terminology.load(dir);
        assertThat(t.ingredient(RXNORM, "84857").drugClass()).isEqualTo(DrugClass.OTHER);
        assertThat(t.ingredient(RXNORM, "199224").drugClass()).isEqualTo(DrugClass.OTHER);
    }
}

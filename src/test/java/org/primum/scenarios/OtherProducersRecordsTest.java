package org.primum.scenarios;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.engine.Evaluation;
import org.primum.facts.MappingNote;
import org.primum.facts.TumourSubtype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records written the way other producers write them (mCODE examples, EHR exports, Synthea, German MII, registries),
 * not by our own builder: raw FHIR R4 Bundles in {@code src/test/resources/fixtures/others/}, one case each, read
 * leniently through the whole pipeline as the service reads them. Each row says what the catalogue makes fire: the
 * fired set must equal {@code fires}, and the codes of {@code not} (the ones the case is about not firing) must stay
 * silent. Rows marked [fixed] answered wrongly before the mapping fix they were written for.
 */
class OtherProducersRecordsTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/others");

    /** The three codes of every de novo patient with an intact primary (catalogue B). */
    static final String[] ALWAYS = {"SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL"};
    /** What accompanies every (surgical) LRT path: disclosure, trial, and the section D advice. */
    static final String[] LRT_PATH = {"DISCLOSE_NO_SURVIVAL_BENEFIT", "OFFER_CLINICAL_TRIAL", "BREAST_CONSERVATION_PREFERRED",
            "AIM_FOR_CLEAR_MARGINS", "AXILLA_BY_NODAL_STATUS", "RADIOTHERAPY_EVIDENCE_CONFLICTING", "SURGERY_AFTER_SYSTEMIC_THERAPY"};

    record Row(String file, String asOf, String why, Set<String> fires, Set<String> not, String subtype) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    static Row row(String file, String asOf, String why, Set<String> fires, Set<String> not) {
        return new Row(file, asOf, why, fires, not, null);
    }

    static Row row(String file, String asOf, String why, Set<String> fires, Set<String> not, String subtype) {
        return new Row(file, asOf, why, fires, not, subtype);
    }

    /** Codes, or the groups above ({@code ALWAYS}, {@code LRT_PATH}) spelled by their names. */
    static Set<String> fires(String... codes) {
        return Arrays.stream(codes).flatMap(c -> switch (c) {
            case "ALWAYS" -> Arrays.stream(ALWAYS);
            case "LRT_PATH" -> Arrays.stream(LRT_PATH);
            default -> Stream.of(c);
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> not(String... codes) {
        return new TreeSet<>(List.of(codes));
    }

    static List<Row> rows() {
        return List.of(
                row("01-mcode-baseline-early", "2024-04-01", "mCODE style dnMBC (372137005 + laterality qualifier, 128462008 + bone), 8 weeks on letrozole (RxNorm SCD): defer; bone-only HR+",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NO_LRT_BOTH_CONTROLLED", "DATA_MISSING_RECEPTOR_STATUS")),
                row("02-cm1-snomed-ajcc-no-site", "2024-04-01", "[fixed] cM1 as the AJCC SNOMED qualifier 1229903009, no metastasis record: de novo, site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("03-stage-iv-snomed-ajcc-no-site", "2024-04-01", "[fixed] stage IV as the AJCC SNOMED qualifier 1222837003: de novo, site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("04-cm1-ajcc-system", "2024-04-01", "cM1 in http://cancerstaging.org: same answer as 02",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("05-ct4b-snomed-after-window", "2024-07-01", "[fixed] cT4b as AJCC SNOMED 1228946001: not resectable, so no local-control option; radiotherapy alternative",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "PRIMARY_RADIOTHERAPY_ALTERNATIVE"),
                        not("LRT_OPTION_FOR_LOCAL_CONTROL")),
                row("05b-ct2-snomed-after-window", "2024-07-01", "control of 05: cT2, 21 weeks, distant responding, primary stable: local-control option",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("PRIMARY_RADIOTHERAPY_ALTERNATIVE")),
                row("06-her2-ihc-2plus-ish-not-amplified", "2024-04-01", "[fixed] HER2 IHC '2+' and ISH 'Not amplified' (text) on one date: the ISH decides, HER2-negative",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "HR_POSITIVE_HER2_NEGATIVE"),
                row("07-her2-ihc-3plus-string", "2024-04-01", "[fixed] HER2 IHC valueString '3+': positive",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "HER2_POSITIVE"),
                row("07b-her2-ihc-2plus-ish-amplified", "2024-04-01", "[fixed] HER2 IHC 'Score 2+ (equivocal)' then ISH 'AMPLIFIED (ratio 2.6)': positive",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "HER2_POSITIVE"),
                row("07c-her2-ihc-1plus-string", "2024-04-01", "[fixed] HER2 IHC '1+': negative",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "HR_POSITIVE_HER2_NEGATIVE"),
                row("09-ecog-3-coded-answer", "2024-04-01", "ECOG as LOINC answer LA9625-0 (3): poor performance status",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "POOR_PERFORMANCE_STATUS"),
                        not()),
                row("10-karnofsky-40", "2024-04-01", "Karnofsky 40 (valueInteger): poor performance status",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "POOR_PERFORMANCE_STATUS"),
                        not()),
                row("11-c773-ipsilateral-only", "2024-04-01", "ICD-10-CM C77.3 with the primary's side (left axillary node + laterality qualifier): regional, not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("12-c773-contralateral", "2024-04-01", "C77.3 on the side opposite the primary: distant (M1) nodes, de novo, not bone-only",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT")),
                row("13-c770-no-site-cm0", "2024-04-01", "C77.0 without body site and cM0: not evidence of distant disease",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("13b-c77-category-no-site-cm0", "2024-04-01", "[fixed] the bare category C77 (no region) without body site and cM0: as ambiguous as C77.9, not evidence of distant disease",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("14-c770-no-site-cm1", "2024-04-01", "[fixed] C77.0 without body site and cM1 (AJCC SNOMED): counted as distant",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("15-refuted-metastasis", "2024-04-01", "the only metastasis is refuted: not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("16-entered-in-error-metastasis", "2024-04-01", "the only metastasis is entered in error: not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("17-deceased-timezone", "2024-03-31", "deceasedDateTime 2024-03-31T22:00-05:00, asOf 2024-03-31: the date as written, deceased",
                        fires("NOT_APPLICABLE_DECEASED"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("17b-deceased-after-asof", "2024-03-30", "the same death, asOf the day before: still alive",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_DECEASED")),
                row("18-metastasis-day-90", "2024-06-01", "metastasis on day 90 of the de novo window: de novo",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_RECURRENT")),
                row("19-metastasis-day-91", "2024-06-01", "metastasis on day 91: recurrent",
                        fires("NOT_APPLICABLE_RECURRENT"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("20-statement-period-contained-medication", "2024-07-01", "MedicationStatement effectivePeriod with a contained Medication (palbociclib SCD) and MedicationAdministration of a bundled Medication (fulvestrant): 21 weeks",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DATA_MISSING_THERAPY_START", "DEFER_LRT_UNTIL_RESPONSE")),
                row("21-therapy-45-days-before-diagnosis-is-history", "2024-04-01", "tamoxifen ended before the diagnosis (started 45 days before): history, not on therapy",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_THERAPY_START")),
                row("21b-therapy-30-days-before-diagnosis-counts", "2024-05-01", "letrozole started exactly 30 days before the diagnosis counts: 20 weeks",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DEFER_LRT_UNTIL_RESPONSE")),
                row("21c-therapy-31-days-before-diagnosis-is-history", "2024-05-01", "letrozole started 31 days before the diagnosis is history: no clock",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("LRT_OPTION_FOR_LOCAL_CONTROL", "DATA_MISSING_THERAPY_START")),
                row("22-plan-intent-is-no-start", "2024-04-01", "a MedicationRequest with intent plan is no therapy started",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_THERAPY_START")),
                row("23-not-done-mastectomy", "2024-04-01", "a mastectomy not done leaves the primary intact",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("24-cpt-mastectomy-before-metastasis", "2024-04-01", "CPT 19303 on the primary's side before the metastasis: resected before",
                        fires("NOT_APPLICABLE_PRIMARY_RESECTED"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("25-icd10pcs-mastectomy-after-metastasis", "2024-04-01", "ICD-10-PCS 0HTU0ZZ after the metastasis: de novo, primary no longer intact, no whether/when advice",
                        fires(),
                        not("DEFER_LRT_UNTIL_RESPONSE", "NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("26-contralateral-mastectomy-order", "2024-04-01", "a mastectomy ordered on the right breast, primary left: contralateral prophylactic",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE", "DEFER_LRT_UNTIL_RESPONSE", "ORDER_MASTECTOMY_CONSIDER_CONSERVATION"),
                        not()),
                row("27-male-breast-cancer", "2024-04-01", "male patient, C50.922 + C79.51: the guidance applies",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("28-lung-cancer-brain-metastasis", "2024-04-01", "lung cancer with a brain metastasis, no breast cancer: no code",
                        fires(),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("29-bilateral-primaries-bilateral-mastectomy-order", "2024-04-01", "a cancer in each breast, a bilateral mastectomy ordered: not contralateral prophylactic",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT", "ORDER_MASTECTOMY_CONSIDER_CONSERVATION"),
                        not("CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE")),
                row("30-ulcerated-primary-by-text", "2024-04-01", "'Ulcerated tumour, left breast' (text) with a breast body site: palliation",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_FOR_PALLIATION", "PRIMARY_RADIOTHERAPY_ALTERNATIVE"),
                        not("DEFER_LRT_UNTIL_RESPONSE")),
                row("31-bone-pain-is-not-primary-symptom", "2024-04-01", "bone pain at a bone site is not a symptom of the primary",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("LRT_FOR_PALLIATION")),
                row("33-exactly-16-weeks-assessment-at-12-weeks", "2024-05-23", "exactly 16 weeks, assessment exactly 12 weeks after the start, both responding",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "NO_LRT_BOTH_CONTROLLED"),
                        not("DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("34-one-day-short-of-16-weeks", "2024-05-22", "one day short of 16 weeks: defer",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NO_LRT_BOTH_CONTROLLED")),
                row("34b-assessment-one-day-short-of-12-weeks", "2024-06-15", "the only status one day short of 12 weeks after the start: early check, assessment missing",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DATA_MISSING_RESPONSE_ASSESSMENT"),
                        not("NO_LRT_BOTH_CONTROLLED")),
                row("36-latest-receptor-on-or-before-asof", "2024-04-01", "ER/PR negative on a later biopsy dated after asOf: the earlier positive results count",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("TRIPLE_NEGATIVE_CAUTION"), "HR_POSITIVE_HER2_NEGATIVE"),
                row("37-new-liver-lesion-after-window", "2024-07-15", "a liver metastasis after the de novo window and after the therapy start: distant progression",
                        fires("ALWAYS", "NO_LRT_DISTANT_PROGRESSION"),
                        not("NO_LRT_BOTH_CONTROLLED", "NOT_APPLICABLE_RECURRENT")),
                row("38-synthea-response-effective-period", "2024-07-01", "Synthea-style LOINC 88040-1 'Improving' with effectivePeriod and no focus: whole disease responding",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "NO_LRT_BOTH_CONTROLLED"),
                        not("DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("39-bone-radiotherapy-is-not-lrt", "2024-04-01", "radiotherapy to bone is not locoregional therapy",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("41-her2-interpretation-only", "2024-04-01", "HER2 given by interpretation POS only",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "HER2_POSITIVE"),
                row("43-primary-dated-only-by-late-recorded-date", "2024-07-01", "[fixed] primary with only a recordedDate months after its markers: diagnosed by the marker date, letrozole counts (21 weeks)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DEFER_LRT_UNTIL_RESPONSE")),
                row("43-primary-dated-only-by-late-recorded-date", "2024-05-25", "the same record before its recordedDate (2024-06-01): the markers of 2024-01-10 show the cancer existed on asOf, 16 weeks on letrozole",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DEFER_LRT_UNTIL_RESPONSE", "NOT_APPLICABLE_NO_METASTASIS")),
                row("43-primary-dated-only-by-late-recorded-date", "2024-01-09", "the same record before its markers and its metastasis: nothing shows the cancer yet",
                        fires(), not("SYSTEMIC_THERAPY_FIRST")),
                row("44-metastasis-onset-period-and-partial-date", "2024-04-01", "metastasis onsetPeriod start '2024-01' (partial): the first day, de novo",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_RECURRENT")),
                row("45-icd10-c79-and-primary-onset-age", "2024-04-01", "primary with onsetAge only: dated by its earliest related record",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("46-urn-uuid-references-after-window", "2024-07-01", "the after-window record as a transaction with urn:uuid references (status focus resolves)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("47-er-pr-percent-quantities-tnbc-her2-ihc-0", "2024-04-01", "[fixed] ER 0 % (quantity), PR 'Negative (<1%)', HER2 IHC '0': triple negative",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE", "TRIPLE_NEGATIVE_CAUTION"),
                        not("DATA_MISSING_RECEPTOR_STATUS", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT"), "TRIPLE_NEGATIVE"),
                row("47b-pr-weak-5-percent-is-positive", "2024-04-01", "ER 'negative, 0% of tumour cells', PR 5 % (quantity): HR+",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("TRIPLE_NEGATIVE_CAUTION"), "HR_POSITIVE_HER2_NEGATIVE"),
                row("48-breast-pain-without-site", "2024-04-01", "breast pain (53430007) without body site names the breast: palliation",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_FOR_PALLIATION"),
                        not("DEFER_LRT_UNTIL_RESPONSE")),
                row("49-order-lumpectomy-cpt-early", "2024-04-01", "CPT 19301 ordered at 8 weeks: premature",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT"),
                        not()),
                row("50-order-alnd-with-cn0-snomed", "2024-04-01", "CPT 38745 ordered with cN0 as AJCC SNOMED 1229967007: node negative",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE", "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT"),
                        not()),
                row("50b-order-alnd-with-cn1-snomed-after-older-cn0", "2024-04-01", "[fixed] the latest N category is cN1 (AJCC SNOMED 1229973008): not node negative",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT"),
                        not("ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE")),
                row("51-revoked-order-ignored", "2024-04-01", "a revoked mastectomy order is no proposal",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("ORDER_MASTECTOMY_CONSIDER_CONSERVATION")),
                row("52-deceased-boolean", "2024-04-01", "deceasedBoolean true: deceased at every asOf",
                        fires("NOT_APPLICABLE_DECEASED"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("53-lumpectomy-performed-period-before-metastasis", "2024-04-01", "lumpectomy with performedPeriod before the metastasis: resected before",
                        fires("NOT_APPLICABLE_PRIMARY_RESECTED"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("54-icd10pcs-lumpectomy-before-metastasis", "2024-04-01", "[fixed] ICD-10-PCS 0HBU0ZZ (excision of left breast) before the metastasis: resected before",
                        fires("NOT_APPLICABLE_PRIMARY_RESECTED"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("55-c79-9-unspecified-site", "2024-04-01", "C79.9 (site unspecified): site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not()),
                row("56-c77-2-abdominal-nodes-distant", "2024-04-01", "C77.2 intra-abdominal nodes are distant",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT")),
                row("57-distant-progression-at-10-weeks", "2024-04-15", "distant disease worsened at 10 weeks: no LRT (distant progression)",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE", "NO_LRT_DISTANT_PROGRESSION"),
                        not("BONE_ONLY_HR_POSITIVE_MAY_BENEFIT")),
                row("58-metastasis-after-asof-ignored", "2024-04-01", "the only metastasis is dated after asOf",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("59-therapy-after-asof-ignored", "2024-04-01", "the only therapy starts after asOf: not yet on therapy",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_THERAPY_START")),
                row("60-contralateral-mastectomy-performed", "2024-04-01", "a mastectomy of the right breast done, primary left: contralateral prophylactic",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("61-stage-iv-text-and-urn-focus", "2024-04-01", "[fixed] stage group given as text 'Stage IV': distant disease, site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("62-medication-request-bounds-period-only", "2024-07-01", "[fixed] MedicationRequest without authoredOn, start in dosageInstruction timing boundsPeriod: 21 weeks known",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DATA_MISSING_THERAPY_START", "DEFER_LRT_UNTIL_RESPONSE")),
                row("63-medication-ingredient-only", "2024-07-01", "Medication named by its ingredient (RxNorm 1601374) only, text 'Ibrance'",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DATA_MISSING_THERAPY_START")),
                row("64-primary-and-met-same-day-as-therapy", "2024-04-01", "primary, metastasis and therapy on one day",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_RECURRENT")),
                row("65-two-primaries-problem-list-duplicate", "2024-04-01", "the same cancer twice (problem-list duplicate with a later recordedDate)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_RECURRENT")),
                row("66-stable-distant-no-focus-status-after-window", "2024-07-01", "a stable whole-disease status (no focus) after 16 weeks: local-control option",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("NO_LRT_BOTH_CONTROLLED")),
                row("67-mii-icd10gm-primary-and-bone-metastasis", "2024-04-01", "[fixed] German MII style: ICD-10-GM C50.4 and C79.5 dated by condition-assertedDate (recordedDate later)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("67b-mii-icd10gm-bone-metastasis-excluded", "2024-04-01", "[fixed] the same, but the C79.5 carries the ICD-10-GM certainty 'A' (ausgeschlossen: excluded) and no verification status: as refuted, not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT")),
                row("68-who-icd10-liver-metastasis", "2024-04-01", "[fixed] WHO ICD-10 C50.9 and C78.7",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("69-cm1-entered-in-error", "2024-04-01", "the only M1 staging is entered in error: not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("70-liver-metastasis-of-a-colon-cancer", "2024-04-01", "a liver metastasis related to a colon cancer is not the breast cancer's",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        not("SYSTEMIC_THERAPY_FIRST")),
                row("70b-status-of-a-colon-cancer-metastasis-beside-breast-bone", "2024-07-01", "[fixed] the breast cancer's bone metastasis stable at 16 weeks; a later 'worsened' status focused on the colon cancer's liver metastasis is another disease's, not a whole-disease status (was: distant progression)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("NO_LRT_DISTANT_PROGRESSION")),
                row("71-primary-progressing-distant-responding-at-10-weeks", "2024-04-15", "primary worsened (focus primary), distant responding (focus metastasis) at 10 weeks: surgery for the progressing primary, no deferral",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "SURGERY_FOR_PROGRESSING_PRIMARY"),
                        not("DEFER_LRT_UNTIL_RESPONSE", "NO_LRT_DISTANT_PROGRESSION")),
                row("72-single-femur-lesion-ablated-sbrt-cpt", "2024-04-15", "one femur lesion (94222008 + femur), SBRT by CPT 77373 aimed at it, distant NED: oligometastatic exception",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"),
                        not("NO_LRT_DISTANT_PROGRESSION")),
                row("74-bleeding-observation-at-the-breast", "2024-04-01", "Observation 'Bleeding' valueBoolean true with a breast body site: palliation",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_FOR_PALLIATION"),
                        not("DEFER_LRT_UNTIL_RESPONSE")),
                row("74b-bleeding-observation-absent", "2024-04-01", "the same Observation valueBoolean false: no symptom",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("LRT_FOR_PALLIATION")),
                row("75-ulcer-of-the-other-breast", "2024-04-01", "an ulcer of the right breast, primary left: not the primary's symptom",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("LRT_FOR_PALLIATION")),
                row("76-order-radiotherapy-to-breast-early", "2024-04-01", "external beam RT to the left breast ordered at 8 weeks: premature",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT"),
                        not()),
                row("77-chemotherapy-procedure-only", "2024-07-01", "a chemotherapy Procedure (367336001) is the only therapy record: 21 weeks",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DATA_MISSING_THERAPY_START", "DEFER_LRT_UNTIL_RESPONSE")),
                row("78-mastectomy-ordered-during-distant-progression", "2024-07-01", "mastectomy ordered while the distant disease worsens",
                        fires("ALWAYS", "LRT_PATH", "NO_LRT_DISTANT_PROGRESSION", "ORDER_LRT_DURING_DISTANT_PROGRESSION", "ORDER_MASTECTOMY_CONSIDER_CONSERVATION"),
                        not("BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL")),
                row("79-stage-iv-as-condition-stage-summary-text", "2024-04-01", "[fixed] the primary's Condition.stage.summary written as text 'Stage IV' only: distant disease, site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("80-two-bone-lesions-ned-after-window", "2024-07-01", "two bone metastases at distinct specific sites (femur, rib), distant NED, primary stable, 21 weeks: oligometastatic exception and local-control option",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL", "OLIGOMETASTATIC_NED_EXCEPTION"),
                        not("NO_LRT_BOTH_CONTROLLED")),
                row("80b-femur-count-3-beside-a-rib-record", "2024-07-01", "[fixed] the femur record counts 3 lesions (lesion-count extension), a rib record beside it: 4 bone lesions, not oligometastatic (the count was read as the whole bone's)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("OLIGOMETASTATIC_NED_EXCEPTION")),
                row("80c-ned-status-of-one-of-two-bone-lesions", "2024-07-01", "[fixed] as 80, but the 'no evidence of disease' status names the femur lesion only: the rib lesion is neither ablated nor assessed, so resection would not leave no evidence of disease (the exception fired)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("OLIGOMETASTATIC_NED_EXCEPTION", "NO_LRT_BOTH_CONTROLLED")),
                row("81-four-bone-lesions-ned-after-window", "2024-07-01", "four specific bone lesions: not oligometastatic",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("OLIGOMETASTATIC_NED_EXCEPTION")),
                row("81b-four-bone-records-one-with-a-count-of-1", "2024-07-01", "[fixed] four specific bone records, the femur one counted 1: still four lesions, not oligometastatic (the count of one record stood for the organ)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("OLIGOMETASTATIC_NED_EXCEPTION")),
                row("82-cancelled-and-entered-in-error-therapy", "2024-07-01", "the only letrozole requests are cancelled or entered in error: not on therapy",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_THERAPY_START", "LRT_OPTION_FOR_LOCAL_CONTROL")),
                row("83-entered-in-error-mastectomy-before-metastasis", "2024-04-01", "a mastectomy entered in error leaves the primary intact",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                // receptor status stated by a diagnosis code (ICD-10-CM Z17, SNOMED receptor-status disorders) and a stage in the code
                row("84-z17-er-pr-her2-conditions", "2024-04-15", "[fixed] ER+, PR+, HER2- only as ICD-10-CM Z17.0 / Z17.21 / Z17.32 diagnoses: HR+/HER2-, bone-only",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "HR_POSITIVE_HER2_NEGATIVE"),
                row("85-z17-411-combined-hr-positive-her2-negative", "2024-04-15", "[fixed] Z17.411 (HR+ with HER2-): the subtype is HR+/HER2-; whether ER or PR is positive is not said, so the status is still incomplete",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_RECEPTOR_STATUS"),
                        not(), "HR_POSITIVE_HER2_NEGATIVE"),
                row("86-z17-421-triple-negative", "2024-04-15", "[fixed] Z17.421 (HR- with HER2-): triple negative, complete (HR- is ER- and PR-); no therapy yet",
                        fires("ALWAYS", "TRIPLE_NEGATIVE_CAUTION", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT"), "TRIPLE_NEGATIVE"),
                row("87-snomed-her2-positive-primary", "2024-04-15", "[fixed] the primary coded 427685000 HER2-positive carcinoma of breast, ER and PR negative Observations: HER2+",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT"), "HER2_POSITIVE"),
                row("88-snomed-triple-negative-primary", "2024-04-15", "[fixed] the primary coded 706970001 triple-negative malignant neoplasm of breast",
                        fires("ALWAYS", "TRIPLE_NEGATIVE_CAUTION", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "TRIPLE_NEGATIVE"),
                row("89-snomed-receptor-disorders-as-values", "2024-04-15", "LOINC interpretations valued with SNOMED receptor-status disorders (416053008 ER+, 441118006 PR-, 431396003 HER2-): read by their words before, by code now",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS"), "HR_POSITIVE_HER2_NEGATIVE"),
                row("90-primary-coded-stage-4", "2024-04-15", "[fixed] the primary coded 424229006 (infiltrating ductal carcinoma of breast, stage 4), no metastasis record: de novo, site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT")),
                row("91-primary-coded-stage-2-no-metastasis", "2024-04-15", "the primary coded 422479008 (stage 2): not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"), not()),
                row("92-old-z17-er-negative-later-er-positive-observation", "2024-04-15", "[fixed] an old Z17.1 (ER-) and a later ER-positive Observation: the latest counts, HR+/HER2-",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("DATA_MISSING_RECEPTOR_STATUS", "TRIPLE_NEGATIVE_CAUTION"), "HR_POSITIVE_HER2_NEGATIVE"),
                row("93-z17-41-combined-later-than-er-pr-negative", "2024-04-15", "[fixed] ER- and PR- Observations, then a later Z17.41 (HR+): the later combined status counts, with a note; no therapy yet",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("TRIPLE_NEGATIVE_CAUTION"), "HR_POSITIVE_HER2_NEGATIVE"),
                // European medication codes: ATC (German MII: BfArM ATC) and German INN spellings in text
                row("94-mii-atc-letrozole-after-window", "2024-07-01", "[fixed] German MII: letrozole as BfArM ATC L02BG04 'Letrozol', 21 weeks on therapy, no response assessment",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DATA_MISSING_RESPONSE_ASSESSMENT"),
                        not("DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_THERAPY_START")),
                row("95-text-only-german-letrozol-after-window", "2024-07-01", "[fixed] the drug only as German text 'Letrozol 2,5 mg 1-0-0': the same answer as 94",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DATA_MISSING_RESPONSE_ASSESSMENT"),
                        not("DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_THERAPY_START")),
                // German MII oncology records: UICC TNM, the registry's distant-metastasis sites, therapy types, OPS, sides on the coding
                row("96-mii-uicc-cm1-and-distant-metastasis-site-observation", "2024-04-15", "[fixed] cM1 as UICC 'M1' and the distant-metastasis site as SNOMED 385421009 valued OSS (MII): de novo, bone-only HR+",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS", "DATA_MISSING_METASTATIC_SITES")),
                row("97-mii-uicc-stage-ivc-only", "2024-04-15", "[fixed] only a pathological stage grouping valued UICC 'IVC': de novo, site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_NO_METASTASIS")),
                row("98-mii-therapy-type-procedure-after-window", "2024-07-01", "[fixed] endocrine therapy only as the MII therapy-type Procedure 'HO' from 2024-02-01: 21 weeks, no response assessment",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DATA_MISSING_RESPONSE_ASSESSMENT"),
                        not("DEFER_LRT_UNTIL_RESPONSE")),
                row("99-mii-ops-contralateral-mastectomy", "2024-04-15", "[fixed] OPS 5-872.0 mastectomy with Seitenlokalisation L, the primary C50.4 with R: a contralateral mastectomy",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("100-mii-ops-breast-conserving-before-metastasis", "2024-04-15", "[fixed] OPS 5-870.a0 (under 5-870, breast-conserving) on the primary's side before the bone metastasis was found",
                        fires("NOT_APPLICABLE_PRIMARY_RESECTED"), not()),
                row("101-mii-performance-status-components", "2024-04-15", "[fixed] ECOG '3' and Karnofsky '30%' as bare codes in components of one MII 'general condition' Observation: poor performance status",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "POOR_PERFORMANCE_STATUS"), not()),
                // German MII oncology "Verlauf" (course): the overall assessment in the value, the parts in components
                row("110-mii-verlauf-no-change-after-window", "2024-07-01", "[fixed] MII Verlauf 20 weeks after the start: overall 'K' (no change), primary and distant 'N': the response assessment, distant disease stable",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("111-mii-verlauf-distant-k-primary-progress", "2024-07-01", "[fixed] overall 'T', primary component 'P', distant component 'K': the distant 'K' clears the distant disease only, the primary progresses",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "SURGERY_FOR_PROGRESSING_PRIMARY"),
                        not("NO_LRT_BOTH_CONTROLLED", "DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("112-mii-verlauf-divergent", "2024-07-01", "[fixed] overall 'D' (divergent: some sites progress) without components: distant progression, fail safe",
                        fires("ALWAYS", "NO_LRT_DISTANT_PROGRESSION"),
                        not("LRT_OPTION_FOR_LOCAL_CONTROL", "DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("113-mii-verlauf-unknown-after-progression", "2024-07-01", "[fixed] overall 'P' on 2024-05-02, then 'U' with primary 'X' and distant 'F': unknown, missing and questionable are no assessment, the progression stands",
                        fires("ALWAYS", "NO_LRT_DISTANT_PROGRESSION"),
                        not("LRT_OPTION_FOR_LOCAL_CONTROL", "DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("114-mii-verlauf-minimal-response", "2024-07-01", "[fixed] overall 'B' (minimal response: partial-remission criteria not met) of the whole disease: stable, not a response of the primary",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("NO_LRT_BOTH_CONTROLLED", "DATA_MISSING_RESPONSE_ASSESSMENT")),
                row("115-mii-verlauf-overall-v-primary-residual", "2024-07-01", "[fixed] the MII example's pattern: overall 'V', primary 'T' (residual), distant 'K': the remission is not the primary's, which is residual (stable)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "LRT_OPTION_FOR_LOCAL_CONTROL"),
                        not("NO_LRT_BOTH_CONTROLLED", "DATA_MISSING_RESPONSE_ASSESSMENT")),
                // a death stated by an Observation (MII "Tod", death-certificate cause of death), not by Patient.deceased
                row("116-mii-tod-dated", "2024-07-01", "[fixed] MII Tod (184305005, cause of death C50.4, effective 2024-05-10), the Patient without deceased[x]: deceased",
                        fires("NOT_APPLICABLE_DECEASED"), not()),
                row("116b-mii-tod-after-as-of", "2024-07-01", "the same death dated 2024-08-10, after asOf: alive on the evaluation date, the answer of case 98",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DATA_MISSING_RESPONSE_ASSESSMENT"),
                        not("NOT_APPLICABLE_DECEASED")),
                row("117-loinc-cause-of-death-undated", "2024-07-01", "[fixed] an undated LOINC 69453-9 cause of death: deceased at every asOf, like deceasedBoolean",
                        fires("NOT_APPLICABLE_DECEASED"), not()),
                // MII radiotherapy: the target region (Zielgebiet), technique (Applikationsart) and intention in extensions of OPS 8-52
                row("118-mii-stereotactic-rt-of-the-femur-lesion", "2024-04-15", "[fixed] case 72 with the SBRT written as MII: OPS 8-52, Zielgebiet 6.16 (femur), Applikationsart P-ST, intention O: the lesion ablated",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"),
                        not("NO_LRT_DISTANT_PROGRESSION")),
                row("118b-mii-stereotactic-rt-of-the-femur-palliative", "2024-04-15", "the same stereotactic RT with intention P (palliative): not ablation (catalogue), no exception before 16 weeks",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("OLIGOMETASTATIC_NED_EXCEPTION")),
                row("118c-mii-conventional-rt-of-the-femur-curative", "2024-04-15", "[fixed] conventional percutaneous RT (P) of the femur lesion with intention K (curative): treated to eradicate it, ablated",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"), not()),
                row("119-mii-ops-5-873-mastectomy-with-axillary-dissection", "2024-07-01", "[fixed] OPS 5-873.0 (mastectomy with axillary lymphadenectomy) on the primary's side after the metastasis: the primary resected, the question of LRT settled: nothing fires",
                        fires(), not("SYSTEMIC_THERAPY_FIRST", "LRT_OPTION_FOR_LOCAL_CONTROL")),
                row("120-mii-ops-5-886-reconstruction-is-not-lrt", "2024-07-01", "OPS 5-886 (plastic reconstruction of the breast) on the primary's side: not breast surgery of the primary, the answer of case 98",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DATA_MISSING_RESPONSE_ASSESSMENT"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                // US codes: ICD-10-PCS by its axes, CPT and HCPCS beyond the common list, side modifiers, the site a code names
                row("130-pcs-percutaneous-excision-left-breast-after-metastasis", "2024-04-01", "[fixed] ICD-10-PCS 0HBU3ZZ (excision of the left breast, percutaneous) after the metastasis: the primary is no longer intact (was: unrecognised, deferral advice after the operation)",
                        fires(), not("DEFER_LRT_UNTIL_RESPONSE", "NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("131-pcs-diagnostic-excision-is-a-biopsy", "2024-04-01", "ICD-10-PCS 0HBU0ZX (qualifier X, diagnostic): a biopsy, the primary stays intact",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"), not()),
                row("132-pcs-nipple-excision-lower-case-before-metastasis", "2024-04-01", "[fixed] ICD-10-PCS '0hbx0zz' (excision of the left nipple, written lower-case) before the metastasis: resected before",
                        fires("NOT_APPLICABLE_PRIMARY_RESECTED"), not("SYSTEMIC_THERAPY_FIRST")),
                row("133-cpt-legacy-19180-mastectomy-before-metastasis", "2024-04-01", "[fixed] CPT 19180 (simple mastectomy, the code before 2007, claims history) before the metastasis: resected before",
                        fires("NOT_APPLICABLE_PRIMARY_RESECTED"), not("SYSTEMIC_THERAPY_FIRST")),
                row("134-cpt-mastectomy-rt-modifier-coding-contralateral", "2024-04-01", "[fixed] CPT 19303 with the modifier RT as a second coding, no body site, primary left: a contralateral mastectomy (was: side unknown, read as the primary's resection)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("135-cpt-mastectomy-rt-modifier-extension-contralateral", "2024-04-01", "[fixed] the same, the HCPCS modifier RT in an extension of the CPT coding",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")),
                row("136-pcs-femur-destruction-no-site-ablated", "2024-04-15", "[fixed] as 72, the femur lesion ablated as ICD-10-PCS 0Q563ZZ (destruction of the right upper femur), no body site, no reason: the code names the bone site (was: unrecognised, exception closed)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"), not()),
                row("137-hcpcs-g0339-robotic-srs-femur", "2024-04-15", "[fixed] as 72, the SBRT coded HCPCS G0339 (robotic stereotactic radiosurgery) without display, as claims-derived records write it: an ablation (was: unrecognised, exception closed)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"), not()),
                row("138-cpt-bone-ablation-no-site-no-reason", "2024-04-15", "as 72, CPT 20982 (radiofrequency ablation of bone tumours) without body site or reason: the distant NED status clears the site, the ablation stands for the 16 weeks",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"), not()),
                row("139-pcs-bone-beam-radiation-sbrt-text-no-site", "2024-04-15", "[fixed] as 72, ICD-10-PCS DP091ZZ (beam radiation of the femur) whose text says SBRT, no body site: PCS has no bone radiosurgery table, the words make it an ablation of the bone the code names (was: unrecognised)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"), not()),
                row("140-pcs-bone-beam-radiation-palliative-no-site", "2024-04-15", "the same code, text 'Palliative RT': radiotherapy of a metastasis, no ablation, the exception stays closed",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"), not("OLIGOMETASTATIC_NED_EXCEPTION")),
                row("141-cpt-bone-ablation-no-site-stable-status", "2024-04-15", "[fixed] 138 with the distant disease stable, not NED: only the ablation can clear the bone site, and CPT 20982 names it (was: an ablation of no known site, the bone site left, exception closed)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION"), not()),
                row("142-cpt-code-with-appended-modifier-contralateral", "2024-04-01", "[fixed] CPT '19303-RT' (the modifier appended to the code, as some EHRs store it), no body site, primary left: a contralateral mastectomy (was: unrecognised, the primary read as intact without a note of the operation)",
                        fires("ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE", "DEFER_LRT_UNTIL_RESPONSE"),
                        not("NOT_APPLICABLE_PRIMARY_RESECTED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersAsTheCatalogueSays(Row row) throws IOException {
        byte[] json = Files.readAllBytes(DIR.resolve(row.file() + ".json"));
        Evaluation e = Pipeline.CORE.evaluate(json, LocalDate.parse(row.asOf())).evaluation();
        String account = row.why() + "\n  notes: " + e.facts().notes().stream().map(MappingNote::text).toList()
                + "\n  unrecognised: " + e.facts().unrecognised();
        assertThat(new TreeSet<>(e.codes())).as(account).isEqualTo(row.fires());
        if (!row.not().isEmpty()) assertThat(e.codes()).as(account).doesNotContainAnyElementsOf(row.not());
        if (row.subtype() != null) {
            assertThat(e.facts().first(TumourSubtype.class)).as(account)
                    .hasValueSatisfying(s -> assertThat(s.subtype().name()).isEqualTo(row.subtype()));
        }
    }

    /** Every file of the folder is a row: a case added without its expectation would test nothing. */
    @org.junit.jupiter.api.Test
    void everyFileHasARow() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            Set<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(files).isEqualTo(rows().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new)));
        }
    }
}

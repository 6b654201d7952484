package org.primum.audit;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.CriterionResult;
import org.primum.audit.model.PatientResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit records written the way other producers write them (CPT / ICD-10-PCS / SNOMED procedures, performedPeriod,
 * MedicationStatement periods, products and contained Medications, AJCC and SNOMED staging values, statuses with
 * and without focus), not by our own builder: raw FHIR R4 Bundles in {@code src/test/resources/fixtures/others-audit/}.
 * Each case is audited twice, as the Bundle itself and as a Bulk Data export (one NDJSON file per resource type),
 * and both must give every patient's full verdict list: per criterion, verdict, date and resource ids (the act
 * first, then the records that decided), or the scope of a patient out of scope. Rows marked [fixed] answered
 * wrongly before the fix they were written for.
 */
class OtherProducersAuditTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/others-audit");

    @TempDir
    Path tmp;

    record Row(String file, String asOf, String why, List<String> problems, Map<String, List<String>> patients) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    /** One patient of the case: "Patient/id" and its lines (see {@link #lines}). */
    static Map.Entry<String, List<String>> patient(String id, String... lines) {
        return Map.entry("Patient/" + id, List.of(lines));
    }

    /** The input problems the case must report, as "KIND Patient/id". */
    static List<String> problems(String... problems) {
        return List.of(problems);
    }

    @SafeVarargs
    static Row row(String file, String asOf, String why, List<String> problems, Map.Entry<String, List<String>>... patients) {
        Map<String, List<String>> map = new TreeMap<>();
        for (Map.Entry<String, List<String>> p : patients) map.put(p.getKey(), p.getValue());
        return new Row(file, asOf, why, problems, map);
    }

    /** The single patient of most cases ({@code Patient/pat-1}), no input problem. */
    static Row row(String file, String asOf, String why, String... lines) {
        return row(file, asOf, why, problems(), patient("pat-1", lines));
    }

    static List<Row> rows() {
        return List.of(
                row("01-lumpectomy-after-window-all-concordant", "2024-12-31", "CPT 19301 with performedPeriod, letrozole MedicationStatement effectivePeriod, status without focus 13 weeks after the start, C93304 review, LA27151-2 margin: all concordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("02-status-only-early-check", "2024-12-31", "[fixed] the only distant status an early check (6 weeks after the start): no response assessment, the window criterion is discordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("03-assessment-exactly-12-weeks", "2024-12-31", "distant status exactly 12 weeks (84 days) after the start: the response assessment",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("03b-assessment-one-day-short-of-12-weeks", "2024-12-31", "[fixed] distant status one day short of 12 weeks: an early check, discordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("04-act-exactly-16-weeks", "2024-12-31", "the act exactly 16 weeks after the start: concordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-05-23 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-05-23 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-05-23 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-05-23 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-05-23 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("04b-act-one-day-short-of-16-weeks", "2024-12-31", "the act one day short of 16 weeks: discordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-05-22 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-05-22 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-05-22 Procedure/lumpectomy MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-05-22 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-05-22 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("05-undated-lumpectomy", "2024-12-31", "Procedure without performed[x]: the timing criteria not evaluable; the undated margin belongs to the only breast surgery",
                        "SYSTEMIC_BEFORE_LRT NOT_EVALUABLE undated Procedure/lumpectomy",
                        "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE undated Procedure/lumpectomy",
                        "LRT_AFTER_RESPONSE_WINDOW NOT_EVALUABLE undated Procedure/lumpectomy",
                        "CLEAR_MARGINS CONCORDANT undated Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT undated Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("06-not-done-and-entered-in-error", "2024-12-31", "a mastectomy not-done and a lumpectomy entered-in-error: nothing done, out of scope",
                        "out of scope NO_ACT"),
                row("06b-radiotherapy-in-progress-chest-wall", "2024-12-31", "radiotherapy to the chest wall (428624002) in progress, performedPeriod with a start only: judged on its start",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-10 Procedure/rt-chest-wall MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-10 Procedure/rt-chest-wall Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-10 Procedure/rt-chest-wall MedicationStatement/letrozole Observation/status-distant",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-10 Procedure/rt-chest-wall Procedure/board"),
                row("07-bilateral-mastectomy-left-primary", "2024-12-31", "bilateral simple mastectomy 22418005 for a left primary: LRT of the primary and a contralateral prophylactic mastectomy",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY DISCORDANT 2024-06-03 Procedure/bilateral-mastectomy Condition/primary",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy Procedure/board",
                        "breast surgeries 1, conserving 0"),
                row("08-lumpectomy-and-prophylactic-right-mastectomy-same-day", "2024-12-31", "left lumpectomy and a right prophylactic mastectomy (451201000124106) the same day: one day, the prophylactic one judged on its side only",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY DISCORDANT 2024-06-03 Procedure/prophylactic-right",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("09-mastectomy-left-by-qualifier", "2024-12-31", "mastectomy side by the mCODE laterality qualifier, the primary's side: concordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/mastectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/mastectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/mastectomy MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY CONCORDANT 2024-06-03 Procedure/mastectomy Condition/primary",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/mastectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/mastectomy Procedure/board",
                        "breast surgeries 1, conserving 0"),
                row("09b-mastectomy-right-by-qualifier-not-coded-prophylactic", "2024-12-31", "a right mastectomy by the qualifier, not coded prophylactic, primary left (SNOMED + qualifier): contralateral, not LRT of the primary",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY DISCORDANT 2024-06-03 Procedure/mastectomy-right Condition/primary"),
                row("09c-mastectomy-side-unknown", "2024-12-31", "CPT 19303 without side: laterality unknown",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/mastectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/mastectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/mastectomy MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY NOT_EVALUABLE 2024-06-03 Procedure/mastectomy",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/mastectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/mastectomy Procedure/board",
                        "breast surgeries 1, conserving 0"),
                row("10-administration-contained-product", "2024-12-31", "MedicationAdministration of a contained RxNorm product (paclitaxel 100 MG injection)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationAdministration/paclitaxel-1",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationAdministration/paclitaxel-1 Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("11-therapy-of-an-earlier-cancer-is-history", "2024-12-31", "tamoxifen 2018-2023 for an earlier cancer (history, 30-day rule): the LRT came before any therapy for this cancer",
                        "SYSTEMIC_BEFORE_LRT DISCORDANT 2024-06-03 Procedure/lumpectomy",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-06-03 Procedure/lumpectomy",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("12-margin-string-not-clear", "2024-12-31", "[fixed] margin valueString 'margins not clear': involved (was read as clear by the word 'clear')",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS DISCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("12b-margin-loinc-positive-answer", "2024-12-31", "[fixed] margin coded LOINC LA6576-8 (Positive) without display: involved (was unrecognised, not evaluable)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS DISCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("12c-margin-snomed-negative", "2024-12-31", "margin coded SNOMED 260385009 Negative: clear",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("13-alnd-after-cn1-ajcc", "2024-12-31", "CPT 38745 after cN1 in http://cancerstaging.org: concordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/alnd Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole Observation/status-distant",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE CONCORDANT 2024-06-03 Procedure/alnd Observation/cn",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/alnd Procedure/board"),
                row("13b-alnd-after-cn0-snomed", "2024-12-31", "axillary dissection after cN0 as SNOMED 1229967007: discordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/alnd Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole Observation/status-distant",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE DISCORDANT 2024-06-03 Procedure/alnd Observation/cn",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/alnd Procedure/board"),
                row("13c-alnd-after-positive-sentinel-node", "2024-12-31", "sentinel node biopsy, pN1a (21900-6) a few days later, then the dissection: the latest N category is pN1a, concordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/slnb MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/slnb Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/slnb MedicationStatement/letrozole Observation/status-distant",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/slnb Procedure/board",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-20 Procedure/alnd MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-20 Procedure/alnd Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-20 Procedure/alnd MedicationStatement/letrozole Observation/status-distant",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE CONCORDANT 2024-06-20 Procedure/alnd Observation/pn",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-20 Procedure/alnd Procedure/board"),
                row("13d-alnd-pn-of-its-own-specimen", "2024-12-31", "pN2a of the dissection's own specimen (same day) is not known before it: the cN0 decides, discordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/alnd Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole Observation/status-distant",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE DISCORDANT 2024-06-03 Procedure/alnd Observation/cn",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/alnd Procedure/board"),
                row("13e-alnd-no-n-category", "2024-12-31", "no N category before the dissection: not evaluable",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/alnd Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole Observation/status-distant",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE NOT_EVALUABLE 2024-06-03 Procedure/alnd",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/alnd Procedure/board"),
                row("14-status-focused-on-primary-only", "2024-12-31", "the only status focused on the primary (worsened): locoregional, no distant status, not evaluable; no assessment, discordant",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2024-06-03 Procedure/lumpectomy",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("14b-status-focused-on-metastasis-progressing", "2024-12-31", "a status focused on the metastasis, worsened: LRT during distant progression",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION DISCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-met",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-met",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("14c-synthea-response-worsening-no-focus", "2024-12-31", "Synthea-style 88040-1 'Worsening' without focus: the whole disease, distant progression",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION DISCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-whole",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-whole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("15-palliative-rt-ulcerated-primary", "2024-12-31", "radiotherapy of the breast after an ulcerated tumour at the left breast: palliative (timing criteria not judged), no review before it",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-03-01 Procedure/rt-breast Condition/ulcer",
                        "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2024-03-01 Procedure/rt-breast"),
                row("15b-rt-breast-with-bone-pain-not-palliative", "2024-12-31", "bone pain at a bone site is not a symptom of the primary: the radiotherapy of the breast is not palliative",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-03-01 Procedure/rt-breast MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2024-03-01 Procedure/rt-breast",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-03-01 Procedure/rt-breast MedicationStatement/letrozole",
                        "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2024-03-01 Procedure/rt-breast"),
                row("16-lumpectomy-and-slnb-same-day", "2024-12-31", "lumpectomy and sentinel node mapping (CPT 38900) the same day: judged together, both acts named",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/slnb MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/slnb Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/slnb MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/slnb Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("17-lumpectomy-on-diagnosis-day", "2024-12-31", "lumpectomy on the day the primary and the metastasis were diagnosed, no therapy, no review: up-front surgery",
                        "SYSTEMIC_BEFORE_LRT DISCORDANT 2024-01-10 Procedure/lumpectomy",
                        "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2024-01-10 Procedure/lumpectomy",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-01-10 Procedure/lumpectomy",
                        "CLEAR_MARGINS CONCORDANT 2024-01-10 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2024-01-10 Procedure/lumpectomy",
                        "breast surgeries 1, conserving 1"),
                row("18-act-after-death", "2024-12-31", "[fixed] a mastectomy dated after the recorded death: reported, not judged (was judged as an act in life)", problems("DATED_AFTER_DEATH Patient/pat-1"),
                patient("pat-1",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-05-23 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-05-23 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-05-23 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-05-23 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-05-23 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1")),
                row("19-act-after-as-of", "2024-06-30", "a mastectomy after the audit's asOf: not judged",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("20-resected-before-metastasis", "2024-12-31", "lumpectomy before the metastasis was found: out of scope",
                        "out of scope RESECTED_BEFORE_METASTASIS"),
                row("21-recurrent", "2024-12-31", "metastasis three years after the primary: recurrent, out of scope",
                        "out of scope RECURRENT"),
                row("22-bone-radiotherapy-only", "2024-12-31", "radiotherapy (33195004) with a bone body site only: not LRT, nothing to judge",
                        "out of scope NO_ACT"),
                row("22b-radiotherapy-for-the-metastasis-no-site", "2024-12-31", "radiotherapy course without body site, its reason the bone metastasis: not LRT",
                        "out of scope NO_ACT"),
                row("22c-radiotherapy-no-site-no-reason", "2024-12-31", "[fixed] radiotherapy without body site or reason: not shown to be locoregional, not judged (was judged as up-front and premature LRT)",
                        "out of scope NO_ACT"),
                row("23-sentinel-node-biopsy-only", "2024-12-31", "sentinel node biopsy only: axillary surgery judged as LRT, no axillary-dissection criterion, no margins",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/slnb MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/slnb Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/slnb MedicationStatement/letrozole Observation/status-distant",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/slnb Procedure/board"),
                row("24-lumpectomy-then-mastectomy", "2024-12-31", "lumpectomy with involved margins (text), then a mastectomy (ICD-10-PCS 0HTU0ZZ) with clear ones: each operation its own margin; conservation 1 of 2",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS DISCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin-1",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-07-01 Procedure/mastectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-07-01 Procedure/mastectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-07-01 Procedure/mastectomy MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY CONCORDANT 2024-07-01 Procedure/mastectomy Condition/primary",
                        "CLEAR_MARGINS CONCORDANT 2024-07-01 Procedure/mastectomy Observation/margin-2",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-07-01 Procedure/mastectomy Procedure/board",
                        "breast surgeries 2, conserving 1"),
                row("25-every-patient-in-the-output", "2024-12-31", "three patients in one export: one with no Patient resource is in the output, one with only a Patient resource too", problems("NO_BREAST_CANCER Patient/pat-3"),
                patient("pat-1",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                patient("pat-2",
                        "SYSTEMIC_BEFORE_LRT DISCORDANT 2024-02-15 Procedure/lumpectomy-2",
                        "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2024-02-15 Procedure/lumpectomy-2",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-02-15 Procedure/lumpectomy-2",
                        "CLEAR_MARGINS NOT_EVALUABLE 2024-02-15 Procedure/lumpectomy-2",
                        "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2024-02-15 Procedure/lumpectomy-2",
                        "breast surgeries 1, conserving 1"),
                patient("pat-3",
                        "out of scope NO_BREAST_PRIMARY")),
                row("26-tumour-board-by-text", "2024-12-31", "tumour board known by its text only",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board-text",
                        "breast surgeries 1, conserving 1"),
                row("26b-tumour-board-after-the-act", "2024-12-31", "the only tumour board after the act: none before it",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2024-06-03 Procedure/lumpectomy",
                        "breast surgeries 1, conserving 1"),
                row("27-therapy-started-on-the-day-of-the-act", "2024-12-31", "MedicationRequest authoredOn the day of the lumpectomy: not before it, up-front",
                        "SYSTEMIC_BEFORE_LRT DISCORDANT 2024-06-03 Procedure/lumpectomy",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-06-03 Procedure/lumpectomy",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("28-undated-therapy", "2024-12-31", "MedicationStatement without any date: the order of therapy and LRT cannot be told",
                        "SYSTEMIC_BEFORE_LRT NOT_EVALUABLE 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW NOT_EVALUABLE 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("29-new-lesion-before-the-act", "2024-12-31", "a liver metastasis after the de novo window and the therapy start, before the act: distant progression (a new lesion)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION DISCORDANT 2024-06-03 Procedure/lumpectomy Condition/met-liver",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy Condition/met-liver MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("30-modified-radical-mastectomy-cn0", "2024-12-31", "[fixed] modified radical mastectomy (CPT 19307) after cN0: it includes an axillary dissection, discordant (was not judged)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/mrm MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/mrm Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/mrm MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY CONCORDANT 2024-06-03 Procedure/mrm Condition/primary",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE DISCORDANT 2024-06-03 Procedure/mrm Observation/cn",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/mrm Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/mrm Procedure/board",
                        "breast surgeries 1, conserving 0"),
                row("30b-partial-mastectomy-with-axillary-lymphadenectomy-cn0", "2024-12-31", "[fixed] CPT 19302 partial mastectomy with axillary lymphadenectomy after cN0 (SNOMED observable 399534004): discordant (was not judged)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy-alnd MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy-alnd Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy-alnd MedicationStatement/letrozole Observation/status-distant",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE DISCORDANT 2024-06-03 Procedure/lumpectomy-alnd Observation/cn",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy-alnd Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy-alnd Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("30c-modified-radical-mastectomy-cn1", "2024-12-31", "[fixed] modified radical mastectomy SNOMED 406505007 + CPT 19307 after cN1: concordant (was not judged)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/mrm MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/mrm Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/mrm MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY CONCORDANT 2024-06-03 Procedure/mrm Condition/primary",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE CONCORDANT 2024-06-03 Procedure/mrm Observation/cn",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/mrm Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/mrm Procedure/board",
                        "breast surgeries 1, conserving 0"),
                row("31-radiotherapy-period-judged-on-its-start", "2024-12-31", "radiotherapy course of the breast as a performedPeriod starting one day short of 16 weeks: judged on its start",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-05-20 Procedure/rt-breast MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-05-20 Procedure/rt-breast Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-05-20 Procedure/rt-breast MedicationStatement/letrozole",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-05-20 Procedure/rt-breast Procedure/board"),
                row("32-undetermined-status-only", "2024-12-31", "only an undetermined status (709137006): no distant status",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2024-06-03 Procedure/lumpectomy",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("33-duplicate-primary-without-side-right-mastectomy", "2024-12-31", "[fixed] the primary twice (C50.912 left, and 254837009 without side), a right mastectomy: contralateral only (was also judged as LRT of the primary)",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY DISCORDANT 2024-06-03 Procedure/mastectomy-right Condition/primary"),
                row("33b-bilateral-mastectomy-primary-side-unknown", "2024-12-31", "[fixed] a bilateral mastectomy, the only primary without side: discordant alone (not evaluable fired as well)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy MedicationStatement/letrozole Observation/status-distant",
                        "NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY DISCORDANT 2024-06-03 Procedure/bilateral-mastectomy Condition/primary",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/bilateral-mastectomy Procedure/board",
                        "breast surgeries 1, conserving 0"),
                row("40-synthea-transaction-urn-references", "2024-12-31", "Synthea transaction with urn:uuid references, 385798007 radiotherapy with the primary as reason and no site (not judged), no review", problems(),
                patient("00000000-0000-0000-0000-000000000001",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/00000000-0000-0000-0000-000000000006 MedicationRequest/00000000-0000-0000-0000-000000000004",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/00000000-0000-0000-0000-000000000006 Observation/00000000-0000-0000-0000-000000000007",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/00000000-0000-0000-0000-000000000006 MedicationRequest/00000000-0000-0000-0000-000000000004 Observation/00000000-0000-0000-0000-000000000007",
                        "CLEAR_MARGINS NOT_EVALUABLE 2024-06-03 Procedure/00000000-0000-0000-0000-000000000006",
                        "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2024-06-03 Procedure/00000000-0000-0000-0000-000000000006",
                        "breast surgeries 1, conserving 1")),
                row("41-request-of-a-bundled-medication", "2024-12-31", "MedicationRequest (completed, authoredOn with an offset) of a bundled Medication coded as an RxNorm product (fulvestrant prefilled syringe)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationRequest/fulvestrant-rx",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationRequest/fulvestrant-rx Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("42-cn1-as-text-only", "2024-12-31", "cN1 written as text only (valueCodeableConcept.text, no coding): involved nodes",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/alnd Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/alnd MedicationStatement/letrozole Observation/status-distant",
                        "AXILLARY_DISSECTION_ONLY_NODE_POSITIVE CONCORDANT 2024-06-03 Procedure/alnd Observation/cn",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/alnd Procedure/board"),
                row("43-radiotherapy-before-metastasis-found", "2024-12-31", "radiotherapy of the breast before the metastasis was found: the guidance did not yet apply, nothing judged",
                        "out of scope NO_ACT"),
                row("44-status-focused-on-regional-node", "2024-12-31", "the only status focused on an ipsilateral axillary node record (C77.3) progressing: regional, no distant status",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION NOT_EVALUABLE 2024-06-03 Procedure/lumpectomy",
                        "LRT_AFTER_RESPONSE_WINDOW DISCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1"),
                row("45-tumour-board-before-this-cancer", "2024-12-31", "[fixed] the only tumour board in 2019, before this cancer: discussed an earlier disease, discordant (was concordant)",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION DISCORDANT 2024-06-03 Procedure/lumpectomy",
                        "breast surgeries 1, conserving 1"),
                row("46-lumpectomy-month-only", "2024-12-31", "lumpectomy with a month-only performedDateTime ('2024-06'): the first of the month",
                        "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-01 Procedure/lumpectomy MedicationStatement/letrozole",
                        "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-01 Procedure/lumpectomy Observation/status-distant",
                        "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-01 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                        "CLEAR_MARGINS CONCORDANT 2024-06-01 Procedure/lumpectomy Observation/margin",
                        "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-01 Procedure/lumpectomy Procedure/board",
                        "breast surgeries 1, conserving 1")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyPatientGetsTheCataloguesVerdicts(Row row) throws Exception {
        Path file = DIR.resolve(row.file() + ".json");
        Path asBundle = Files.createDirectories(tmp.resolve("bundle"));
        Files.copy(file, asBundle.resolve(file.getFileName()));
        Path asExport = tmp.resolve("ndjson");
        AuditTestSupport.writeNdjson(asExport, FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, Files.readString(file)));
        for (Path input : List.of(asBundle, asExport)) {
            try (AuditReport report = AuditTestSupport.audit(input, LocalDate.parse(row.asOf()))) {
                Map<String, List<String>> actual = new TreeMap<>();
                AuditTestSupport.patients(report).forEach((id, p) -> actual.put(id, lines(p)));
                assertThat(actual).as(row + " read as " + input.getFileName()).isEqualTo(row.patients());
                assertThat(report.problems()).as(row + ": input problems read as " + input.getFileName())
                        .extracting(p -> p.kind().name() + " " + p.patient()).containsExactlyInAnyOrderElementsOf(row.problems());
            }
        }
    }

    /**
     * A patient's result as lines: out of scope, "out of scope SCOPE"; audited, one line per criterion result
     * ("CODE VERDICT date ids", the code without its AUDIT_ prefix, "undated" for an undated act) and, when she had
     * breast surgery of the primary, "breast surgeries N, conserving M".
     */
    static List<String> lines(PatientResult p) {
        if (!p.audited()) return List.of("out of scope " + p.scope());
        List<String> lines = new ArrayList<>();
        for (CriterionResult c : p.criteria()) {
            lines.add(c.code().replaceFirst("^AUDIT_", "") + " " + c.verdict() + " " + (c.date() == null ? "undated" : c.date())
                    + " " + String.join(" ", c.resourceIds()));
        }
        if (p.breastSurgeries() > 0) lines.add("breast surgeries " + p.breastSurgeries() + ", conserving " + p.breastConserving());
        return lines;
    }
}

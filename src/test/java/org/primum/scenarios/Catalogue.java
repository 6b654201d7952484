package org.primum.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recommendation codes of sections A–E of {@code shared/guidance/catalogue.md}, written out here
 * so that a code missing from (or added to) {@code rules/} fails a test: the section, and the card
 * indicator where the catalogue gives one.
 */
final class Catalogue {
    private Catalogue() {
    }

    record Entry(String section, String indicator) {
    }

    static final Map<String, Entry> CODES = new LinkedHashMap<>();

    static {
        // A. Applicability (no card column in the catalogue)
        a("NOT_APPLICABLE_NO_METASTASIS", "NOT_APPLICABLE_RECURRENT", "NOT_APPLICABLE_PRIMARY_RESECTED", "NOT_APPLICABLE_DECEASED",
                "DATA_MISSING_RECEPTOR_STATUS", "DATA_MISSING_METASTATIC_SITES", "DATA_MISSING_RESPONSE_ASSESSMENT",
                "DATA_MISSING_THERAPY_START", "DATA_INVALID_RECORD");
        // B. Core pathway (card column)
        put("SYSTEMIC_THERAPY_FIRST", "B", "info");
        put("MULTIDISCIPLINARY_DISCUSSION", "B", "info");
        put("DEFER_LRT_UNTIL_RESPONSE", "B", "warning");
        put("LRT_NOT_FOR_SURVIVAL", "B", "info");
        put("NO_LRT_DISTANT_PROGRESSION", "B", "warning");
        put("NO_LRT_BOTH_CONTROLLED", "B", "info");
        put("LRT_OPTION_FOR_LOCAL_CONTROL", "B", "info");
        put("SURGERY_FOR_PROGRESSING_PRIMARY", "B", "warning");
        put("LRT_FOR_PALLIATION", "B", "warning");
        put("DISCLOSE_NO_SURVIVAL_BENEFIT", "B", "info");
        put("OFFER_CLINICAL_TRIAL", "B", "info");
        // C. Exceptions and subgroups
        put("OLIGOMETASTATIC_NED_EXCEPTION", "C", null);
        put("BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "C", null);
        put("TRIPLE_NEGATIVE_CAUTION", "C", null);
        put("POOR_PERFORMANCE_STATUS", "C", null);
        // D. How
        put("BREAST_CONSERVATION_PREFERRED", "D", null);
        put("PRIMARY_RADIOTHERAPY_ALTERNATIVE", "D", null);
        put("AIM_FOR_CLEAR_MARGINS", "D", null);
        put("AXILLA_BY_NODAL_STATUS", "D", null);
        put("RADIOTHERAPY_EVIDENCE_CONFLICTING", "D", null);
        put("SURGERY_AFTER_SYSTEMIC_THERAPY", "D", null);
        // E. Order checks (card column)
        put("CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE", "E", "critical");
        put("ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT", "E", "warning");
        put("ORDER_LRT_DURING_DISTANT_PROGRESSION", "E", "critical");
        put("ORDER_MASTECTOMY_CONSIDER_CONSERVATION", "E", "warning");
        put("ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE", "E", "warning");
    }

    /**
     * Codes whose firing case cannot be a scenario, with the test that shows each firing instead
     * ({@code class#method}): a scenario YAML is turned into valid FHIR by the builder, and DATA_INVALID_RECORD
     * needs invalid FHIR. Their non-firing side is still a scenario.
     */
    static final Map<String, String> FIRES_IN_TESTS = Map.of(
            "DATA_INVALID_RECORD", "org.primum.core.InvalidRecordTest#anMcodeRecordWhoseObservationsCarryTwoValuesGetsAnAnswerWithDataInvalidRecord");

    /** Section C's "LRT path": the rules that D, DISCLOSE and OFFER_CLINICAL_TRIAL build on (orders aside). */
    static final Set<String> LRT_PATHS = Set.of("LRT_OPTION_FOR_LOCAL_CONTROL", "SURGERY_FOR_PROGRESSING_PRIMARY",
            "LRT_FOR_PALLIATION", "OLIGOMETASTATIC_NED_EXCEPTION", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT");

    /** Where the catalogue names the other side, the rule must cite it (catalogue and evidence.md). */
    static final Map<String, List<String>> CONTRARY_SIDES = Map.of(
            "LRT_NOT_FOR_SURVIVAL", List.of("MF07-01-2018", "MF07-01-2021", "S003", "PETRELLI-2012"),
            "OLIGOMETASTATIC_NED_EXCEPTION", List.of("S002"),
            "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", List.of("REINHORN-2021", "S002"),
            "TRIPLE_NEGATIVE_CAUTION", List.of("REINHORN-2021"),
            "RADIOTHERAPY_EVIDENCE_CONFLICTING", List.of("S001", "S002"),
            "NO_LRT_BOTH_CONTROLLED", List.of("S004"),
            "DEFER_LRT_UNTIL_RESPONSE", List.of("MF07-01-2018"),
            "SURGERY_AFTER_SYSTEMIC_THERAPY", List.of("MF07-01-2018"));

    private static void a(String... codes) {
        for (String c : codes) put(c, "A", null);
    }

    private static void put(String code, String section, String indicator) {
        CODES.put(code, new Entry(section, indicator));
    }
}

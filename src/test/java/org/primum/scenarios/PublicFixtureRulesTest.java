package org.primum.scenarios;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule base on real upstream records (src/test/resources/fixtures/public, see SOURCES.md). */
class PublicFixtureRulesTest {

    private static Evaluation evaluate(String file, LocalDate asOf) throws IOException {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
                Files.readString(Path.of("src/test/resources/fixtures/public").resolve(file)));
        return Pipeline.viaFhir(bundle, asOf);
    }

    /**
     * Synthea 3.3.0 de novo stage IV (cT4 cN1 M1, stage 4, ER+ PR− HER2−, no metastatic site recorded,
     * paclitaxel from 1998-04-06). Three and a half weeks into chemotherapy.
     */
    @Test
    void syntheaStageFourEarlyOnPaclitaxel() throws IOException {
        Evaluation e = evaluate("synthea-3.3.0-breast-stage4-seed20240101.json", LocalDate.of(1998, 5, 1));
        assertThat(e.codes()).contains("SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL",
                "DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_METASTATIC_SITES");
        assertThat(e.codes()).doesNotContain("DATA_MISSING_RECEPTOR_STATUS", "DATA_MISSING_RESPONSE_ASSESSMENT",
                "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "TRIPLE_NEGATIVE_CAUTION", "NOT_APPLICABLE_NO_METASTASIS",
                "NOT_APPLICABLE_RECURRENT", "LRT_FOR_PALLIATION");
        Recommendation sites = e.recommendations().stream().filter(r -> r.code().equals("DATA_MISSING_METASTATIC_SITES")).findFirst().orElseThrow();
        assertThat(sites.because()).as("names the M1 staging").anySatisfy(b -> assertThat(b.resourceIds()).anyMatch(id -> id.startsWith("Observation/")));
        assertThat(e.missingData()).extracting(m -> m.code()).contains("DATA_MISSING_METASTATIC_SITES");
    }

    /** Same record eight weeks later, no response assessment yet but still inside the window. */
    @Test
    void syntheaStageFourStillDeferredAtTenWeeks() throws IOException {
        Evaluation e = evaluate("synthea-3.3.0-breast-stage4-seed20240101.json", LocalDate.of(1998, 6, 15));
        assertThat(e.codes()).contains("DEFER_LRT_UNTIL_RESPONSE").doesNotContain("DATA_MISSING_RESPONSE_ASSESSMENT");
    }

    /** mCODE's Jenny: left breast cancer cM0, treated with surgery: not metastatic, nothing else said. */
    @Test
    void jennyIsNotMetastatic() throws IOException {
        Evaluation e = evaluate("mcode-patient-bundle-jenny-m.json", LocalDate.of(2025, 1, 1));
        assertThat(e.codes()).containsExactly("NOT_APPLICABLE_NO_METASTASIS");
    }

    /** mCODE's John has lung cancer: no breast primary, so no breast-cancer recommendation at all. */
    @Test
    void johnGetsNoBreastCancerAdvice() throws IOException {
        Evaluation e = evaluate("mcode-john-anyperson-nsclc-brain-mets.json", LocalDate.of(2025, 1, 1));
        assertThat(e.codes()).isEmpty();
    }

    /** Synthea (mcode/pathways) triple-negative stage IIB: M0, not applicable, no triple-negative caution. */
    @Test
    void tripleNegativeStageTwoIsNotApplicable() throws IOException {
        Evaluation e = evaluate("mcode-pathways-synthea-triple-negative.json", LocalDate.of(2025, 1, 1));
        assertThat(e.codes()).containsExactly("NOT_APPLICABLE_NO_METASTASIS");
    }
}

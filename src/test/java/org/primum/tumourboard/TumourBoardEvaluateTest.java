package org.primum.tumourboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** {@code POST /tumour-board/evaluate} on real and built de novo records. */
@QuarkusTest
class TumourBoardEvaluateTest {

    static final String PATH = "/tumour-board/evaluate";

    static JsonPath evaluate(String contentType, String body, String asOf) {
        // bytes: FHIR JSON is UTF-8, and RestAssured would encode a String body of an unknown JSON type as ISO-8859-1
        var request = given().contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (asOf != null) request = request.queryParam("asOf", asOf);
        return request.post(PATH).then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("X-Request-Id", not(emptyOrNullString()))
                .extract().jsonPath();
    }

    @Test
    void builtDeNovoBundleEarlyOnTherapy() {
        JsonPath answer = evaluate("application/fhir+json", DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()), "2025-03-01");
        assertThat(answer.getString("asOf")).isEqualTo("2025-03-01");
        assertThat(answer.getString("knowledgeBaseVersion")).isNotBlank();
        List<String> codes = answer.getList("recommendations.code");
        assertThat(codes).contains("SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "DEFER_LRT_UNTIL_RESPONSE", "LRT_NOT_FOR_SURVIVAL")
                .doesNotContain("NOT_APPLICABLE_NO_METASTASIS", "DATA_MISSING_RECEPTOR_STATUS", "LRT_OPTION_FOR_LOCAL_CONTROL");

        // every recommendation carries its evidence and why it fired, down to the FHIR resources
        Map<String, Object> first = answer.getMap("recommendations.find { it.code == 'SYSTEMIC_THERAPY_FIRST' }");
        assertThat(first).containsKeys("title", "statement", "indicator", "evidenceLevel", "citations", "because", "rule");
        List<Map<String, Object>> citations = answer.getList("recommendations.find { it.code == 'SYSTEMIC_THERAPY_FIRST' }.citations");
        assertThat(citations).isNotEmpty().allSatisfy(c -> assertThat(c).containsOnlyKeys("id", "side"));
        // each cited passage once, by id, each source once, by source id, with its full content
        Map<String, Map<String, Object>> passages = answer.getMap("citations");
        Map<String, Map<String, Object>> sources = answer.getMap("sources");
        List<String> allCited = answer.getList("recommendations.citations.flatten().id");
        assertThat(passages.keySet()).containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(allCited));
        assertThat(passages.values()).allSatisfy(c -> {
            assertThat(c).containsKeys("sourceId", "section", "figure");
            assertThat(sources).containsKey((String) c.get("sourceId"));
        });
        assertThat(sources.values()).allSatisfy(s -> assertThat(s).containsKey("reference"));
        assertThat(sources).hasSize(new java.util.HashSet<>(passages.values().stream().map(c -> c.get("sourceId")).toList()).size());
        List<String> becauseIds = answer.getList("recommendations.find { it.code == 'SYSTEMIC_THERAPY_FIRST' }.because.resourceIds.flatten()");
        assertThat(becauseIds).contains("Condition/t-primary");

        // the facts as understood: the primary, the bone metastasis, the therapy, with their resources and fields
        List<String> factTypes = answer.getList("patient.type");
        assertThat(factTypes).contains("PrimaryTumour", "Metastasis", "Presentation", "TumourSubtype", "TherapyExposure");
        assertThat(answer.getList("patient.find { it.type == 'Metastasis' }.resourceIds", String.class)).containsExactly("Condition/t-bone");
        assertThat(answer.getString("patient.find { it.type == 'Metastasis' }.fields.site")).isEqualTo("bone");
        assertThat(answer.getString("patient.find { it.type == 'PrimaryTumour' }.fields.diagnosed")).isEqualTo("2025-01-10");
        assertThat(answer.getList("missingData")).isNotNull();
        assertThat(answer.getList("unrecognisedCodes")).isNotNull();
        assertThat(answer.getList("notes")).isNotNull();
    }

    @Test
    void recommendationsComeMostUrgentFirst() {
        JsonPath answer = evaluate("application/fhir+json", DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()), "2025-03-01");
        List<String> indicators = answer.getList("recommendations.indicator");
        List<String> order = List.of("critical", "warning", "info");
        for (int i = 1; i < indicators.size(); i++) {
            assertThat(order.indexOf(indicators.get(i))).as("indicator %d", i).isGreaterThanOrEqualTo(order.indexOf(indicators.get(i - 1)));
        }
        assertThat(indicators.get(0)).isEqualTo("warning");
    }

    @Test
    void asOfMovesTheAnswer() {
        String body = DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly());
        // before the diagnosis nothing is known of the cancer
        assertThat(evaluate("application/fhir+json", body, "2024-12-01").getList("recommendations.code", String.class))
                .doesNotContain("SYSTEMIC_THERAPY_FIRST");
        // 2025-03-01: four weeks of letrozole; 2025-09-01: 30 weeks, no response assessment recorded
        assertThat(evaluate("application/fhir+json", body, "2025-03-01").getList("recommendations.code", String.class))
                .contains("DEFER_LRT_UNTIL_RESPONSE").doesNotContain("DATA_MISSING_RESPONSE_ASSESSMENT");
        assertThat(evaluate("application/fhir+json", body, "2025-09-01").getList("recommendations.code", String.class))
                .contains("DATA_MISSING_RESPONSE_ASSESSMENT").doesNotContain("DEFER_LRT_UNTIL_RESPONSE");
    }

    @Test
    void asOfDefaultsToToday() {
        JsonPath answer = evaluate("application/fhir+json", DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()), null);
        assertThat(answer.getString("asOf")).isEqualTo(java.time.LocalDate.now().toString());
    }

    @Test
    void plainJsonMediaTypeAndFhirVersion40AreAccepted() {
        String body = DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly());
        assertThat(evaluate("application/json", body, "2025-03-01").getList("recommendations.code", String.class)).contains("SYSTEMIC_THERAPY_FIRST");
        assertThat(evaluate("application/fhir+json; fhirVersion=4.0", body, "2025-03-01").getList("recommendations.code", String.class))
                .contains("SYSTEMIC_THERAPY_FIRST");
    }

    @Test
    void unknownElementsAreToleratedAndSaid() {
        String body = DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()).replace("\"gender\":\"female\"", "\"gender\":\"female\",\"hobby\":\"chess\"");
        JsonPath answer = evaluate("application/fhir+json", body, "2025-03-01");
        assertThat(answer.getList("notes.text", String.class)).anySatisfy(t -> assertThat(t).contains("hobby"));
        assertThat(answer.getList("recommendations.code", String.class)).contains("SYSTEMIC_THERAPY_FIRST");
    }

    /** The realistic 31-resource record of the benchmark: 21 weeks on therapy, distant disease responding, primary stable. */
    @Test
    void realisticDeNovoRecordAfterTheResponseWindow() {
        JsonPath answer = evaluate("application/fhir+json", DeNovoBundles.fixture("/bench/denovo-metastatic-bundle.json"), "2025-07-01");
        List<String> codes = answer.getList("recommendations.code");
        assertThat(codes).contains("SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL",
                        "LRT_OPTION_FOR_LOCAL_CONTROL", "DISCLOSE_NO_SURVIVAL_BENEFIT")
                .doesNotContain("DEFER_LRT_UNTIL_RESPONSE", "NO_LRT_DISTANT_PROGRESSION", "DATA_MISSING_RECEPTOR_STATUS");
        assertThat(answer.getList("recommendations.find { it.code == 'LRT_OPTION_FOR_LOCAL_CONTROL' }.because.resourceIds.flatten()", String.class))
                .contains("Observation/bench-status-distant", "MedicationRequest/bench-mr-letrozole");
        assertThat(answer.getString("patient.find { it.type == 'TumourSubtype' }.description")).containsIgnoringCase("HR");
    }

    /** Synthea 3.3.0 stage IV (public fixture): de novo, metastatic site never recorded. */
    @Test
    void syntheaStageFourFixture() {
        JsonPath answer = evaluate("application/fhir+json",
                DeNovoBundles.fixture("/fixtures/public/synthea-3.3.0-breast-stage4-seed20240101.json"), "1998-05-15");
        assertThat(answer.getList("recommendations.code", String.class))
                .contains("SYSTEMIC_THERAPY_FIRST", "DATA_MISSING_METASTATIC_SITES")
                .doesNotContain("NOT_APPLICABLE_NO_METASTASIS", "DATA_MISSING_RECEPTOR_STATUS");
        assertThat(answer.getList("missingData.code", String.class)).contains("DATA_MISSING_METASTATIC_SITES");
    }

    /** mCODE STU4 Jenny M: cM0, not metastatic. */
    @Test
    void nonMetastaticFixtureIsNotApplicable() {
        JsonPath answer = evaluate("application/fhir+json", DeNovoBundles.fixture("/fixtures/public/mcode-patient-bundle-jenny-m.json"), null);
        assertThat(answer.getList("recommendations.code", String.class)).contains("NOT_APPLICABLE_NO_METASTASIS")
                .doesNotContain("SYSTEMIC_THERAPY_FIRST");
    }
}

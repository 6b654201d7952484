package org.primum.tumourboard;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator overrides thresholds (primum.thresholds.*): the rules decide with the new numbers, and
 * every text that quotes a number follows, in GET /rules, the answers and the CDS Hooks discovery.
 */
@QuarkusTest
@TestProfile(ThresholdOverridesTest.Wider.class)
class ThresholdOverridesTest {

    public static class Wider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("primum.thresholds.response-window-min-weeks", "20",
                    "primum.thresholds.response-window-max-weeks", "36",
                    "primum.thresholds.de-novo-window-days", "120");
        }
    }

    @Test
    void theRuleTextsQuoteTheOverriddenNumbers() {
        JsonPath kb = given().get("/rules").then().statusCode(200).extract().jsonPath();
        assertThat(kb.getString("rules.find { it.code == 'DEFER_LRT_UNTIL_RESPONSE' }.title"))
                .isEqualTo("Do not operate up front: reassess after 20–36 weeks of systemic therapy");
        assertThat(kb.getString("rules.find { it.code == 'ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT' }.statement"))
                .endsWith("reassess after 20–36 weeks of systemic therapy.");
        List<String> texts = new ArrayList<>(kb.getList("rules.title"));
        texts.addAll(kb.getList("rules.statement"));
        assertThat(texts).noneMatch(t -> t.contains("16–32"));
        given().get("/rules/DEFER_LRT_UNTIL_RESPONSE").then().statusCode(200)
                .body("statement", org.hamcrest.Matchers.containsString("after 20–36 weeks"));
    }

    @Test
    void theDiscoveryQuotesTheOverriddenDeNovoWindow() {
        JsonPath doc = given().get("/cds-services").then().statusCode(200).extract().jsonPath();
        List<String> usage = doc.getList("services.usageRequirements");
        assertThat(usage).hasSize(3).allSatisfy(u -> assertThat(u)
                .contains("within 120 days of the primary diagnosis").doesNotContain("90 days"));
    }

    /** 19 weeks of letrozole: inside the overridden window (20), past the catalogue's: the decision and its text agree. */
    @Test
    void theAnswerDecidesWithTheNumbersItsTextsQuote() {
        JsonPath answer = TumourBoardEvaluateTest.evaluate("application/fhir+json", DeNovoBundles.json(DeNovoBundles.deNovoBoneOnly()), "2025-06-15");
        assertThat(answer.getInt("thresholds.responseWindowMinWeeks")).isEqualTo(20);
        assertThat(answer.getInt("thresholds.responseWindowMaxWeeks")).isEqualTo(36);
        assertThat(answer.getInt("thresholds.deNovoWindowDays")).isEqualTo(120);
        List<String> codes = answer.getList("recommendations.code");
        assertThat(codes).contains("DEFER_LRT_UNTIL_RESPONSE").doesNotContain("DATA_MISSING_RESPONSE_ASSESSMENT");
        assertThat(answer.getString("recommendations.find { it.code == 'DEFER_LRT_UNTIL_RESPONSE' }.title")).contains("after 20–36 weeks");
    }
}

package org.primum.tumourboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** {@code GET /rules}: the knowledge base as loaded from rules/, with resolved citations. */
@QuarkusTest
class RulesEndpointTest {

    @Test
    void listsEveryRuleOfTheRulesFolderWithItsCitations() throws Exception {
        JsonPath kb = given().get("/rules").then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();
        assertThat(kb.getString("version")).isNotBlank();
        List<Map<String, Object>> rules = kb.getList("rules");

        // as many rules as the DRL files declare, but the audit's verdict rules (audit.drl, catalogue F): they
        // are no recommendations, and /rules lists the recommendations
        Pattern rule = Pattern.compile("^\\s*rule\\s+\"", Pattern.MULTILINE);
        long declared = 0;
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl") && !p.endsWith("audit.drl")).toList()) {
                declared += rule.matcher(Files.readString(f)).results().count();
            }
        }
        assertThat(rules).hasSize((int) declared);
        assertThat(rules).allSatisfy(r -> {
            assertThat(r).containsKeys("code", "section", "title", "statement", "indicator", "evidenceLevel", "lrtPath", "citations", "rule", "file");
            assertThat((String) r.get("file")).endsWith(".drl");
        });
        List<Map<String, Object>> citations = kb.getList("rules.find { it.code == 'LRT_NOT_FOR_SURVIVAL' }.citations");
        assertThat(citations).isNotEmpty().allSatisfy(c -> assertThat(c).containsKeys("sourceId", "reference", "side"));
        assertThat(citations).extracting(c -> c.get("side")).contains("supporting", "contrary");
    }

    @Test
    void oneRuleByCode() {
        given().get("/rules/SYSTEMIC_THERAPY_FIRST").then().statusCode(200)
                .body("code", equalTo("SYSTEMIC_THERAPY_FIRST"))
                .body("section", equalTo("B"))
                .body("citations.size()", greaterThan(0))
                .body("citations[0].reference", not(emptyOrNullString()));
    }

    @Test
    void unknownCodeIs404OperationOutcome() {
        given().get("/rules/NO_SUCH_CODE").then().statusCode(404)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"))
                .body("issue[0].diagnostics", containsString("NO_SUCH_CODE"));
    }
}

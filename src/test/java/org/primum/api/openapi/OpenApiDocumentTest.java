package org.primum.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primum.api.PathTemplate;
import org.primum.cdshooks.TestJwt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every public endpoint: a summary, its success answer, the OperationOutcome errors
 * (with an example each), a request example wherever a body is read; and the examples it gives are requests the
 * service answers.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOCUMENTED_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    /** The public endpoints: method and a concrete path (the Allow test's table covers every route the service has). */
    private static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("/tumour-board/evaluate", List.of("POST")),
            Map.entry("/tumour-board/report", List.of("POST")),
            Map.entry("/tumour-board/report/0123456789abcdef", List.of("GET")),
            Map.entry("/rules", List.of("GET")),
            Map.entry("/rules/SYSTEMIC_THERAPY_FIRST", List.of("GET")),
            Map.entry("/cds-services", List.of("GET")),
            Map.entry("/cds-services/dnmbc-lrt-patient-view", List.of("POST")),
            Map.entry("/cds-services/dnmbc-lrt-patient-view/feedback", List.of("POST")),
            Map.entry("/cds-services/feedback/summary", List.of("GET")),
            Map.entry("/audit", List.of("POST")),
            Map.entry("/audit/decisions", List.of("GET")),
            Map.entry("/audit/replay", List.of("POST")),
            Map.entry("/audit/feedback", List.of("GET")),
            Map.entry("/audit/jobs/0b6c2f1e-1111-4222-8333-444455556666", List.of("GET", "DELETE")));

    private static JsonNode document;

    /** Per test: {@code @BeforeAll} would run before the application has started. */
    @BeforeEach
    void fetch() throws IOException {
        if (document != null) return;
        Response r = given().queryParam("format", "json").get("/q/openapi");
        assertThat(r.statusCode()).isEqualTo(200);
        document = JSON.readTree(r.asString());
    }

    @Test
    void everyPublicEndpointIsDescribedWithItsErrors() {
        ENDPOINTS.forEach((path, methods) -> {
            JsonNode item = pathItem(path);
            for (String method : methods) {
                JsonNode op = item.path(method.toLowerCase(Locale.ROOT));
                String name = method + " " + path;
                assertThat(op.isObject()).as(name + " is described").isTrue();
                assertThat(op.path("summary").asText()).as(name + " summary").isNotBlank();
                assertThat(op.path("tags").size()).as(name + " tag").isPositive();
                JsonNode responses = op.path("responses");
                assertThat(fieldNames(responses)).as(name + " responses").anyMatch(s -> s.startsWith("2")).contains("405", "500");
                if (op.has("requestBody")) {
                    assertThat(fieldNames(responses)).as(name + " body errors").contains("400", "413", "415");
                    assertThat(hasExample(resolve(op.path("requestBody")))).as(name + " request example").isTrue();
                }
                for (String status : fieldNames(responses)) {
                    if (status.startsWith("4") || (status.equals("500") && !path.startsWith("/audit/jobs"))) {
                        isOperationOutcome(name + " " + status, resolve(responses.path(status)));
                    }
                }
            }
        });
    }

    @Test
    void theDocumentDescribesNoPathTheServiceDoesNotHave() {
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            if (template.startsWith("/test-api")) continue;
            assertThat(ENDPOINTS.keySet()).as(template).anyMatch(p -> PathTemplate.of(template, "").matches(p));
        }
    }

    @Test
    void theExamplesAreRequestsTheServiceAnswers() {
        JsonNode examples = document.path("components").path("examples");
        Response tb = given().contentType("application/fhir+json").body(examples.path("Bundle").path("value").toString())
                .post("/tumour-board/evaluate");
        assertThat(tb.statusCode()).as(tb.asString()).isEqualTo(200);
        assertThat(tb.jsonPath().getList("recommendations.code")).contains("SYSTEMIC_THERAPY_FIRST");

        Response hook = signed("/cds-services/dnmbc-lrt-patient-view").body(examples.path("PatientViewRequest").path("value").toString())
                .post("/cds-services/dnmbc-lrt-patient-view");
        assertThat(hook.statusCode()).as(hook.asString()).isEqualTo(200);
        assertThat(hook.jsonPath().getList("cards")).isNotEmpty();

        // feedback is taken only on a card this service issued to the caller: the example's card id is illustrative,
        // so the card just issued stands in for it
        String example = examples.path("Feedback").path("value").toString();
        String exampleCard = examples.path("Feedback").path("value").path("feedback").path(0).path("card").asText();
        assertThat(exampleCard).isNotBlank();
        String issued = hook.jsonPath().getString("cards[0].uuid");
        Response feedback = signed("/cds-services/dnmbc-lrt-patient-view/feedback").body(example.replace(exampleCard, issued))
                .post("/cds-services/dnmbc-lrt-patient-view/feedback");
        assertThat(feedback.statusCode()).as(feedback.asString()).isEqualTo(200);
        Response foreign = signed("/cds-services/dnmbc-lrt-patient-view/feedback").body(example)
                .post("/cds-services/dnmbc-lrt-patient-view/feedback");
        assertThat(foreign.statusCode()).as("the example's own card id was never issued").isEqualTo(404);

        Response replay = given().contentType("application/json").body(examples.path("ReplayQuery").path("value").toString())
                .post("/audit/replay");
        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(200);
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(given().get("/q/swagger-ui/").statusCode()).isEqualTo(200);
    }

    private static io.restassured.specification.RequestSpecification signed(String path) {
        return given().header("Authorization", TestJwt.shared().token("http://localhost:" + RestAssured.port + path).header())
                .contentType("application/json");
    }

    private static JsonNode pathItem(String concretePath) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (PathTemplate.of(e.getKey(), "").matches(concretePath)) return e.getValue();
        }
        throw new AssertionError("no path of the OpenAPI document matches " + concretePath);
    }

    /** An error answer: an OperationOutcome in application/fhir+json, with an example. */
    private static void isOperationOutcome(String what, JsonNode response) {
        assertThat(response.path("description").asText()).as(what + " description").isNotBlank();
        JsonNode fhir = response.path("content").path("application/fhir+json");
        assertThat(fhir.isObject()).as(what + " as application/fhir+json").isTrue();
        JsonNode schema = resolve(fhir.path("schema"));
        assertThat(schema.path("properties").path("resourceType").path("const").asText()).as(what + " schema").isEqualTo("OperationOutcome");
        if (fhir.has("example")) {
            assertThat(fhir.path("example").path("resourceType").asText()).as(what + " example").isEqualTo("OperationOutcome");
            assertThat(fhir.path("example").path("issue").path(0).path("code").asText()).as(what + " example issue").isNotBlank();
        } else {
            assertThat(what).as("only the job's own failure (its reason) has no example").endsWith("500");
        }
    }

    private static boolean hasExample(JsonNode body) {
        for (JsonNode media : body.path("content")) {
            if (media.has("example") || media.path("examples").size() > 0) return true;
        }
        return false;
    }

    /** A {@code $ref} to the document's components followed (one level: the components here hold no further refs). */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) return node;
        assertThat(ref).startsWith("#/");
        JsonNode target = document.at(ref.substring(1));
        assertThat(target.isMissingNode()).as(ref + " resolves").isFalse();
        return target;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

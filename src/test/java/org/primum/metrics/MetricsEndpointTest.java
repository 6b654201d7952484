package org.primum.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.primum.cdshooks.CdsServiceCatalog;
import org.primum.cdshooks.TestJwt;
import org.primum.cdshooks.TestPatient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /q/metrics} after real calls: the request counters and the latency histogram move under the endpoint and
 * outcome of each call, the recommendations of the answer under their codes, and the knowledge base's version is
 * there. The counters are recorded when the response has ended, which the client may see first: each check waits
 * (briefly) for the scrape to show it.
 */
@QuarkusTest
class MetricsEndpointTest {

    private static final String EVALUATIONS = "primum_evaluations_total";
    private static final String FIRED = "primum_recommendations_fired_total";
    private static final String PATIENT_VIEW = "/cds-services/" + CdsServiceCatalog.PATIENT_VIEW;

    @Test
    void aTumourBoardCallCountsItsOutcomeLatencyAndRecommendations() throws Exception {
        Scrape before = Scrape.read();
        Response r = given().contentType("application/fhir+json")
                .body(Files.readAllBytes(Path.of("src/test/resources/bench/denovo-metastatic-bundle.json")))
                .post("/tumour-board/evaluate?asOf=2025-07-01");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        List<String> codes = r.jsonPath().getList("recommendations.code");
        assertThat(codes).isNotEmpty();

        Scrape after = awaitScrape(s -> moved(before, s, EVALUATIONS, 1, "endpoint", "tumour-board", "outcome", "ok"));
        assertThat(moved(before, after, "primum_evaluation_duration_seconds_count", 1, "endpoint", "tumour-board")).isTrue();
        assertThat(moved(before, after, "primum_evaluation_duration_seconds_bucket", 1, "endpoint", "tumour-board", "le", "+Inf")).isTrue();
        assertThat(after.exists("primum_evaluation_duration_seconds_bucket", "endpoint", "tumour-board", "le", "0.005")).isTrue();
        for (String code : codes) {
            assertThat(moved(before, after, FIRED, 1, "code", code)).as(code).isTrue();
        }
        // a code of the knowledge base not in this answer is there, and did not move
        String other = after.samples.stream().filter(s -> s.name().equals(FIRED)).map(s -> s.labels().get("code"))
                .filter(c -> !codes.contains(c)).findFirst().orElseThrow();
        assertThat(moved(before, after, FIRED, 0, "code", other)).as(other).isTrue();
    }

    @Test
    void aPatientViewCallCountsUnderItsHook() {
        Scrape before = Scrape.read();
        TestPatient p = TestPatient.deNovo("metrics-pv", 50).letrozole(6);
        Response r = given().header("Authorization", TestJwt.shared().token(url(PATIENT_VIEW)).header())
                .contentType("application/json").body(p.request("patient-view", p.prefetchAll(), List.of()).toString())
                .post(PATIENT_VIEW);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);

        Scrape after = awaitScrape(s -> moved(before, s, EVALUATIONS, 1, "endpoint", "patient-view", "outcome", "ok"));
        assertThat(moved(before, after, "primum_evaluation_duration_seconds_count", 1, "endpoint", "patient-view")).isTrue();
        assertThat(moved(before, after, FIRED, 1, "code", "SYSTEMIC_THERAPY_FIRST")).isTrue();
        assertThat(moved(before, after, EVALUATIONS, 0, "endpoint", "tumour-board", "outcome", "ok")).isTrue();
    }

    @Test
    void refusalsAndClientErrorsCountAsSuch() {
        Scrape before = Scrape.read();
        given().contentType("application/json").body("{}").post(PATIENT_VIEW).then().statusCode(401);
        given().contentType("text/plain").body("not FHIR").post("/tumour-board/evaluate").then().statusCode(415);
        Scrape after = awaitScrape(s -> moved(before, s, EVALUATIONS, 1, "endpoint", "patient-view", "outcome", "refused")
                && moved(before, s, EVALUATIONS, 1, "endpoint", "tumour-board", "outcome", "client_error"));
        assertThat(moved(before, after, EVALUATIONS, 0, "endpoint", "patient-view", "outcome", "ok")).isTrue();
    }

    @Test
    void theAuditUploadRouteIsMeasuredThoughOutsideTheRestLayer() {
        Scrape before = Scrape.read();
        given().contentType("text/csv").body("id,name\n").post("/audit").then().statusCode(415);
        awaitScrape(s -> moved(before, s, EVALUATIONS, 1, "endpoint", "audit", "outcome", "client_error"));
    }

    @Test
    void theKnowledgeBaseVersionIsAnInfoGauge() {
        String version = given().get("/rules").then().statusCode(200).extract().jsonPath().getString("version");
        Scrape scrape = Scrape.read();
        assertThat(scrape.value("primum_knowledge_base_info", "version", version)).isEqualTo(1.0);
        assertThat(scrape.samples.stream().filter(s -> s.name().equals("primum_knowledge_base_info"))).hasSize(1);
    }

    /** Whether the sample moved by exactly {@code delta} between the two scrapes. */
    private static boolean moved(Scrape before, Scrape after, String name, double delta, String... labels) {
        return after.exists(name, labels) && after.value(name, labels) - before.value(name, labels) == delta;
    }

    private static Scrape awaitScrape(Predicate<Scrape> shows) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Scrape scrape = Scrape.read();
        while (!shows.test(scrape) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            scrape = Scrape.read();
        }
        assertThat(shows.test(scrape)).as("the metrics show the call").isTrue();
        return scrape;
    }

    private static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }
}

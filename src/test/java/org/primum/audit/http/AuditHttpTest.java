package org.primum.audit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.primum.audit.log.DecisionLog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit HTTP API in the running service (H2, the engine replaced by {@link FakeAuditRunner}):
 * {@code POST /audit} kick-off, status, result, cancel; the decision log listed and replayed after a
 * tumour-board evaluation; the feedback rates.
 */
@QuarkusTest
class AuditHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DecisionLog decisionLog;

    @AfterEach
    void release() {
        FakeAuditRunner.hold = false;
    }

    /** NDJSON over the 5 MB limit of the evaluate endpoints: two patients' resources, interleaved, padded. */
    private static byte[] cohort() {
        StringBuilder ndjson = new StringBuilder();
        String pad = "x".repeat(1000);
        for (int i = 0; i < 6000; i++) {
            String patient = i % 2 == 0 ? "p1" : "p2";
            ndjson.append("{\"resourceType\":\"Observation\",\"id\":\"o").append(i).append("\",\"subject\":{\"reference\":\"Patient/")
                    .append(patient).append("\"},\"note\":[{\"text\":\"").append(pad).append("\"}]}\n");
        }
        ndjson.append("{\"resourceType\":\"Patient\",\"id\":\"p1\"}\n{\"resourceType\":\"Patient\",\"id\":\"p2\"}\n");
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String kickOff(byte[] body, String contentType) {
        Response r = given().contentType(contentType).body(body).post("/audit?asOf=2025-07-01");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        String location = r.header("Content-Location");
        assertThat(location).matches("http://[^/]+/audit/jobs/[0-9a-f-]{36}");
        return location.substring(location.indexOf("/audit/jobs/"));
    }

    private static Response awaitDone(String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Response r = given().get(status);
            if (r.statusCode() != 202) return r;
            assertThat(r.header("X-Progress")).isNotBlank();
            Thread.sleep(50);
        }
        throw new AssertionError("job not done: " + status);
    }

    @Test
    void ndjsonOverTheEvaluateLimitRoundTripsThroughTheStatusUrl() throws Exception {
        byte[] body = cohort();
        assertThat(body.length).isGreaterThan(5 * 1024 * 1024);
        String status = kickOff(body, "application/fhir+ndjson");
        Response done = awaitDone(status);
        assertThat(done.statusCode()).as(done.asString()).isEqualTo(200);
        JsonNode result = JSON.readTree(done.asString());
        assertThat(result.path("patients").findValuesAsText("patient")).containsExactly("Patient/p1", "Patient/p2");
        assertThat(result.path("knowledgeBaseVersion").asText()).isEqualTo("fake-2025-07-01");
        assertThat(result.has("feedback")).isTrue();
        assertThat(FakeAuditRunner.lastInput.getFileName().toString()).endsWith(".ndjson");

        assertThat(given().delete(status).statusCode()).isEqualTo(202);
        assertThat(given().get(status).statusCode()).isEqualTo(404);
    }

    /** A gzipped upload is decoded to disk (the limit on the decoded bytes) and audited as the same NDJSON sent plain. */
    @Test
    void aGzippedUploadRoundTrips() throws Exception {
        byte[] body = cohort();
        byte[] gzipped = gzip(body);
        Response r = given().contentType("application/fhir+ndjson").header("Content-Encoding", "gzip").body(gzipped).post("/audit?asOf=2025-07-01");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        String location = r.header("Content-Location");
        Response done = awaitDone(location.substring(location.indexOf("/audit/jobs/")));
        assertThat(done.statusCode()).as(done.asString()).isEqualTo(200);
        assertThat(JSON.readTree(done.asString()).path("patients").findValuesAsText("patient")).containsExactly("Patient/p1", "Patient/p2");
        // the audit read the decoded NDJSON, and the received gzip is gone
        assertThat(FakeAuditRunner.lastInput.getFileName().toString()).endsWith(".ndjson");
        try (var left = Files.list(FakeAuditRunner.lastInput.getParent())) {
            assertThat(left.map(Path::toString)).noneMatch(name -> name.endsWith(".gz"));
        }
    }

    @Test
    void aGzippedUploadThatIsNotGzipIs400() {
        Response r = given().contentType("application/fhir+ndjson").header("Content-Encoding", "gzip")
                .body("{\"resourceType\":\"Patient\",\"id\":\"p1\"}\n".getBytes(StandardCharsets.UTF_8)).post("/audit");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.asString()).contains("OperationOutcome").contains("gzip");
    }

    private static byte[] gzip(byte[] plain) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    @Test
    void aBundleIsAcceptedToo() throws Exception {
        byte[] bundle = Files.readAllBytes(Path.of("src/test/resources/bench/denovo-metastatic-bundle.json"));
        Response done = awaitDone(kickOff(bundle, "application/fhir+json"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(done.asString()).path("patients").findValuesAsText("patient")).contains("Patient/bench-p1");
    }

    @Test
    void aRunningJobAnswers202WithProgressAndDeleteCancelsIt() throws Exception {
        FakeAuditRunner.hold = true;
        String status = kickOff(cohort(), "application/x-ndjson");
        Response running = given().get(status);
        assertThat(running.statusCode()).isEqualTo(202);
        assertThat(running.header("X-Progress")).isNotBlank();
        assertThat(given().delete(status).statusCode()).isEqualTo(202);
        assertThat(given().get(status).statusCode()).isEqualTo(404);
        assertThat(given().delete(status).statusCode()).isEqualTo(404);
    }

    @Test
    void badKickOffsAreOperationOutcomes() {
        Response text = given().contentType("text/plain").body("hello".getBytes(StandardCharsets.UTF_8)).post("/audit");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.asString()).contains("OperationOutcome");
        Response date = given().contentType("application/fhir+ndjson").body("{}\n".getBytes(StandardCharsets.UTF_8)).post("/audit?asOf=2025-02-30");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.asString()).contains("asOf");
        Response empty = given().contentType("application/fhir+ndjson").body(new byte[0]).post("/audit");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(given().get("/audit/jobs/no-such-job").statusCode()).isEqualTo(404);
    }

    @Test
    void tumourBoardEvaluationsAreListedByPatientAndReplayed() throws Exception {
        byte[] bundle = Files.readAllBytes(Path.of("src/test/resources/bench/denovo-metastatic-bundle.json"));
        Response evaluated = given().contentType("application/fhir+json").body(bundle).post("/tumour-board/evaluate?asOf=2025-07-01");
        assertThat(evaluated.statusCode()).isEqualTo(200);
        assertThat(decisionLog.flush(Duration.ofSeconds(30))).isTrue();

        Response listed = given().queryParam("patient", "bench-p1").queryParam("from", "2020-01-01").get("/audit/decisions");
        assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(200);
        assertThat(listed.asString()).doesNotContain("bench-p1");
        JsonNode decisions = JSON.readTree(listed.asString()).path("decisions");
        assertThat(decisions.size()).isGreaterThanOrEqualTo(1);
        JsonNode last = decisions.get(decisions.size() - 1);
        assertThat(last.path("origin").asText()).isEqualTo("tumour-board");
        assertThat(last.path("asOf").asText()).isEqualTo("2025-07-01");
        assertThat(last.path("facts").path("primaries").isArray()).isTrue();
        assertThat(JSON.convertValue(last.path("codes"), java.util.List.class))
                .isEqualTo(JSON.convertValue(JSON.readTree(evaluated.asString()).path("recommendations").findValuesAsText("code"), java.util.List.class));

        Response replay = given().contentType("application/json").body("{\"ids\":[" + last.path("id").asLong() + "]}").post("/audit/replay");
        assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(200);
        JsonNode report = JSON.readTree(replay.asString());
        assertThat(report.path("replayed").asInt()).isEqualTo(1);
        assertThat(report.path("unchanged").asInt()).isEqualTo(1);
        assertThat(report.path("changed")).isEmpty();

        assertThat(given().queryParam("from", "yesterday").get("/audit/decisions").statusCode()).isEqualTo(400);
        assertThat(given().queryParam("patient", "nobody").get("/audit/decisions").asString()).isEqualTo("{\"decisions\":[]}");
    }

    @Test
    void feedbackRatesAreServed() throws Exception {
        Response r = given().get("/audit/feedback");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.asString()).path("rates").isArray()).isTrue();
    }
}

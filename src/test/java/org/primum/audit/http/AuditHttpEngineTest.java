package org.primum.audit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.AuditEngine;
import org.primum.audit.AuditHttpEngineSupport;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.AuditOutputs;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.ProgressListener;
import org.primum.core.Pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /audit} through the service's own engine (not the test double the other HTTP tests use): the
 * upload is streamed to disk, audited, and the answer at the status URL is the one the engine gives for the
 * same file run directly, byte for byte in content (the service's audit is the command's audit).
 */
@QuarkusTest
@TestProfile(RealAuditEngine.class)
class AuditHttpEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.parse("2025-12-31");

    @TempDir
    Path tmp;

    @Test
    void anNdjsonCohortIsAuditedByTheServiceAsByTheEngine() throws Exception {
        byte[] body = AuditHttpEngineSupport.ndjson("up-front-mastectomy-discordant.yaml",
                "lumpectomy-after-response-window-concordant.yaml", "recurrent-disease-out-of-scope.yaml");

        Response kickOff = given().contentType("application/fhir+ndjson").body(body).post("/audit?asOf=" + AS_OF);
        assertThat(kickOff.statusCode()).as(kickOff.asString()).isEqualTo(202);
        String location = kickOff.header("Content-Location");
        String status = location.substring(location.indexOf("/audit/jobs/"));
        Response done = awaitDone(status);
        assertThat(done.statusCode()).as(done.asString()).isEqualTo(200);
        JsonNode answer = JSON.readTree(done.asString());

        // the upload is kept as <job id>.ndjson: input problems name that file (the job the client holds)
        Path file = tmp.resolve(status.substring(status.lastIndexOf('/') + 1) + ".ndjson");
        Files.write(file, body);
        AuditEngine engine = new AuditEngine(Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build());
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        try (AuditReport report = engine.run(AuditInput.of(file), AuditOptions.defaults(AS_OF), ProgressListener.NONE, () -> false)) {
            AuditOutputs.writeJson(report, direct);
        }
        JsonNode expected = JSON.readTree(direct.toByteArray());

        // the service adds the CDS Hooks feedback rates to the engine's answer (issue 12: the other half of auditing)
        assertThat(answer.has("feedback")).isTrue();
        ((ObjectNode) answer).remove("feedback");
        assertThat(answer).isEqualTo(expected);
        assertThat(answer.path("patients")).hasSize(2);
        assertThat(answer.path("outOfScope").toString()).contains("Patient/recurrent-disease-out-of-scope");
        assertThat(answer.path("patients").toString()).contains("\"verdict\":\"DISCORDANT\"").contains("\"verdict\":\"CONCORDANT\"");
        assertThat(answer.path("inputProblems").toString()).as("the broken line is reported, with its line").contains("UNREADABLE_LINE");
        assertThat(given().delete(status).statusCode()).isEqualTo(202);
    }

    private static Response awaitDone(String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Response r = given().get(status);
            if (r.statusCode() != 202) return r;
            Thread.sleep(100);
        }
        throw new AssertionError("job not done: " + status);
    }
}

package org.primum.audit.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose schema migration fails at start-up (the background migration of {@code audit.store.SchemaMigration}):
 * the service still starts and the tumour board answers (it needs no database), while the endpoints that need the
 * database answer 503 with an OperationOutcome, not a 500 incident.
 */
@QuarkusTest
@TestProfile(DatabaseUnavailableTest.BrokenDatabase.class)
class DatabaseUnavailableTest {

    public static class BrokenDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // every connection fails: its INIT script does not exist
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:broken;INIT=RUNSCRIPT FROM 'classpath:no-such-script.sql'",
                    "primum.database.migration-wait", "20s");
        }
    }

    @Test
    void theDecisionLogAnswers503WithAnOperationOutcome() {
        Response r = given().get("/audit/decisions");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("exception");
        assertThat(r.jsonPath().getString("issue[0].diagnostics")).contains("migration failed").doesNotContain("no-such-script");
    }

    @Test
    void theAuditJobsAnswer503() {
        Response r = given().get("/audit/jobs/00000000-0000-0000-0000-000000000000");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
    }

    @Test
    void anAuditUploadAnswers503() {
        Response r = given().contentType("application/fhir+ndjson").body("{\"resourceType\":\"Patient\",\"id\":\"p1\"}\n".getBytes(StandardCharsets.UTF_8)).post("/audit");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("exception");
    }

    @Test
    void theTumourBoardAnswersWithoutTheDatabase() throws IOException {
        byte[] body;
        try (InputStream in = DatabaseUnavailableTest.class.getResourceAsStream("/bench/denovo-metastatic-bundle.json")) {
            body = in.readAllBytes();
        }
        Response r = given().contentType("application/fhir+json").body(body).post("/tumour-board/evaluate?asOf=2025-07-01");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.jsonPath().getList("recommendations")).isNotEmpty();
    }
}

package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.primum.api.validation.ProfileValidation;
import org.primum.audit.log.DecisionLog;
import org.primum.privacy.LogCapture;
import org.primum.privacy.LogText;
import org.primum.privacy.PrivateValues;
import org.primum.scenarios.ScenarioBundles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: no patient data in the logs, even at DEBUG. Every scenario and every public fixture goes through the
 * tumour board (the public fixtures of moderate size also with {@code validate=true} and with
 * {@code Prefer: handling=strict}, which validate against the profiles) and
 * through patient-view (as an EHR sends it: {@link EhrChart}), with {@code org.primum}, HAPI, Drools and the REST
 * layer logging at DEBUG; the captured log must hold none of the inputs' names, birth dates, identifier values,
 * telecom, addresses or free text ({@link PrivateValues}: found by walking the inputs). In this package for
 * {@link EhrChart} and {@link Hooks}, the way the CDS Hooks tests call the services.
 */
@QuarkusTest
class DebugLogPrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final List<String> DEBUG_CATEGORIES = List.of("org.primum", "ca.uhn", "org.hl7", "org.drools", "org.kie",
            "org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive", "io.quarkus.rest");

    private static final Path CAPTURED = Path.of("target/debug-log-privacy.log");
    /** Profile validation (asked by validate=true and by strict handling) only for fixtures up to this size: its cost. */
    private static final int VALIDATED_MAX_CHARS = 300_000;

    @Inject
    DecisionLog decisionLog;

    @Inject
    ProfileValidation validation;

    record Input(String name, String bundleJson, String asOf, boolean validated) {
    }

    @Test
    void theLogAtDebugHoldsNoPatientDataOfTheInputs() throws Exception {
        List<Input> inputs = inputs();
        // the validator is built on first use (HAPI's base definitions: tens of seconds on a busy machine), not by a
        // timed request; building it reads no input
        validation.validate("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}".getBytes(StandardCharsets.UTF_8));
        PrivateValues lookedFor = PrivateValues.of();
        String log;
        int debugRecords;
        try (LogCapture capture = LogCapture.atDebug(DEBUG_CATEGORIES)) {
            for (Input in : inputs) {
                evaluate(in, "", null);
                if (in.validated()) {
                    evaluate(in, "&validate=true", null);
                    evaluate(in, "", "handling=strict");
                }
                JsonNode call = EhrChart.of(in.bundleJson()).request(EhrChart.of(in.bundleJson()).prefetch(EhrChart.Medications.INCLUDED));
                Response r = Hooks.post(CdsServiceCatalog.PATIENT_VIEW, call);
                assertThat(r.statusCode()).as("patient-view of %s: %s", in.name(), r.asString()).isEqualTo(200);
                lookedFor.add(PrivateValues.of(JSON.readTree(in.bundleJson()), call));
            }
            // the decision log's writer thread logs too
            assertThat(decisionLog.flush(Duration.ofSeconds(10))).isTrue();
            log = capture.text();
            debugRecords = capture.debugRecords();
        }
        assertThat(debugRecords).as("DEBUG records captured").isPositive();
        assertThat(lookedFor.values()).as("values looked for").hasSizeGreaterThan(100);

        LogText text = new LogText(log);
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> v : lookedFor.values().entrySet()) {
            if (text.holds(v.getKey())) leaks.add(v.getValue() + " \"" + v.getKey() + "\" in: " + lineHolding(log, v.getKey()));
        }
        if (!leaks.isEmpty()) Files.writeString(CAPTURED, log); // the public fixtures' data only: synthetic or published examples
        assertThat(leaks).as("patient data in the log (%d records at DEBUG; the log: %s)", debugRecords, CAPTURED).isEmpty();
    }

    private static void evaluate(Input in, String query, String prefer) {
        var request = given().contentType("application/fhir+json").body(in.bundleJson().getBytes(StandardCharsets.UTF_8));
        if (prefer != null) request.header("Prefer", prefer);
        Response r = request.post("/tumour-board/evaluate?asOf=" + in.asOf() + query);
        // strict reading may refuse a fixture (400, 422): the refusal is logged too, and must not quote it either
        assertThat(r.statusCode()).as("tumour board, %s%s %s: %s", in.name(), query, prefer, r.asString()).isIn(200, 400, 422);
        if (prefer == null) assertThat(r.statusCode()).as("tumour board, %s%s: %s", in.name(), query, r.asString()).isEqualTo(200);
    }

    private static List<Input> inputs() throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(f);
                inputs.add(new Input("public/" + f.getFileName(), json, "2020-01-01", json.length() <= VALIDATED_MAX_CHARS));
            }
        }
        ScenarioBundles.all().forEach(s -> inputs.add(new Input("scenarios/" + s.name(), s.json(), s.asOf(), false)));
        return inputs;
    }

    /** The first log line holding the value's first word, for the failure message. */
    private static String lineHolding(String log, String value) {
        String first = LogText.tokens(value).get(0);
        return log.lines().filter(l -> l.contains(first)).findFirst().map(l -> l.length() > 300 ? l.substring(0, 300) + "…" : l).orElse("?");
    }
}

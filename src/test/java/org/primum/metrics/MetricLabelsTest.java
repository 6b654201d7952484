package org.primum.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.primum.cdshooks.CdsServiceCatalog;
import org.primum.cdshooks.TestJwt;
import org.primum.cdshooks.TestPatient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No patient data in a metric label: after every public fixture went through the tumour board (and one through the
 * report) and a patient went through patient-view, no label value of any metric on {@code /q/metrics} (the service's
 * and the JVM's) is, or holds, an id, reference, identifier, name or birth date of those inputs; and the service's
 * own labels take only their closed sets of values.
 */
@QuarkusTest
class MetricLabelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final String PATIENT_VIEW = "/cds-services/" + CdsServiceCatalog.PATIENT_VIEW;
    /** Values this long or longer must not be inside a label value either; shorter ones must not be one. */
    private static final int CONTAINED_MIN = 6;

    @Test
    void noLabelValueComesFromAnInput() throws IOException {
        Set<String> identifying = new HashSet<>();
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : fixtures) {
            byte[] body = Files.readAllBytes(f);
            collect(JSON.readTree(body), null, identifying);
            Response r = given().contentType("application/fhir+json").body(body).post("/tumour-board/evaluate?asOf=2020-01-01");
            assertThat(r.statusCode()).as(f + ": " + r.asString()).isEqualTo(200);
        }
        given().contentType("application/fhir+json").body(Files.readAllBytes(fixtures.get(0)))
                .post("/tumour-board/report?asOf=2020-01-01").then().statusCode(200);
        TestPatient p = TestPatient.deNovo("metrics-label-probe", 50).letrozole(6);
        JsonNode call = p.request("patient-view", p.prefetchAll(), List.of());
        collect(call, null, identifying);
        Response pv = given().header("Authorization", TestJwt.shared().token("http://localhost:" + RestAssured.port + PATIENT_VIEW).header())
                .contentType("application/json").body(call.toString()).post(PATIENT_VIEW);
        assertThat(pv.statusCode()).as(pv.asString()).isEqualTo(200);
        // the collection itself works: the patients' ids, a name, the hook instance are among what is looked for
        assertThat(identifying).contains("metrics-label-probe", call.path("hookInstance").asText(), "Patient/metrics-label-probe")
                .hasSizeGreaterThan(1000);

        Scrape scrape = Scrape.read();
        assertThat(scrape.samples).isNotEmpty();
        for (Scrape.Sample s : scrape.samples) {
            for (Map.Entry<String, String> label : s.labels().entrySet()) {
                String value = label.getValue();
                assertThat(identifying).as("%s{%s} of an input", s.name(), label.getKey()).doesNotContain(value);
                for (String v : identifying) {
                    if (v.length() >= CONTAINED_MIN) {
                        assertThat(value).as("%s{%s} holds a value of an input", s.name(), label.getKey()).doesNotContain(v);
                    }
                }
            }
        }
    }

    @Test
    void theServiceLabelsTakeOnlyTheirClosedSets() {
        JsonNode rules = rules();
        Set<String> codes = new HashSet<>();
        rules.path("rules").forEach(r -> codes.add(r.path("code").asText()));
        Set<String> endpoints = Arrays.stream(Endpoint.values()).map(Endpoint::label).collect(Collectors.toSet());
        Set<String> outcomes = Arrays.stream(Outcome.values()).map(Outcome::label).collect(Collectors.toSet());
        Scrape scrape = Scrape.read();
        List<Scrape.Sample> ours = scrape.samples.stream().filter(s -> s.name().startsWith("primum_")).toList();
        assertThat(ours).isNotEmpty();
        for (Scrape.Sample s : ours) {
            s.labels().forEach((name, value) -> {
                switch (name) {
                    case "endpoint" -> assertThat(endpoints).as(s.name()).contains(value);
                    case "outcome" -> assertThat(outcomes).as(s.name()).contains(value);
                    case "code" -> assertThat(codes).as(s.name()).contains(value);
                    case "version" -> assertThat(value).as(s.name()).isEqualTo(rules.path("version").asText());
                    case "le" -> assertThat(value).as(s.name()).matches("\\+Inf|[0-9.]+(E-?[0-9]+)?");
                    default -> throw new AssertionError("unexpected label " + name + " on " + s.name());
                }
            });
        }
    }

    /**
     * What identifies a patient or her records in FHIR JSON or a CDS Hooks call, found by walking it: resource ids,
     * references and fullUrls (with their {@code Type/id} tail), identifier and telecom values, HumanName parts,
     * birth dates, the hook's instance, patient and user.
     */
    static void collect(JsonNode node, String key, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), out));
            if ("identifier".equals(key) || "telecom".equals(key)) text(node.path("value"), out);
            if ("name".equals(key)) {
                text(node.path("family"), out);
                text(node.path("text"), out);
                node.path("given").forEach(g -> text(g, out));
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, key, out));
        } else if (node.isTextual() && key != null) {
            switch (key) {
                case "id", "birthDate", "hookInstance", "patientId", "userId" -> text(node, out);
                case "reference", "fullUrl" -> {
                    text(node, out);
                    String[] parts = node.asText().split("/");
                    if (parts.length >= 2) out.add(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
                    out.add(parts[parts.length - 1].replace("urn:uuid:", ""));
                }
                default -> {
                }
            }
        }
    }

    private static void text(JsonNode node, Set<String> out) {
        if (node.isTextual() && !node.asText().isBlank()) out.add(node.asText());
    }

    /** {@code GET /rules}: the knowledge base's version and codes. */
    private static JsonNode rules() {
        try {
            return JSON.readTree(given().get("/rules").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

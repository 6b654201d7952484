package org.primum.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.primum.cdshooks.TestJwt;
import org.primum.cdshooks.TestPatient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media types and content codings of request bodies: the CDS Hooks endpoints take JSON only (415 otherwise, with
 * an OperationOutcome); a gzip-encoded body is decoded, with the size limit on the decoded bytes (a gzip bomb is
 * a 413); other codings are a 415.
 */
@QuarkusTest
class RequestBodyMediaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATIENT_VIEW = "/cds-services/dnmbc-lrt-patient-view";
    private static final String FEEDBACK = PATIENT_VIEW + "/feedback";

    /** A signed client (security is on) and the Content-Type exactly as given (RestAssured adds no charset). */
    private static RequestSpecification client(String path, String contentType) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", TestJwt.shared().token("http://localhost:" + RestAssured.port + path).header())
                .contentType(contentType);
    }

    private static byte[] hookRequest() {
        TestPatient p = TestPatient.deNovo("media-" + UUID.randomUUID(), 50).letrozole(6);
        return p.request("patient-view", p.prefetchAll(), List.of()).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] feedback() {
        return feedback(UUID.randomUUID().toString());
    }

    /** Feedback on {@code card}: a card this service issued to the caller is accepted, any other id is a 404. */
    private static byte[] feedback(String card) {
        return ("{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\","
                + "\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** A signed POST with exactly this Content-Type and these bytes (RestAssured would serialise by the type). */
    private static Answer send(String path, String contentType, byte[] body) {
        String url = "http://localhost:" + RestAssured.port + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Authorization", TestJwt.shared().token(url).header())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    private static void isOutcome(Answer r, int status, String issueCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        JsonNode oo = read(r.body());
        assertThat(oo.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(oo.path("issue").path(0).path("code").asText()).isEqualTo(issueCode);
    }

    private static void isOutcome(Response r, int status, String issueCode) {
        isOutcome(new Answer(r.statusCode(), r.contentType(), r.asString()), status, issueCode);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded", "application/octet-stream",
            "application/json+fhir", "application/json; charset=ISO-8859-1"})
    void aHookBodyThatIsNotJsonIs415(String contentType) {
        isOutcome(send(PATIENT_VIEW, contentType, hookRequest()), 415, "not-supported");
        isOutcome(send(FEEDBACK, contentType, feedback()), 415, "not-supported");
    }

    @Test
    void aHookBodyWithoutContentTypeIs415() {
        Response r = given().header("Authorization", TestJwt.shared().token("http://localhost:" + RestAssured.port + PATIENT_VIEW).header())
                .body(hookRequest()).post(PATIENT_VIEW);
        isOutcome(r, 415, "not-supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=\"UTF-8\"",
            "application/fhir+json", "application/cds-hooks+json; charset=UTF-8", "APPLICATION/JSON"})
    void jsonMediaTypesAreAccepted(String contentType) {
        Response r = client(PATIENT_VIEW, contentType).body(hookRequest()).post(PATIENT_VIEW);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.jsonPath().getList("cards")).isNotEmpty();
        Response fb = client(FEEDBACK, contentType).body(feedback(r.jsonPath().getString("cards[0].uuid"))).post(FEEDBACK);
        assertThat(fb.statusCode()).as(fb.asString()).isEqualTo(200);
    }

    @Test
    void theMediaTypeIsCheckedAfterTheClientIsAuthenticated() {
        Response r = given().contentType("text/plain").body("hello").post(PATIENT_VIEW);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void aGzippedHookRequestIsDecodedAndAnsweredAsTheSameRequestUncompressed() throws IOException {
        byte[] body = hookRequest();
        Response plain = client(PATIENT_VIEW, "application/json").body(body).post(PATIENT_VIEW);
        Response gzipped = client(PATIENT_VIEW, "application/json").header("Content-Encoding", "gzip").body(gzip(body)).post(PATIENT_VIEW);
        assertThat(gzipped.statusCode()).as(gzipped.asString()).isEqualTo(200);
        assertThat(summaries(gzipped)).isNotEmpty().isEqualTo(summaries(plain));
    }

    @Test
    void aGzippedBundleIsEvaluatedByTheTumourBoard() throws IOException {
        byte[] bundle = Files.readAllBytes(Path.of("src/test/resources/fixtures/public/mcode-pathways-synthea-maryam.json"));
        Response r = given().contentType("application/fhir+json").header("Content-Encoding", "gzip").body(gzip(bundle))
                .queryParam("asOf", "2025-07-01").post("/tumour-board/evaluate");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Response plain = given().contentType("application/fhir+json").body(bundle).queryParam("asOf", "2025-07-01").post("/tumour-board/evaluate");
        assertThat(r.jsonPath().getList("recommendations.code")).isEqualTo(plain.jsonPath().getList("recommendations.code"));
    }

    /** 300 kB of gzip inflating to 300 MB: refused at the 5 MB limit of the decoded body, never inflated in full. */
    @Test
    void aGzipBombIs413() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("{\"hook\":\"patient-view\",\"padding\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 300; i++) out.write(chunk);
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bytes.size()).isLessThan(1_000_000);
        Response r = client(PATIENT_VIEW, "application/json").header("Content-Encoding", "gzip").body(bytes.toByteArray()).post(PATIENT_VIEW);
        isOutcome(r, 413, "too-costly");
        Response tb = given().contentType("application/fhir+json").header("Content-Encoding", "gzip").body(bytes.toByteArray())
                .post("/tumour-board/evaluate");
        isOutcome(tb, 413, "too-costly");
    }

    @Test
    void aBodyThatIsNotGzipDataIs400() {
        Response r = client(PATIENT_VIEW, "application/json").header("Content-Encoding", "gzip").body(hookRequest()).post(PATIENT_VIEW);
        isOutcome(r, 400, "structure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"br", "deflate", "compress", "zstd", "gzip, gzip", "gzip, br"})
    void otherContentCodingsAre415(String coding) {
        isOutcome(client(PATIENT_VIEW, "application/json").header("Content-Encoding", coding).body(hookRequest()).post(PATIENT_VIEW),
                415, "not-supported");
        isOutcome(given().contentType("application/fhir+json").header("Content-Encoding", coding).body("{}").post("/tumour-board/evaluate"),
                415, "not-supported");
    }

    @Test
    void identityIsNoCoding() {
        Response r = client(PATIENT_VIEW, "application/json").header("Content-Encoding", "identity").body(hookRequest()).post(PATIENT_VIEW);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }

    private static List<String> summaries(Response r) {
        return read(r.asString()).path("cards").findValuesAsText("summary");
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }
}

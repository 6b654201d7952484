package org.primum.tumourboard.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.primum.scenarios.ScenarioBundles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** {@code POST /tumour-board/report} and {@code GET /tumour-board/report/{id}} over HTTP. */
@QuarkusTest
class ReportResourceTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");

    static Response post(byte[] body, String asOf) {
        return given().contentType("application/fhir+json").body(body).queryParam("asOf", asOf)
                .post("/tumour-board/report").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .extract().response();
    }

    static byte[] scenario(String name) {
        return ScenarioBundles.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow()
                .json().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStoredReportIsServedAgainByItsId() throws IOException {
        Response created = post(Files.readAllBytes(FIXTURES.resolve("synthea-3.3.0-breast-stage4-seed20240101.json")), "1998-05-01");
        String location = created.header("Content-Location");
        assertThat(location).matches("/tumour-board/report/[0-9a-f]{32}");
        String html = created.asString();
        // the case, the recommendations, the missing data, the evidence panel with the survival question's plot
        assertThat(html).contains("id=\"case\"", "id=\"recommendations\"", "id=\"evidence\"", "id=\"data\"",
                "DATA_MISSING_METASTATIC_SITES", "LRT_NOT_FOR_SURVIVAL", "data-forest-plot=\"LRT_NOT_FOR_SURVIVAL\"",
                "@page", "<table");
        // nothing loaded from anywhere; the only links leaving the page are citations, without a referrer
        assertThat(html).doesNotContain("<script", "<link", "<img", "src=", "url(", "@import");
        assertThat(java.util.regex.Pattern.compile("<a href=\"(?!#)[^\"]*\"(?! rel=\"noreferrer noopener\")").matcher(html).find()).isFalse();

        String again = given().get(location).then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(again).isEqualTo(html);
    }

    static java.util.stream.Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    /** Every public fixture, at the golden answers' three dates, has its report. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("fixtures")
    void everyPublicFixtureHasItsReport(Path fixture) throws IOException {
        byte[] body = Files.readAllBytes(fixture);
        for (String asOf : new String[]{"1998-05-01", "2020-01-01", "2026-01-01"}) {
            assertThat(post(body, asOf).asString()).contains("id=\"case\"", "as of <strong>" + asOf + "</strong>");
        }
    }

    @Test
    void conflictingEvidenceIsPlottedWithBothSides() {
        String html = post(scenario("bone-only-hr-positive-may-benefit-with-regional-nodes"), null).asString();
        assertThat(html).contains("data-forest-plot=\"BONE_ONLY_HR_POSITIVE_MAY_BENEFIT\"", "data-forest-plot=\"RADIOTHERAPY_EVIDENCE_CONFLICTING\"",
                "class=\"pt contrary\"", "REINHORN-BONE", "hazard ratio (log scale)");
    }

    @Test
    void everyCitedWorkShowsItsIdentifierAndNoFigureIsDressedAsAQuote() {
        // a methodologist reads the report against the sources: the DOI / PMID on the page, not only behind a link,
        // and the figure (our summary of the passage) without quotation marks that would claim it verbatim
        String html = post(scenario("bone-only-hr-positive-may-benefit-with-regional-nodes"), null).asString();
        assertThat(html).contains("doi:10.1200/JCO.21.02006", "PMID 31082916", "doi:10.6004/jnccn.2015.0062 PMID 25870383")
                .doesNotContain("“", "”");
    }

    @Test
    void aPatientOutsideTheGuidanceSaysSo() throws IOException {
        String html = post(Files.readAllBytes(FIXTURES.resolve("mcode-eve-anyperson-breast-lcis.json")), "2020-01-01").asString();
        assertThat(html).contains("id=\"not-applicable\"", "NOT_APPLICABLE_NO_METASTASIS")
                .doesNotContain("data-forest-plot=");
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        given().get("/tumour-board/report/0123456789abcdef0123456789abcdef").then().statusCode(404)
                .contentType(startsWith("application/fhir+json")).body(containsString("not-found"));
        given().get("/tumour-board/report/..%2F..%2Fpom.xml").then().statusCode(404);
    }

    @Test
    void invalidInputIsAnOperationOutcomeAsForEvaluate() {
        given().contentType("application/fhir+json").body("{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8))
                .post("/tumour-board/report").then().statusCode(422).body(containsString("OperationOutcome"));
    }
}

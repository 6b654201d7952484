package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** Each patient-view card links (type absolute) to the tumour-board report of the evaluation behind it. */
@QuarkusTest
class CdsHooksReportLinkTest {

    @Test
    void everyPatientViewCardLinksToTheStoredReport() {
        TestPatient p = TestPatient.deNovo("pv-report", 50).letrozole(6);
        JsonNode cards = Hooks.cards(CdsServiceCatalog.PATIENT_VIEW, p.request("patient-view", p.prefetchAll(), List.of()));
        assertThat(cards.size()).isPositive();
        String url = null;
        for (JsonNode card : cards) {
            JsonNode report = null;
            for (JsonNode l : card.path("links")) if (l.path("url").asText().contains("/tumour-board/report/")) report = l;
            assertThat(report).as("report link on %s", card.path("summary").asText()).isNotNull();
            assertThat(report.path("type").asText()).isEqualTo("absolute");
            assertThat(report.path("label").asText()).isNotBlank();
            if (url == null) url = report.path("url").asText();
            assertThat(report.path("url").asText()).as("one report per evaluation").isEqualTo(url);
        }
        URI link = URI.create(url);
        assertThat(link.isAbsolute()).isTrue();
        String html = given().get(link.getRawPath()).then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html).contains("SYSTEMIC_THERAPY_FIRST", "id=\"evidence\"");
    }

    @Test
    void orderHooksGetNoReportLink() {
        TestPatient p = CdsHooksOrderTest.stableAfterWindow("os-report");
        p.draft("sr-mast", "mastectomy", "left");
        JsonNode cards = CdsHooksOrderTest.call("order-select", p, "ServiceRequest/sr-mast");
        assertThat(cards.size()).isPositive();
        for (JsonNode card : cards) {
            for (JsonNode l : card.path("links")) assertThat(l.path("url").asText()).doesNotContain("/tumour-board/report/");
        }
    }
}

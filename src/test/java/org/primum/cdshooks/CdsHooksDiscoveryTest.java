package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The discovery document against HL7's CDSHooksServices model and what the EHR integrator needs. */
@QuarkusTest
class CdsHooksDiscoveryTest {

    @Test
    void discoveryDocumentConformsToTheSpecification() {
        Response r = given().get("/cds-services");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode doc = Hooks.read(r.asString());
        assertThat(SpecShape.load("CDSHooksServices").check(doc)).as(doc.toPrettyString()).isEmpty();

        List<String> services = new ArrayList<>();
        doc.path("services").forEach(s -> services.add(s.path("id").asText() + "=" + s.path("hook").asText()));
        assertThat(services).containsExactly(
                "dnmbc-lrt-patient-view=patient-view", "dnmbc-lrt-order-select=order-select", "dnmbc-lrt-order-sign=order-sign");
        for (JsonNode s : doc.path("services")) {
            assertThat(s.path("title").asText()).isNotBlank();
            assertThat(s.path("description").asText()).isNotBlank();
            assertThat(s.path("usageRequirements").asText()).contains("de novo metastatic");
            JsonNode p = s.path("prefetch");
            assertThat(p.path("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
            for (Map.Entry<String, String> e : Map.of("conditions", "Condition", "observations", "Observation",
                    "procedures", "Procedure", "serviceRequests", "ServiceRequest").entrySet()) {
                assertThat(p.path(e.getKey()).asText()).isEqualTo(e.getValue() + "?patient={{context.patientId}}");
            }
            // the medication searches bring the Medications their records reference
            for (Map.Entry<String, String> e : Map.of("medicationRequests", "MedicationRequest", "medicationStatements", "MedicationStatement",
                    "medicationAdministrations", "MedicationAdministration", "medicationDispenses", "MedicationDispense").entrySet()) {
                assertThat(p.path(e.getKey()).asText())
                        .isEqualTo(e.getValue() + "?patient={{context.patientId}}&_include=" + e.getValue() + ":medication");
            }
        }
    }

    @Test
    void theCheckerCatchesANonConformantDocument() {
        JsonNode bad = Hooks.read("{\"services\":[{\"id\":\" x\",\"description\":\"\",\"prefetch\":{\"a  b\":\"Patient/1\"}}]}");
        assertThat(SpecShape.load("CDSHooksServices").check(bad))
                .anyMatch(p -> p.contains("hook: required")).anyMatch(p -> p.contains("id: must be a code"))
                .anyMatch(p -> p.contains("description")).anyMatch(p -> p.contains("key 'a  b'"));
    }
}

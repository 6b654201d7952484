package org.primum.tumourboard.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** {@code POST /tumour-board/evaluate} with {@code Accept: application/fhir+json}: a GuidanceResponse valid against R4. */
@QuarkusTest
class GuidanceResponseTest {

    static final FhirContext R4 = FhirContext.forR4Cached();

    static String guidance(byte[] body, String asOf) {
        return given().contentType("application/fhir+json").accept("application/fhir+json").body(body).queryParam("asOf", asOf)
                .post("/tumour-board/evaluate").then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .extract().asString();
    }

    /** Errors of HAPI's validator against the base specification (terminology it does not hold is a warning). */
    static List<String> baseErrors(String resource) {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
                new CommonCodeSystemsTerminologyService(R4), new InMemoryTerminologyServerValidationSupport(R4),
                new UnknownCodeSystemWarningValidationSupport(R4));
        FhirValidator validator = R4.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        ValidationResult result = validator.validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).toList();
    }

    static byte[] bench() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/bench/denovo-metastatic-bundle.json"));
    }

    @Test
    void recommendationsAsARequestGroupWithCitations() throws IOException {
        String body = guidance(bench(), "2025-03-01");
        assertThat(baseErrors(body)).isEmpty();
        JsonPath g = JsonPath.from(body);
        assertThat(g.getString("resourceType")).isEqualTo("GuidanceResponse");
        assertThat(g.getString("status")).isEqualTo("success");
        assertThat(g.getString("moduleUri")).startsWith(GuidanceResponses.KNOWLEDGE_BASE + "/");
        assertThat(g.getString("subject.reference")).startsWith("Patient/");
        assertThat(g.getString("occurrenceDateTime")).isNotBlank();
        assertThat(g.getString("result.reference")).isEqualTo("#recommendations");
        List<String> codes = g.getList("contained.find { it.resourceType == 'RequestGroup' }.action.code.coding.code.flatten()");
        assertThat(codes).contains("SYSTEMIC_THERAPY_FIRST", "LRT_NOT_FOR_SURVIVAL");
        assertThat(g.getList("contained.find { it.resourceType == 'RequestGroup' }.action.priority", String.class))
                .allSatisfy(p -> assertThat(p).isIn("routine", "urgent", "asap"));
        List<String> urls = g.getList("contained.find { it.resourceType == 'RequestGroup' }.action.documentation.url.flatten()");
        assertThat(urls).contains("https://doi.org/10.1200/JCO.21.02006");
        assertThat(g.getString("contained.find { it.resourceType == 'Parameters' }.parameter.find { it.name == 'asOf' }.valueDate"))
                .isEqualTo("2025-03-01");
    }

    @Test
    void missingDataAreDataRequirements() throws IOException {
        byte[] synthea = Files.readAllBytes(Path.of("src/test/resources/fixtures/public/synthea-3.3.0-breast-stage4-seed20240101.json"));
        String body = guidance(synthea, "1998-05-01");
        assertThat(baseErrors(body)).isEmpty();
        JsonPath g = JsonPath.from(body);
        assertThat(g.getString("status")).isEqualTo("data-required");
        assertThat(g.getList("dataRequirement.id", String.class)).contains("DATA_MISSING_METASTATIC_SITES");
        assertThat(g.getList("dataRequirement.profile.flatten()", String.class))
                .contains("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition");
        assertThat(g.getList("note.text", String.class)).anySatisfy(t -> assertThat(t).startsWith("DATA_MISSING_METASTATIC_SITES: "));
    }

    @Test
    void plainJsonStaysTheDefault() throws IOException {
        byte[] body = bench();
        for (String accept : new String[]{null, "*/*", "application/json", "application/json, application/fhir+json;q=0.5"}) {
            var request = given().contentType("application/fhir+json").body(body);
            if (accept != null) request = request.accept(accept);
            request.post("/tumour-board/evaluate").then().statusCode(200).contentType(startsWith("application/json"));
        }
    }
}

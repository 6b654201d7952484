package org.primum.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.cli.AuditCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command end to end, in process (picocli, as {@code quarkus-run.jar audit …} calls it): every audit
 * scenario as one export, every output written and right; the MeasureReport and the Measure valid against
 * the base FHIR R4 specification (HAPI's validator).
 */
class AuditCommandTest {

    @TempDir
    static Path tmp;
    static Path out;
    static String console;

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void runTheCommand() throws Exception {
        Path export = tmp.resolve("export");
        for (Path f : AuditScenario.files()) {
            var b = AuditScenario.read(f).bundle();
            AuditCohortTest.renamePatient(b, f.getFileName().toString().replace(".yaml", ""));
            AuditTestSupport.writeNdjson(export, b);
        }
        out = tmp.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        int code = AuditCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                false, "--input", export.toString(), "--out", out.toString(), "--as-of", "2025-12-31");
        console = stdout.toString(StandardCharsets.UTF_8);
        assertThat(code).as(console + stderr).isZero();
    }

    @Test
    void printsPlainProgressAndASummary() {
        assertThat(console).contains("judging: ").contains("10 patients: 8 audited, 2 out of scope; 0 input problems")
                .contains("AUDIT_SYSTEMIC_BEFORE_LRT").contains("wrote " + out.resolve("audit.html"));
    }

    @Test
    void theJsonHasTheIssuesShape() throws Exception {
        JsonNode json = JSON.readTree(out.resolve("audit.json").toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(0, 4)).containsExactly("patients", "summary", "breastConservationRate", "knowledgeBaseVersion");
        JsonNode patient = json.get("patients").get(0);
        List<String> pk = new ArrayList<>();
        patient.fieldNames().forEachRemaining(pk::add);
        assertThat(pk).containsExactly("patient", "criteria");
        List<String> ck = new ArrayList<>();
        patient.get("criteria").get(0).fieldNames().forEachRemaining(ck::add);
        assertThat(ck).containsExactly("code", "verdict", "reason", "date", "resourceIds");
        assertThat(patient.get("patient").asText()).startsWith("Patient/");
        assertThat(json.get("summary")).hasSize(7);
        assertThat(json.get("summary").get(0).get("code").asText()).isEqualTo("AUDIT_SYSTEMIC_BEFORE_LRT");
        List<String> sk = new ArrayList<>();
        json.get("summary").get(0).fieldNames().forEachRemaining(sk::add);
        assertThat(sk).containsExactly("code", "concordant", "discordant", "notEvaluable");
        assertThat(json.get("outOfScope")).hasSize(2);
        assertThat(json.get("knowledgeBaseVersion").asText()).isEqualTo(AuditTestSupport.PIPELINE.knowledgeBase().version());
    }

    @Test
    void theCsvHasARowPerPatientAndCriterion() throws Exception {
        List<String> rows = Files.readAllLines(out.resolve("audit.csv"));
        assertThat(rows.get(0)).isEqualTo("patient,code,verdict,date,reason,resourceIds,scope");
        assertThat(rows).anyMatch(r -> r.startsWith("Patient/up-front-mastectomy-discordant,AUDIT_CLEAR_MARGINS,DISCORDANT,2025-02-01,"));
        assertThat(rows).anyMatch(r -> r.startsWith("Patient/recurrent-disease-out-of-scope,,,,") && r.endsWith(",RECURRENT"));
    }

    @Test
    void theHtmlIsSelfContainedWithAChartAndTheDiscordantPatients() throws Exception {
        String html = Files.readString(out.resolve("audit.html"));
        assertThat(html).contains("<svg").contains("AUDIT_CLEAR_MARGINS").contains("Patient/up-front-mastectomy-discordant")
                .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("{#");
    }

    @Test
    void theMeasureReportAndTheMeasureAreValidFhirR4() throws Exception {
        FhirContext fhir = FhirContext.forR4Cached();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir));
        FhirValidator validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        for (Path file : List.of(out.resolve("measure-report.json"), Path.of("fhir-profiles/Measure-dnmbc-lrt-audit.json"))) {
            ValidationResult result = validator.validateWithResult(Files.readString(file));
            List<String> errors = result.getMessages().stream()
                    .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                    .map(SingleValidationMessage::toString).toList();
            assertThat(errors).as(file.toString()).isEmpty();
        }
        JsonNode report = JSON.readTree(out.resolve("measure-report.json").toFile());
        assertThat(report.get("type").asText()).isEqualTo("summary");
        assertThat(report.get("group")).hasSize(8);
        JsonNode margins = report.get("group").get(5);
        assertThat(margins.at("/code/coding/0/code").asText()).isEqualTo("AUDIT_CLEAR_MARGINS");
        JsonNode measure = JSON.readTree(Path.of("fhir-profiles/Measure-dnmbc-lrt-audit.json").toFile());
        for (int i = 0; i < 8; i++) {
            assertThat(report.get("group").get(i).at("/code/coding/0/code").asText())
                    .isEqualTo(measure.get("group").get(i).at("/code/coding/0/code").asText());
        }
    }
}

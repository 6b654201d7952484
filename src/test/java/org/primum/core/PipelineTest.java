package org.primum.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.primum.engine.ThresholdsFile;
import org.primum.facts.Thresholds;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core as a library: built from the repository's folders with plain Java, no Quarkus. */
class PipelineTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final String SYNTHEA = "synthea-3.3.0-breast-stage4-seed20240101.json";
    private static final LocalDate EARLY_ON_PACLITAXEL = LocalDate.of(1998, 5, 1);
    private static final List<String> SYNTHEA_CODES = List.of("DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE",
            "LRT_NOT_FOR_SURVIVAL", "MULTIDISCIPLINARY_DISCUSSION", "SYSTEMIC_THERAPY_FIRST");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pipeline PIPELINE = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(name));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InvalidInputException refused(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("evaluated");
    }

    /** Synthea 3.3.0 de novo stage IV, three and a half weeks into paclitaxel (see PublicFixtureRulesTest). */
    @Test
    void evaluatesAPublicFixtureBundle() throws IOException {
        Pipeline.Result result = PIPELINE.evaluate(fixture(SYNTHEA), EARLY_ON_PACLITAXEL);
        assertThat(result.evaluation().codes()).containsExactlyInAnyOrderElementsOf(SYNTHEA_CODES);
        assertThat(result.record().patient()).isNotNull();
        assertThat(result.record().primaries()).isNotEmpty();
        assertThat(result.evaluation().facts().asOf()).isEqualTo(EARLY_ON_PACLITAXEL);
        assertThat(result.evaluation().facts().first(Thresholds.class)).contains(ThresholdsFile.read(Path.of("rules")));
        assertThat(result.resources()).isEqualTo(JSON.readTree(fixture(SYNTHEA)).path("entry").size());
        assertThat(result.warnings()).isEmpty();
        assertThat(PIPELINE.knowledgeBase().definitions()).isNotEmpty();
    }

    @Test
    void theSameRecordAsLooseResourcesGetsTheSameAnswer() throws IOException {
        JsonNode bundle = JSON.readTree(fixture(SYNTHEA));
        List<FhirInput> inputs = new ArrayList<>();
        String patientId = null;
        for (int i = 0; i < bundle.path("entry").size(); i++) {
            JsonNode resource = bundle.path("entry").get(i).path("resource");
            if (resource.path("resourceType").asText().equals("Patient")) patientId = resource.path("id").asText();
            inputs.add(FhirInput.of(resource, "line " + (i + 1)));
        }
        Pipeline.Result loose = PIPELINE.evaluate(inputs, patientId, EARLY_ON_PACLITAXEL);
        assertThat(loose.evaluation().codes()).containsExactlyInAnyOrderElementsOf(SYNTHEA_CODES);
        assertThat(loose.resources()).isEqualTo(inputs.size());
    }

    @Test
    void thresholdsAreTheKnowledgeBasesUnlessOverridden() throws IOException {
        Thresholds defaults = ThresholdsFile.read(Path.of("rules"));
        Thresholds narrow = defaults.with(Map.of("deNovoWindowDays", 30));
        Pipeline custom = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles"))
                .thresholds(Map.of("deNovoWindowDays", 30)).build();
        assertThat(custom.thresholds()).isEqualTo(narrow);
        assertThat(PIPELINE.thresholds()).isEqualTo(defaults);
        assertThat(custom.evaluate(fixture(SYNTHEA), EARLY_ON_PACLITAXEL).evaluation().facts().first(Thresholds.class)).contains(narrow);
    }

    @Test
    void rulesAndProfilesAreRequired() {
        assertThatThrownBy(() -> Pipeline.builder().profiles(Path.of("fhir-profiles")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rules");
        assertThatThrownBy(() -> Pipeline.builder().rules(Path.of("rules")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("profiles");
    }

    @Test
    void onlyABundleOfARecordTypeIsOnePatientsRecord() {
        var patient = refused(() -> PIPELINE.evaluate(bytes("{\"resourceType\":\"Patient\",\"id\":\"p\"}"), EARLY_ON_PACLITAXEL));
        assertThat(patient.problem()).isEqualTo(Problem.UNPROCESSABLE);
        assertThat(patient.location()).isEqualTo("Patient");
        var untyped = refused(() -> PIPELINE.evaluate(bytes("{\"resourceType\":\"Bundle\",\"entry\":[]}"), EARLY_ON_PACLITAXEL));
        assertThat(untyped.problem()).isEqualTo(Problem.UNPROCESSABLE);
        assertThat(untyped.issueCode()).isEqualTo("required");
        assertThat(untyped.location()).isEqualTo("Bundle.type");
        var history = refused(() -> PIPELINE.evaluate(bytes("{\"resourceType\":\"Bundle\",\"type\":\"history\"}"), EARLY_ON_PACLITAXEL));
        assertThat(history.problem()).isEqualTo(Problem.UNPROCESSABLE);
        assertThat(history.issueCode()).isEqualTo("not-supported");
        var broken = refused(() -> PIPELINE.evaluate(bytes("{\"resourceType\":"), EARLY_ON_PACLITAXEL));
        assertThat(broken.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(broken.location()).startsWith("line 1, column");
    }

    @Test
    void errorsOfALooseInputAreLocatedUnderItsLocation() {
        JsonNode searchset = tree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2024-02-30\"}}]}");
        var inBundle = refused(() -> PIPELINE.evaluate(List.of(FhirInput.of(searchset, "prefetch.conditions")), "p", EARLY_ON_PACLITAXEL,
                Pipeline.Options.STRICT));
        assertThat(inBundle.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(inBundle.issueCode()).isEqualTo("value");
        assertThat(inBundle.location()).isEqualTo("prefetch.conditions.entry[0].resource.onsetDateTime");
        assertThat(inBundle.getMessage()).startsWith("prefetch.conditions: ").contains("onsetDateTime");

        JsonNode condition = searchset.path("entry").get(0).path("resource");
        var alone = refused(() -> PIPELINE.evaluate(List.of(FhirInput.of(condition, "Condition.ndjson line 3")), "p", EARLY_ON_PACLITAXEL,
                Pipeline.Options.STRICT));
        assertThat(alone.location()).isEqualTo("Condition.ndjson line 3.onsetDateTime");
        var unlocated = refused(() -> PIPELINE.evaluate(List.of(FhirInput.of(condition, null)), "p", EARLY_ON_PACLITAXEL, Pipeline.Options.STRICT));
        assertThat(unlocated.location()).isEqualTo("Condition.onsetDateTime");

        var notJson = refused(() -> FhirInput.read(bytes("{\"resourceType\":\"Patient\",,}"), "Patient.ndjson line 7"));
        assertThat(notJson.problem()).isEqualTo(Problem.MALFORMED);
        assertThat(notJson.location()).isEqualTo("Patient.ndjson line 7");
        assertThat(notJson.getMessage()).contains("(line 1, column");
        var notAnObject = refused(() -> PIPELINE.evaluate(List.of(FhirInput.of(tree("[1]"), "prefetch.patient")), "p", EARLY_ON_PACLITAXEL));
        assertThat(notAnObject.location()).isEqualTo("prefetch.patient");
    }

    /** The same inputs read leniently: the Condition is left out, and where it was is said under the input's location. */
    @Test
    void whatLenientReadingLeavesOutOfALooseInputIsLocatedUnderItsLocation() {
        JsonNode searchset = tree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2024-02-30\"}}]}");
        FhirInput patient = FhirInput.of(tree("{\"resourceType\":\"Patient\",\"id\":\"p\"}"), "prefetch.patient");
        Pipeline.Result inBundle = PIPELINE.evaluate(List.of(patient, FhirInput.of(searchset, "prefetch.conditions")), "p", EARLY_ON_PACLITAXEL);
        assertThat(inBundle.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("prefetch.conditions.entry[0].resource.onsetDateTime");
            assertThat(e.sourceIds()).containsExactly("Condition/c");
        });
        assertThat(inBundle.resources()).isEqualTo(1);
        assertThat(inBundle.evaluation().codes()).containsExactly("DATA_INVALID_RECORD");

        JsonNode condition = searchset.path("entry").get(0).path("resource");
        Pipeline.Result alone = PIPELINE.evaluate(List.of(patient, FhirInput.of(condition, "Condition.ndjson line 3")), "p", EARLY_ON_PACLITAXEL);
        assertThat(alone.leftOut()).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo("Condition.ndjson line 3.onsetDateTime"));
        assertThat(alone.record().primaries()).isEmpty();
    }

    @Test
    void aResourceGivenTwiceCountsOnceAsGivenLastAndOperationOutcomesAreLeftOut() {
        FhirInput stored = FhirInput.of(tree("{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}"), "prefetch.patient");
        ObjectNode page = (ObjectNode) tree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"male\",\"birthDate\":\"1960-01-01\"}},"
                + "{\"resource\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"warning\",\"code\":\"incomplete\"}]}}]}");
        LooseRecord record = PIPELINE.looseRecord().add(stored).add(FhirInput.of(page, "fhirServer.patient"));
        Pipeline.Result result = PIPELINE.evaluate(record, "p", EARLY_ON_PACLITAXEL);
        assertThat(result.resources()).isEqualTo(1);
        assertThat(result.record().patient().sex()).isEqualTo("male");
        assertThat(result.evaluation().codes()).isEmpty(); // no breast cancer recorded: nothing to say
    }

    @Test
    void unknownElementsAreToleratedAndReportedAsWarnings() {
        FhirInput patient = FhirInput.of(tree("{\"resourceType\":\"Patient\",\"id\":\"p\",\"favouriteColour\":\"blue\"}"), "prefetch.patient");
        assertThat(PIPELINE.evaluate(List.of(patient), "p", EARLY_ON_PACLITAXEL).warnings()).singleElement().asString().contains("favouriteColour");
    }
}

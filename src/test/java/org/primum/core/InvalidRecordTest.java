package org.primum.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.primum.engine.Recommendation;
import org.primum.facts.InvalidElement;
import org.primum.facts.InvalidElement.LeftOut;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, class 9 ("one invalid element rejects the whole record"), on public records made invalid the way
 * real exports are: read leniently (the default) the patient gets an answer, with {@code DATA_INVALID_RECORD}
 * naming each left-out part and its entry; read strictly the record is refused at a location naming the entry.
 * {@code DATA_INVALID_RECORD}'s firing case lives here: a scenario YAML cannot carry invalid FHIR (CoverageTest).
 */
class InvalidRecordTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pipeline PIPELINE = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
    /** mCODE 4.0.0 example patient (real mCODE content): entries 19–21 are the ER, PR and HER2 Observations. */
    private static final String JENNY = "mcode-patient-bundle-jenny-m.json";
    private static final LocalDate JENNY_AS_OF = LocalDate.of(2019, 6, 1);
    /** Synthea 3.3.0 de novo stage IV: entry 208 is the breast primary, 216 the ER Observation. */
    private static final String SYNTHEA = "synthea-3.3.0-breast-stage4-seed20240101.json";
    private static final LocalDate EARLY_ON_PACLITAXEL = LocalDate.of(1998, 5, 1);

    private static ObjectNode fixture(String name) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(FIXTURES.resolve(name)));
    }

    private static ObjectNode resource(ObjectNode bundle, int entry) {
        return (ObjectNode) bundle.path("entry").get(entry).path("resource");
    }

    /** A second value[x] beside the one the Observation has, as the mCODE test patient of the issue carried. */
    private static void secondValue(ObjectNode bundle, int entry) {
        resource(bundle, entry).put("valueString", "positive");
    }

    private static byte[] bytes(JsonNode json) throws IOException {
        return JSON.writeValueAsBytes(json);
    }

    private static TreeSet<String> codes(Pipeline.Result result) {
        return new TreeSet<>(result.evaluation().codes());
    }

    @Test
    void anMcodeRecordWhoseObservationsCarryTwoValuesGetsAnAnswerWithDataInvalidRecord() throws IOException {
        ObjectNode bundle = fixture(JENNY);
        Pipeline.Result valid = PIPELINE.evaluate(bytes(bundle), JENNY_AS_OF);
        for (int entry : new int[]{19, 20, 21}) secondValue(bundle, entry);

        Pipeline.Result result = PIPELINE.evaluate(bytes(bundle), JENNY_AS_OF);

        TreeSet<String> expected = codes(valid);
        expected.add("DATA_INVALID_RECORD");
        assertThat(codes(result)).isEqualTo(expected);
        assertThat(result.leftOut()).extracting(InvalidElement::location).containsExactly("Bundle.entry[19].resource.value[x]",
                "Bundle.entry[20].resource.value[x]", "Bundle.entry[21].resource.value[x]");
        assertThat(result.leftOut()).allMatch(e -> e.leftOut() == LeftOut.RESOURCE && e.problem().equals("two values of one choice element"));
        Recommendation invalid = result.evaluation().recommendations().stream().filter(r -> r.code().equals("DATA_INVALID_RECORD")).findFirst().orElseThrow();
        assertThat(invalid.because()).flatExtracting(Recommendation.Because::resourceIds).containsExactlyInAnyOrder(
                "Observation/tumor-marker-test-er-jenny-m", "Observation/tumor-marker-test-pr-jenny-m", "Observation/tumor-marker-test-her2-jenny-m");
        assertThat(invalid.because()).extracting(Recommendation.Because::description).anyMatch(d -> d.contains("Bundle.entry[19].resource.value[x]"));
        assertThat(result.resources()).isEqualTo(valid.resources() - 3);
        assertThat(valid.leftOut()).isEmpty();
        assertThat(valid.evaluation().codes()).doesNotContain("DATA_INVALID_RECORD");
    }

    @Test
    void theSameRecordReadStrictlyIsRefusedAtALocationNamingTheEntry() throws IOException {
        ObjectNode bundle = fixture(JENNY);
        for (int entry : new int[]{19, 20, 21}) secondValue(bundle, entry);
        assertThatThrownBy(() -> PIPELINE.evaluate(bytes(bundle), JENNY_AS_OF, Pipeline.Options.STRICT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
                    assertThat(e.issueCode()).isEqualTo("structure");
                    assertThat(e.location()).isEqualTo("Bundle.entry[19].resource.value[x]");
                });
    }

    /** A de novo stage IV record whose ER result is invalid: the guidance goes on, and says the receptor status is incomplete. */
    @Test
    void aLeftOutReceptorResultIsMissingDataNotASilentGap() throws IOException {
        ObjectNode bundle = fixture(SYNTHEA);
        Pipeline.Result valid = PIPELINE.evaluate(bytes(bundle), EARLY_ON_PACLITAXEL);
        secondValue(bundle, 216);
        Pipeline.Result result = PIPELINE.evaluate(bytes(bundle), EARLY_ON_PACLITAXEL);
        TreeSet<String> expected = codes(valid);
        expected.addAll(List.of("DATA_INVALID_RECORD", "DATA_MISSING_RECEPTOR_STATUS"));
        assertThat(codes(result)).isEqualTo(expected);
        assertThat(result.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("Bundle.entry[216].resource.value[x]");
            assertThat(e.sourceIds()).containsExactly("Observation/d189ce61-8b74-0339-dbcf-db873eeb4a23");
        });
    }

    /** An impossible date in the primary's Condition: the Condition is left out (not read undated), the answer is still given. */
    @Test
    void anImpossibleDateLeavesItsConditionOutAndTheAnswerIsStillComputed() throws IOException {
        ObjectNode bundle = fixture(SYNTHEA);
        resource(bundle, 208).put("onsetDateTime", "1998-02-30");
        Pipeline.Result result = PIPELINE.evaluate(bytes(bundle), EARLY_ON_PACLITAXEL);
        assertThat(result.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("Bundle.entry[208].resource.onsetDateTime");
            assertThat(e.resourceType()).isEqualTo("Condition");
            assertThat(e.leftOut()).isEqualTo(LeftOut.RESOURCE);
        });
        assertThat(result.record().primaries()).isEmpty();
        // without its primary no guidance can be given: the answer says why instead of refusing the record
        assertThat(result.evaluation().codes()).containsExactly("DATA_INVALID_RECORD");
        assertThatThrownBy(() -> PIPELINE.evaluate(bytes(bundle), EARLY_ON_PACLITAXEL, Pipeline.Options.STRICT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.location()).isEqualTo("Bundle.entry[208].resource.onsetDateTime"));
    }

    /** A prefetch-shaped input: the location names the prefetch key and the entry. */
    @Test
    void looseInputsLocateWhatIsLeftOutUnderTheirOwnLocation() throws IOException {
        ObjectNode bundle = fixture(SYNTHEA);
        resource(bundle, 216).put("effectiveDateTime", "1998-13-01");
        List<FhirInput> inputs = new ArrayList<>();
        String patientId = null;
        ObjectNode observations = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            switch (r.path("resourceType").asText()) {
                case "Observation" -> observations.withArray("entry").addObject().set("resource", r);
                case "Patient" -> {
                    patientId = r.path("id").asText();
                    inputs.add(FhirInput.of(r, "prefetch.patient"));
                }
                default -> inputs.add(FhirInput.of(r, "prefetch.other"));
            }
        }
        int erIndex = 0;
        for (JsonNode e : observations.path("entry")) {
            if (e.path("resource").path("id").asText().equals("d189ce61-8b74-0339-dbcf-db873eeb4a23")) break;
            erIndex++;
        }
        inputs.add(FhirInput.of(observations, "prefetch.observations"));
        Pipeline.Result result = PIPELINE.evaluate(inputs, patientId, EARLY_ON_PACLITAXEL);
        int index = erIndex;
        assertThat(result.leftOut()).singleElement().satisfies(e ->
                assertThat(e.location()).isEqualTo("prefetch.observations.entry[" + index + "].resource.effectiveDateTime"));
        assertThat(result.evaluation().codes()).contains("DATA_INVALID_RECORD", "DATA_MISSING_RECEPTOR_STATUS", "SYSTEMIC_THERAPY_FIRST");
    }
}

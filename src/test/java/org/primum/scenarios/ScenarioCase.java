package org.primum.scenarios;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.primum.facts.MappingNote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One clinical case of {@code src/test/resources/scenarios/<outcome>/*.yaml}: a compact description of the record
 * (turned into a FHIR R4 Bundle by {@link FhirCaseBuilder}) and what the guidance must and must not say.
 * Dates are ISO strings; ids become the FHIR resource ids, so expectations can name "Condition/met-bone".
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ScenarioCase(String description, String asOf, Patient patient, Primary primary, List<Primary> otherPrimaries,
                           List<OtherCondition> otherConditions, List<Met> metastases, Receptors receptors,
                           List<Therapy> therapies, List<Status> statuses, List<Performance> performance, List<Tnm> tnm,
                           List<Proc> procedures, List<Proc> orders, List<Symptom> symptoms, List<Margin> margins,
                           List<Her2Test> her2Tests, List<MarkerTest> markerTests, Expect expect) {

    /** {@code deceased}: "true" (deceasedBoolean, no date) or the ISO date of death; absent: alive. */
    public record Patient(String id, String birthDate, String sex, String deceased) {
    }

    /** {@code coding}: snomed (default), icd10 or pattern (363346000 + bodySite). {@code date} may be absent (undated). */
    public record Primary(String id, String date, String laterality, String coding) {
    }

    /**
     * Any other diagnosis, SNOMED-coded: another cancer (a lung primary beside the breast one), a comorbidity. Not a
     * breast primary; a metastasis may name it ({@link Met#relatedTo}).
     */
    public record OtherCondition(String id, String snomed, String display, String date) {
    }

    /**
     * A distant (or, with site axillary-node, regional) metastasis. {@code coding}: snomed (specific code),
     * icd10, or pattern (128462008 + bodySite). {@code count}: recorded number of lesions. Node sites: axillary-node,
     * supraclavicular-node, unspecified-node (regional, or not said), cervical-node, mediastinal-node (distant);
     * {@code laterality} (left | right) and {@code bodySite: true} put the body structure beside the code.
     * {@code relatedTo}: the id of the condition the metastasis names as its primary (condition-related); absent: the
     * case's first primary.
     */
    public record Met(String id, String site, String date, String coding, Integer count, String laterality, Boolean bodySite,
                      String relatedTo) {
        public boolean withBodySite() { return Boolean.TRUE.equals(bodySite) || laterality != null; }
    }

    /**
     * positive | negative | equivocal; a marker left out is not recorded at all. {@code answers}: loinc
     * (default, LA answer codes), snomed (SNOMED answers), interpretation (interpretation LOINC test codes).
     */
    public record Receptors(String er, String pr, String her2, String date, String answers) {
    }

    /**
     * {@code resource}: request (default), request-reference (drug in a contained Medication), statement,
     * administration, or procedure (a chemotherapy Procedure, SNOMED 367336001). {@code status}: the resource's FHIR
     * status code (completed, on-hold, stopped, entered-in-error…); absent: as recorded by default (active, or
     * completed for an administration or a procedure).
     */
    public record Therapy(String id, String drug, String start, String resource, String status) {
        /** Entered in error: the record never happened, so it is no therapy at all. */
        public boolean enteredInError() { return "entered-in-error".equals(status); }
    }

    /** focus: primary | distant | nodes (the first node record) | whole; value: responding | partial | stable | progressing | ned | undetermined. */
    public record Status(String id, String focus, String value, String date, String loinc) {
    }

    /** scale: ecog | karnofsky. */
    public record Performance(String id, String scale, int score, String date) {
    }

    /** An AJCC category such as cT4b, cN0, pN0, cM1, or a stage group IV / IIIA. */
    public record Tnm(String id, String category, String date, String coding) {
    }

    /**
     * A procedure done (procedures) or proposed (orders). kind: lumpectomy | mastectomy | bilateral-mastectomy |
     * sentinel-node-biopsy | axillary-dissection | breast-radiotherapy | bone-radiotherapy | brain-radiotherapy;
     * laterality: left | right; status: for orders draft (default), active, on-hold, or one that proposes nothing
     * (revoked, completed, entered-in-error).
     */
    public record Proc(String id, String kind, String laterality, String date, Boolean prophylactic, String status, String coding) {
        public boolean isProphylactic() { return Boolean.TRUE.equals(prophylactic); }
        /** An order still proposed: draft, active or on hold (a revoked, completed or erroneous one proposes nothing). */
        public boolean isProposed() { return status == null || java.util.Set.of("draft", "active", "on-hold").contains(status); }
    }

    /** kind: ulceration | bleeding | fungating | infection | pain (at the breast); bone-pain, pain-unsited (not the primary's). */
    public record Symptom(String id, String kind, String date, String laterality) {
    }

    /** laterality: left | right, the breast the result's body site names (optional). */
    public record Margin(String id, boolean involved, String date, String laterality) {
    }

    /** A HER2 result by its method: ihc (LOINC 85319-2) or ish (85318-4, FISH); value positive | negative | equivocal. */
    public record Her2Test(String id, String method, String value, String date) {
    }

    /**
     * One more result of a marker (er | pr | her2), dated on its own: a re-biopsy, a result of the metastasis. value
     * positive | negative | equivocal.
     */
    public record MarkerTest(String id, String marker, String value, String date) {
    }

    /**
     * What the guidance must say. {@code fires} is every code that fires: the fired set must equal it, unless
     * {@code partial} is true, then it must contain it, and {@code reason} says why the rest is not listed
     * (required with partial, refused without). {@code doesNotFire} documents the codes the case is about not
     * firing. {@code because}: per code, what its explanation must name: "Type/id" entries must be among the
     * resource ids, other entries among the fact types (e.g. PrimarySymptom, Recommendation). {@code notes}: the
     * notes of the answer the case expects; an "unreadable resource" note the case does not list fails it.
     */
    public record Expect(List<String> fires, Boolean partial, String reason, List<String> doesNotFire,
                         Map<String, List<String>> because, List<ExpectedNote> notes) {
        public Expect {
            if (Boolean.TRUE.equals(partial) && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("expect.partial needs a reason: why not every code that fires is listed");
            }
            if (!Boolean.TRUE.equals(partial) && reason != null) {
                throw new IllegalArgumentException("expect.reason is for a partial list of fires; this one is exact");
            }
        }

        public boolean isPartial() { return Boolean.TRUE.equals(partial); }
        public List<String> firesOrEmpty() { return fires == null ? List.of() : fires; }
        public List<String> doesNotFireOrEmpty() { return doesNotFire == null ? List.of() : doesNotFire; }
        public Map<String, List<String>> becauseOrEmpty() { return because == null ? Map.of() : because; }
        public List<ExpectedNote> notesOrEmpty() { return notes == null ? List.of() : notes; }
    }

    /**
     * A note the answer must carry: its topic (e.g. "regional nodes", "unreadable resource") and, if given,
     * a resource "Type/id" it is about.
     */
    public record ExpectedNote(String topic, String about) {
        public ExpectedNote {
            if (topic == null || topic.isBlank()) throw new IllegalArgumentException("an expected note needs a topic");
        }

        public boolean matches(MappingNote note) {
            return topic.equals(note.topic()) && (about == null || note.sourceIds().contains(about));
        }
    }

    /** The same case with other expectations (for tests of the assertions themselves). */
    public ScenarioCase withExpect(Expect other) {
        return new ScenarioCase(description, asOf, patient, primary, otherPrimaries, otherConditions, metastases, receptors,
                therapies, statuses, performance, tnm, procedures, orders, symptoms, margins, her2Tests, markerTests, other);
    }

    public LocalDate asOfDate() { return LocalDate.parse(asOf); }

    static <T> List<T> orEmpty(List<T> list) { return list == null ? List.of() : list; }

    public List<Primary> allPrimaries() {
        return Stream.concat(primary == null ? Stream.<Primary>empty() : Stream.of(primary), orEmpty(otherPrimaries).stream()).toList();
    }

    static final Path DIR = Path.of("src/test/resources/scenarios");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static ScenarioCase read(Path file) {
        try {
            return YAML.readValue(file.toFile(), ScenarioCase.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    /**
     * Every scenario file, in the outcome folders under {@link #DIR}, sorted by path. The golden answers and the
     * reports key a scenario by its file name alone, so names are unique across folders (CoverageTest checks it).
     */
    public static List<Path> files() {
        try (Stream<Path> s = Files.walk(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario's name: its file name without the extension (and without its folder). */
    public static String name(Path file) {
        return file.getFileName().toString().replace(".yaml", "");
    }
}

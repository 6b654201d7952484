package org.primum.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.core.FhirInput;
import org.primum.engine.Evaluation;
import org.primum.facts.CaseFacts;
import org.primum.facts.InvalidElement;
import org.primum.facts.MappingNote;
import org.primum.facts.Metastasis;
import org.primum.facts.MetastaticPattern;
import org.primum.facts.PatientInfo;
import org.primum.facts.PerformanceStatus;
import org.primum.facts.Presentation;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ProcedureKind;
import org.primum.facts.TherapyExposure;
import org.primum.facts.TherapyHistory;
import org.primum.facts.TumourSubtype;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;
import org.primum.testdata.CodeSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real FHIR records written by other people and tools, never edited ({@code src/test/resources/fixtures/realworld/},
 * sources and licences in its {@code SOURCES.md}, what a clinician reads in each in its {@code README.md}): MITRE's
 * mCODE trial-matching services and app, the ONC Inferno cancer-registry test kit, the HL7 central cancer registry
 * reporting IG, an Epic DSTU2 sandbox export, a Dutch STU3 palliative-care IG. Each row is what the catalogue makes of
 * the record on {@code asOf}: the whole fired set, and the facts the answer turns on (sites read, therapy start,
 * subtype, what was left out and why), or the refusal a record that is not one FHIR R4 patient gets. Each answer is
 * also given by the path the CDS Hooks prefetch takes (loose resources), and twice the same.
 * Rows marked [fixed] answered wrongly before the fix named.
 */
class RealWorldRecordsTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/realworld");

    /** The three codes of every de novo patient with an intact primary (catalogue B). */
    static final String[] ALWAYS = {"SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL"};

    /**
     * One record on one date: the fired set and checks of the facts; or, when {@code refusal} is set, the problem the
     * whole record is refused with, a fragment of its message and its location.
     */
    record Row(String file, String asOf, String why, Set<String> fires, Consumer<CaseFacts> facts,
               Problem refusal, String message, String location) {
        @Override
        public String toString() {
            return file + " @" + asOf + ": " + why;
        }
    }

    static Row row(String file, String asOf, String why, Set<String> fires, Consumer<CaseFacts> facts) {
        return new Row(file, asOf, why, fires, facts, null, null, null);
    }

    static Row refused(String file, String why, Problem problem, String message, String location) {
        return new Row(file, "2024-01-01", why, Set.of(), f -> { }, problem, message, location);
    }

    static Set<String> fires(String... codes) {
        return CodeSets.expand(Map.of("ALWAYS", ALWAYS), codes);
    }

    static List<Row> rows() {
        return List.of(
                row("01-ctm-breastcancertrials-synthea-stage3a", "2018-01-01",
                        "[fixed: one primary, not four] stage IIIA, no metastasis; the Condition given four times (one fullUrl) is one;"
                                + " the HER2 Observation gives valueCodeableConcept and valueQuantity: left out, reported",
                        fires("NOT_APPLICABLE_NO_METASTASIS", "DATA_INVALID_RECORD"),
                        f -> {
                            assertThat(scope(f)).isEqualTo("NO_DISTANT_METASTASIS");
                            assertThat(f.all(PrimaryTumour.class)).hasSize(1);
                            assertThat(therapyStart(f)).isEqualTo("2017-07-28");
                            assertThat(leftOut(f)).containsExactly("Bundle.entry[3].resource.value[x]");
                        }),
                row("02-ctm-service-synthea-secondary-cerebrum", "2017-10-01",
                        "[fixed: other patient's ECOG named] 128462008 + meninges body site on the primary's day: de novo, brain;"
                                + " 9 weeks of paclitaxel: defer; ER/HER2 Observations invalid (two values): subtype unknown, reported;"
                                + " ECOG 3 and Karnofsky of another patient never count",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_RECEPTOR_STATUS", "DATA_INVALID_RECORD"),
                        f -> {
                            assertThat(sites(f)).containsExactly("brain");
                            assertThat(f.all(Metastasis.class)).hasSize(1);
                            assertThat(therapyStart(f)).isEqualTo("2017-07-28");
                            assertThat(f.all(PerformanceStatus.class)).isEmpty();
                            assertThat(note(f, "other patient")).contains("Observation/mCODEECOGPerformanceStatusExample",
                                    "Observation/mCODEKarnofskyPerformanceStatusExample");
                            assertThat(leftOut(f)).containsExactly("Bundle.entry[2].resource.value[x]", "Bundle.entry[3].resource.value[x]",
                                    "Bundle.entry[4].resource.value[x]");
                        }),
                row("03-ctm-service-missing-birthdate", "2018-01-01",
                        "primary only (IIIA), a Patient without birthDate: age unknown, not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"),
                        f -> {
                            assertThat(f.first(PatientInfo.class)).hasValueSatisfying(p -> assertThat(p.ageYears()).isNull());
                            assertThat(scope(f)).isEqualTo("NO_DISTANT_METASTASIS");
                        }),
                row("04-ctm-service-missing-histology", "2018-03-01",
                        "as 02, 31 weeks on: no response assessment; the sentinel node biopsy is not breast surgery (intact);"
                                + " a radiotherapy and a sentinel node biopsy share one fullUrl: one resource, the last copy counts",
                        fires("ALWAYS", "DATA_MISSING_RESPONSE_ASSESSMENT", "DATA_MISSING_RECEPTOR_STATUS", "DATA_INVALID_RECORD"),
                        f -> {
                            assertThat(f.first(Presentation.class)).hasValueSatisfying(p -> assertThat(p.primaryIntact()).isTrue());
                            assertThat(kinds(f)).containsOnly(ProcedureKind.SENTINEL_NODE_BIOPSY, ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE);
                        }),
                row("05-ctm-trialscope-interpretation-object", "2017-10-01",
                        "as 02; Observation.interpretation written as an object, not an array: the genetic variant Observation is left out",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_RECEPTOR_STATUS", "DATA_INVALID_RECORD"),
                        f -> assertThat(leftOut(f)).contains("Bundle.entry[7].resource.interpretation")),
                row("06-ctm-trialjectory-interpretation-object", "2017-10-01",
                        "as 05 with the repeated entries of 02: the same answer",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE", "DATA_MISSING_RECEPTOR_STATUS", "DATA_INVALID_RECORD"),
                        f -> assertThat(sites(f)).containsExactly("brain")),
                row("07-ctm-app-patient01-nodes-liver-bone", "2019-10-01",
                        "IDC, stage IV, undated; axillary nodes (regional), liver, bone, undated: taken as de novo; HR+/HER2-;"
                                + " leuprolide + fulvestrant + abemaciclib from 2019-04-01 (RxNorm dose-form groups, read by name): 26 weeks, no assessment",
                        fires("ALWAYS", "DATA_MISSING_RESPONSE_ASSESSMENT"),
                        f -> {
                            assertThat(sites(f)).containsExactly("bone", "liver");
                            assertThat(f.first(Presentation.class)).hasValueSatisfying(p -> assertThat(p.assumedDeNovo()).isTrue());
                            assertThat(subtype(f)).isEqualTo("HR_POSITIVE_HER2_NEGATIVE");
                            assertThat(therapyStart(f)).isEqualTo("2019-04-01");
                            assertThat(note(f, "regional nodes")).contains("Condition/mCODETrialMatchingSecondaryCancerConditionPatientExample01");
                        }),
                row("07-ctm-app-patient01-nodes-liver-bone", "2019-05-01",
                        "the same record 4 weeks into therapy: defer",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"),
                        f -> assertThat(therapyStart(f)).isEqualTo("2019-04-01")),
                row("08-ctm-app-patient02-bone-lumpectomy", "2019-10-01",
                        "[fixed: bone radiotherapy read as such] undated primary dated by its lumpectomy (2019-03-01), undated bone"
                                + " metastasis taken as de novo: resected primary, so no recommendation on whether or when to do LRT;"
                                + " radiotherapy of the right acetabulum (719537008) is radiotherapy of a bone metastasis",
                        fires(),
                        f -> {
                            assertThat(f.first(Presentation.class)).hasValueSatisfying(p -> {
                                assertThat(p.primaryIntact()).isFalse();
                                assertThat(p.primaryResectedOn()).hasToString("2019-03-01");
                            });
                            assertThat(sites(f)).containsExactly("bone");
                            assertThat(f.first(MetastaticPattern.class)).hasValueSatisfying(m -> assertThat(m.boneOnly()).isTrue());
                            assertThat(therapyStart(f)).isEqualTo("2019-06-01");
                            assertThat(f.all(ProcedureDone.class)).anySatisfy(p -> {
                                assertThat(p.kind()).isEqualTo(ProcedureKind.METASTASIS_RADIOTHERAPY);
                                assertThat(p.date()).hasToString("2019-05-01");
                            });
                        }),
                row("09-inferno-ccrr-patient-86-brain-metastasis", "2019-06-01",
                        "Synthea patient deceased in 1977 given a 2019 breast cancer and brain metastasis: deceased wins; paclitaxel"
                                + " a year before the diagnosis is history",
                        fires("NOT_APPLICABLE_DECEASED"),
                        f -> {
                            assertThat(scope(f)).isEqualTo("DECEASED");
                            assertThat(f.all(TherapyHistory.class)).hasSize(1);
                            assertThat(f.first(PrimaryTumour.class)).hasValueSatisfying(p -> assertThat(p.laterality()).hasToString("LEFT"));
                        }),
                row("10-inferno-ccrr-content-complete-mixed-patients", "2019-06-01",
                        "[fixed: said why] a registry content Bundle mixing six patients' examples: its one Patient has no cancer;"
                                + " the breast primary and brain metastasis of others never merge into her record",
                        fires(),
                        f -> {
                            assertThat(scope(f)).isEqualTo("NO_BREAST_PRIMARY");
                            assertThat(note(f, "other patient")).contains("Condition/primary-cancer-condition-complete",
                                    "Condition/secondary-cancer-condition-brain-mets");
                        }),
                row("11-inferno-ccrr-content-incomplete-mixed-patients", "2019-06-01",
                        "as 10, without the stage group", fires(),
                        f -> assertThat(scope(f)).isEqualTo("NO_BREAST_PRIMARY")),
                refused("12-ccrr-content-encounter-no-patient", "a content Bundle naming Patient/example without the Patient: not one"
                        + " patient's record as the tumour board takes it", Problem.UNPROCESSABLE, "exactly one Patient", "Bundle.entry"),
                refused("13-ccrr-content-docetaxel-no-patient", "as 12, with docetaxel", Problem.UNPROCESSABLE, "exactly one Patient", "Bundle.entry"),
                row("14-ctm-ancora-search-bundle-colon", "2024-01-01",
                        "[fixed: stable ids] the app's search Bundle: colon cancer, not breast; its Condition has no id and is named"
                                + " 'Condition/(no id 1)' in every answer; a birth year alone is taken as 1 January",
                        fires(),
                        f -> {
                            assertThat(scope(f)).isEqualTo("NO_BREAST_PRIMARY");
                            assertThat(f.unrecognised()).anySatisfy(u -> assertThat(u.sourceId()).isEqualTo("Condition/(no id 1)"));
                        }),
                refused("15-epic-dstu2-searchset-breast-c79-81", "[fixed: says why] an Epic DSTU2 searchset (breast primary, C79.81):"
                        + " not R4", Problem.MALFORMED, "FHIR DSTU2", "Bundle.entry[0].resource.patient"),
                refused("16-iknl-pzp-stu3-palliative-care-plan", "[fixed: says why] an STU3 palliative care plan (Observation.context):"
                        + " not R4", Problem.MALFORMED, "FHIR STU3", "Bundle.entry[3].resource.context"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersAsTheCatalogueSays(Row row) throws IOException {
        byte[] json = Files.readAllBytes(DIR.resolve(row.file() + ".json"));
        LocalDate asOf = LocalDate.parse(row.asOf());
        if (row.refusal() != null) {
            assertThatThrownBy(() -> Pipeline.CORE.evaluate(json, asOf)).as(row.toString())
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problem()).isEqualTo(row.refusal());
                        assertThat(e.getMessage()).contains(row.message());
                        assertThat(e.location()).isEqualTo(row.location());
                    });
            return;
        }
        Evaluation e = Pipeline.CORE.evaluate(json, asOf).evaluation();
        String account = row.why() + "\n  facts: " + e.facts().facts()
                + "\n  notes: " + e.facts().notes().stream().map(MappingNote::text).toList();
        assertThat(new TreeSet<>(e.codes())).as(account).isEqualTo(new TreeSet<>(row.fires()));
        row.facts().accept(e.facts());
        // the same answer twice (no identity-dependent id), and by the loose-resources path the CDS Hooks prefetch takes
        assertThat(Pipeline.CORE.evaluate(json, asOf).evaluation().facts().toString()).as(account).isEqualTo(e.facts().toString());
        String patient = e.facts().first(PatientInfo.class).map(PatientInfo::sourceId).orElseThrow().substring("Patient/".length());
        Evaluation loose = Pipeline.CORE.evaluate(List.of(FhirInput.read(json, "prefetch")), patient, asOf).evaluation();
        assertThat(new TreeSet<>(loose.codes())).as(account + "\n  read as loose resources").isEqualTo(new TreeSet<>(row.fires()));
    }

    /** Every file of the folder is a row: a record added without its expectation would test nothing. */
    @Test
    void everyFileHasARow() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            Set<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(files).isEqualTo(rows().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    private static String scope(CaseFacts f) {
        return f.first(Presentation.class).map(p -> p.scope().name()).orElse(null);
    }

    private static List<String> sites(CaseFacts f) {
        return f.first(MetastaticPattern.class).map(MetastaticPattern::sites).orElse(List.of());
    }

    private static String therapyStart(CaseFacts f) {
        return f.first(TherapyExposure.class).map(t -> String.valueOf(t.firstStart())).orElse(null);
    }

    private static String subtype(CaseFacts f) {
        return f.first(TumourSubtype.class).map(t -> t.subtype().name()).orElse(null);
    }

    private static List<String> leftOut(CaseFacts f) {
        return f.all(InvalidElement.class).stream().map(InvalidElement::location).toList();
    }

    private static Set<ProcedureKind> kinds(CaseFacts f) {
        return f.all(ProcedureDone.class).stream().map(ProcedureDone::kind).collect(Collectors.toSet());
    }

    /** The source ids of the note of {@code topic} (empty when there is none). */
    private static List<String> note(CaseFacts f, String topic) {
        return f.notes().stream().filter(n -> n.topic().equals(topic)).flatMap(n -> n.sourceIds().stream()).toList();
    }
}

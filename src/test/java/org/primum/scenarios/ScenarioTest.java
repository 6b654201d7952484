package org.primum.scenarios;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.engine.Evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every clinical scenario of {@code src/test/resources/scenarios/} (all outcome folders), as an EHR would send
 * it: a FHIR R4 Bundle built from the case, through the real pipeline (FhirMapper → ClinicalInterpreter → rules).
 */
class ScenarioTest {

    static List<Path> scenarios() {
        return ScenarioCase.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void throughTheFhirPipeline(Path file) {
        ScenarioCase c = ScenarioCase.read(file);
        Bundle bundle = FhirCaseBuilder.build(c);
        Evaluation evaluation = Pipeline.viaFhir(bundle, c.asOfDate());
        ScenarioAssertions.check(file.getFileName().toString(), c, evaluation);
        ScenarioAssertions.checkNotes(file.getFileName().toString(), c, evaluation);
        // the builder writes standard codes only: each must be recognised, or the case would test nothing; only the
        // case's other diagnoses (a lung cancer, a comorbidity) are outside the guidance's terminology, and reported so
        Set<String> others = ScenarioCase.orEmpty(c.otherConditions()).stream().map(o -> "Condition/" + o.id()).collect(Collectors.toSet());
        assertThat(evaluation.facts().unrecognised()).as(file + " unrecognised codes")
                .allMatch(u -> others.contains(u.sourceId()));
    }

    /** The mapping of the Bundle and the record written directly lead to the same recommendations. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void fhirAndDirectRecordAgree(Path file) {
        ScenarioCase c = ScenarioCase.read(file);
        Evaluation viaFhir = Pipeline.viaFhir(FhirCaseBuilder.build(c), c.asOfDate());
        Evaluation direct = Pipeline.evaluate(RecordCaseBuilder.build(c), c.asOfDate());
        assertThat(new TreeSet<>(viaFhir.codes())).as(file.toString()).isEqualTo(new TreeSet<>(direct.codes()));
    }
}

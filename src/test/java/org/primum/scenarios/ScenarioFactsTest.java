package org.primum.scenarios;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

/**
 * The same scenarios with the record built directly (no FHIR): isolates the rules and the clinical
 * interpreter from the mapping, so a failure here is a rule problem, a failure only in
 * {@link ScenarioTest} a mapping one.
 */
class ScenarioFactsTest {

    static List<Path> scenarios() {
        return ScenarioCase.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void onTheRecordAsMapped(Path file) {
        ScenarioCase c = ScenarioCase.read(file);
        ScenarioAssertions.check(file.getFileName().toString(), c, Pipeline.evaluate(RecordCaseBuilder.build(c), c.asOfDate()));
    }
}

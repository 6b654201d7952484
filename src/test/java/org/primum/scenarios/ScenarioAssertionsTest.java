package org.primum.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.engine.Evaluation;
import org.primum.facts.CaseFacts;
import org.primum.facts.MappingNote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario checks can fail: on a code nobody listed, on a listed code that does not fire, on an unexpected note. */
class ScenarioAssertionsTest {
    private static final Path FILE = ScenarioCase.DIR.resolve("no-lrt/no-lrt-when-both-sites-controlled-at-16-weeks.yaml");
    private static final ScenarioCase CASE = ScenarioCase.read(FILE);
    private static final Evaluation EVALUATION = Pipeline.viaFhir(FhirCaseBuilder.build(CASE), CASE.asOfDate());
    private static final MappingNote UNREADABLE = new MappingNote(ScenarioAssertions.UNREADABLE,
            "A Observation could not be read (IllegalStateException) and was left out.", List.of("Observation/st-primary"));

    private static ScenarioCase expecting(List<String> fires, Boolean partial, String reason, List<ScenarioCase.ExpectedNote> notes) {
        ScenarioCase.Expect e = CASE.expect();
        return CASE.withExpect(new ScenarioCase.Expect(fires, partial, reason, e.doesNotFire(), e.because(), notes));
    }

    private static List<String> listedWithout(String code) {
        List<String> fires = new ArrayList<>(CASE.expect().firesOrEmpty());
        assertThat(fires.remove(code)).as(code + " is listed in " + FILE).isTrue();
        return fires;
    }

    private static Evaluation withNote(MappingNote note) {
        CaseFacts f = EVALUATION.facts();
        List<MappingNote> notes = new ArrayList<>(f.notes());
        notes.add(note);
        return new Evaluation(EVALUATION.knowledgeBaseVersion(), new CaseFacts(f.asOf(), f.facts(), notes, f.unrecognised()),
                EVALUATION.recommendations(), EVALUATION.missingData());
    }

    @Test
    void theScenarioAsWrittenPasses() {
        assertThatCode(() -> {
            ScenarioAssertions.check("as written", CASE, EVALUATION);
            ScenarioAssertions.checkNotes("as written", CASE, EVALUATION);
        }).doesNotThrowAnyException();
    }

    @Test
    void aCodeThatFiresButIsNotListedFailsAnExactScenario() {
        ScenarioCase c = expecting(listedWithout("LRT_NOT_FOR_SURVIVAL"), null, null, null);
        assertThatThrownBy(() -> ScenarioAssertions.check("unlisted", c, EVALUATION)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("fired but not listed: [LRT_NOT_FOR_SURVIVAL]");
    }

    @Test
    void aListedCodeThatDoesNotFireFails() {
        List<String> fires = new ArrayList<>(CASE.expect().firesOrEmpty());
        fires.add("POOR_PERFORMANCE_STATUS");
        ScenarioCase c = expecting(fires, null, null, null);
        assertThatThrownBy(() -> ScenarioAssertions.check("not fired", c, EVALUATION)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("listed but not fired: [POOR_PERFORMANCE_STATUS]");
    }

    @Test
    void aPartialListPassesWithItsReasonButStillNeedsWhatItLists() {
        ScenarioCase partial = expecting(listedWithout("LRT_NOT_FOR_SURVIVAL"), true, "the universal codes are another scenario's subject", null);
        assertThatCode(() -> ScenarioAssertions.check("partial", partial, EVALUATION)).doesNotThrowAnyException();

        ScenarioCase wrong = expecting(List.of("POOR_PERFORMANCE_STATUS"), true, "only the code under test", null);
        assertThatThrownBy(() -> ScenarioAssertions.check("partial, not fired", wrong, EVALUATION)).isInstanceOf(AssertionError.class);
    }

    @Test
    void partialNeedsAReasonAndAReasonNeedsPartial(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> expecting(List.of(), true, " ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> expecting(List.of(), null, "why", null)).isInstanceOf(IllegalArgumentException.class);

        Path file = dir.resolve("partial-without-reason.yaml");
        Files.writeString(file, Files.readString(FILE).replace("expect:\n", "expect:\n  partial: true\n"));
        assertThatThrownBy(() -> ScenarioCase.read(file)).hasStackTraceContaining("needs a reason");
    }

    @Test
    void anUnreadableResourceNoteTheScenarioDoesNotExpectFails() {
        assertThatThrownBy(() -> ScenarioAssertions.checkNotes("unreadable", CASE, withNote(UNREADABLE))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("left out as unreadable");
    }

    @Test
    void anUnreadableResourceNoteTheScenarioExpectsPasses() {
        ScenarioCase c = expecting(CASE.expect().fires(), null, null,
                List.of(new ScenarioCase.ExpectedNote(ScenarioAssertions.UNREADABLE, "Observation/st-primary")));
        assertThatCode(() -> ScenarioAssertions.checkNotes("expected", c, withNote(UNREADABLE))).doesNotThrowAnyException();

        ScenarioCase otherResource = expecting(CASE.expect().fires(), null, null,
                List.of(new ScenarioCase.ExpectedNote(ScenarioAssertions.UNREADABLE, "Observation/st-distant")));
        assertThatThrownBy(() -> ScenarioAssertions.checkNotes("another resource", otherResource, withNote(UNREADABLE)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anExpectedNoteThatIsAbsentFails() {
        ScenarioCase c = expecting(CASE.expect().fires(), null, null, List.of(new ScenarioCase.ExpectedNote("regional nodes", null)));
        assertThatThrownBy(() -> ScenarioAssertions.checkNotes("absent", c, EVALUATION)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected note");
    }
}

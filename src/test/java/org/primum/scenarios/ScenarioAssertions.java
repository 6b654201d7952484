package org.primum.scenarios;

import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;
import org.primum.facts.MappingNote;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an evaluation against a scenario's {@code expect}, with a readable account on failure. */
final class ScenarioAssertions {
    /**
     * The topic of the note the mapping writes when a resource could not be read and was left out
     * (org.primum.fhir.FhirMapper): in a scenario, whose records the builder writes correctly, it means a mapping bug.
     */
    static final String UNREADABLE = "unreadable resource";

    private ScenarioAssertions() {
    }

    /** The codes: every one listed fires and (unless partial) nothing else; doesNotFire; the explanations. */
    static void check(String name, ScenarioCase c, Evaluation e) {
        List<String> codes = e.codes();
        String account = account(name, e);
        ScenarioCase.Expect expect = c.expect();
        if (expect.isPartial()) {
            assertThat(codes).as("fires (partial: " + expect.reason() + ")\n" + account).containsAll(expect.firesOrEmpty());
        } else {
            Set<String> fired = new TreeSet<>(codes), listed = new TreeSet<>(expect.firesOrEmpty());
            Set<String> unexpected = new TreeSet<>(fired), missing = new TreeSet<>(listed);
            unexpected.removeAll(listed);
            missing.removeAll(fired);
            assertThat(fired).as("fires must list every code that fires (or say partial: true with a reason)\n"
                    + "  fired but not listed: " + unexpected + "\n  listed but not fired: " + missing + "\n" + account).isEqualTo(listed);
        }
        if (!expect.doesNotFireOrEmpty().isEmpty()) {
            assertThat(codes).as("doesNotFire\n" + account).doesNotContainAnyElementsOf(expect.doesNotFireOrEmpty());
        }
        for (Map.Entry<String, List<String>> entry : expect.becauseOrEmpty().entrySet()) {
            Recommendation r = e.recommendations().stream().filter(x -> x.code().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new AssertionError(entry.getKey() + " did not fire\n" + account));
            List<String> ids = r.because().stream().flatMap(b -> b.resourceIds().stream()).distinct().toList();
            List<String> facts = r.because().stream().map(Recommendation.Because::fact).distinct().toList();
            for (String expected : entry.getValue()) {
                if (expected.contains("/")) {
                    assertThat(ids).as(entry.getKey() + " because names resource " + expected + "\n  because: " + r.because()).contains(expected);
                } else {
                    assertThat(facts).as(entry.getKey() + " because names fact " + expected + "\n  because: " + r.because()).contains(expected);
                }
            }
            assertThat(r.because()).as(entry.getKey() + " has descriptions").allSatisfy(b -> assertThat(b.description()).isNotBlank());
        }
    }

    /**
     * The notes, on the answer of the FHIR pipeline (most notes are the mapping's): every note the scenario
     * expects is there, and every "unreadable resource" note is one it expects.
     */
    static void checkNotes(String name, ScenarioCase c, Evaluation e) {
        List<MappingNote> notes = e.facts().notes();
        List<ScenarioCase.ExpectedNote> expected = c.expect().notesOrEmpty();
        for (ScenarioCase.ExpectedNote x : expected) {
            assertThat(notes).as("expected note " + x + "\n" + account(name, e)).anyMatch(x::matches);
        }
        List<MappingNote> unexpected = notes.stream().filter(n -> n.topic().equals(UNREADABLE))
                .filter(n -> expected.stream().noneMatch(x -> x.matches(n))).toList();
        assertThat(unexpected).as("a resource the scenario writes was left out as unreadable (a mapping bug, or list it in expect.notes)\n"
                + account(name, e)).isEmpty();
    }

    private static String account(String name, Evaluation e) {
        return name + "\n  fired: " + e.codes() + "\n  facts: " + e.facts().facts().stream()
                .map(f -> f.getClass().getSimpleName() + "[" + f.describe() + "]").collect(Collectors.joining("; "))
                + "\n  notes: " + e.facts().notes();
    }
}

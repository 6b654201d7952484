package org.primum.scenarios;

import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an evaluation against a scenario's {@code expect}, with a readable account on failure. */
final class ScenarioAssertions {
    private ScenarioAssertions() {
    }

    static void check(String name, ScenarioCase c, Evaluation e) {
        List<String> codes = e.codes();
        String account = name + "\n  fired: " + codes + "\n  facts: " + e.facts().facts().stream()
                .map(f -> f.getClass().getSimpleName() + "[" + f.describe() + "]").collect(Collectors.joining("; "))
                + "\n  notes: " + e.facts().notes();
        if (!c.expect().firesOrEmpty().isEmpty()) {
            assertThat(codes).as("fires\n" + account).containsAll(c.expect().firesOrEmpty());
        }
        if (!c.expect().doesNotFireOrEmpty().isEmpty()) {
            assertThat(codes).as("doesNotFire\n" + account).doesNotContainAnyElementsOf(c.expect().doesNotFireOrEmpty());
        }
        for (Map.Entry<String, List<String>> entry : c.expect().becauseOrEmpty().entrySet()) {
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
}

package org.primum.scenarios;

import org.junit.jupiter.api.Test;
import org.primum.engine.RuleDefinition;

import java.nio.file.Path;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base against the catalogue, and the scenarios against the knowledge base: every code of
 * sections A–E is implemented (and nothing else), and every implemented code has at least one scenario
 * where it must fire and one where it must not (the firing side of a code no YAML record can make fire is a
 * named test instead: {@link Catalogue#FIRES_IN_TESTS}).
 */
class CoverageTest {

    private static final List<RuleDefinition> RULES = Pipeline.KNOWLEDGE_BASE.definitions();

    @Test
    void everyCatalogueCodeIsARuleAndEveryRuleACatalogueCode() {
        Set<String> implemented = new TreeSet<>(RULES.stream().map(RuleDefinition::code).toList());
        assertThat(implemented).as("codes of sections A–E missing from rules/")
                .containsAll(Catalogue.CODES.keySet());
        assertThat(Catalogue.CODES.keySet()).as("codes in rules/ that the catalogue does not define")
                .containsAll(implemented);
        assertThat(RULES).as("exactly one rule per code").hasSize(Catalogue.CODES.size());
    }

    @Test
    void sectionsIndicatorsAndLrtPathsAreTheCatalogues() {
        for (RuleDefinition d : RULES) {
            Catalogue.Entry e = Catalogue.CODES.get(d.code());
            assertThat(d.section()).as(d.code() + " section").isEqualTo(e.section());
            if (e.indicator() != null) assertThat(d.indicator().json()).as(d.code() + " card indicator").isEqualTo(e.indicator());
            assertThat(!d.lrtPath().isEmpty()).as(d.code() + " is an LRT path").isEqualTo(Catalogue.LRT_PATHS.contains(d.code()));
        }
    }

    @Test
    void everyRuleHasAFiringAndANonFiringScenario() {
        Map<String, List<String>> fires = new TreeMap<>(), spared = new TreeMap<>();
        for (Path file : ScenarioCase.files()) {
            ScenarioCase c = ScenarioCase.read(file);
            String name = file.getFileName().toString();
            c.expect().firesOrEmpty().forEach(code -> fires.computeIfAbsent(code, k -> new ArrayList<>()).add(name));
            c.expect().doesNotFireOrEmpty().forEach(code -> spared.computeIfAbsent(code, k -> new ArrayList<>()).add(name));
            Set<String> both = new HashSet<>(c.expect().firesOrEmpty());
            both.retainAll(c.expect().doesNotFireOrEmpty());
            assertThat(both).as(name + " expects codes both to fire and not to fire").isEmpty();
            Set<String> named = new HashSet<>(c.expect().firesOrEmpty());
            named.addAll(c.expect().doesNotFireOrEmpty());
            named.addAll(c.expect().becauseOrEmpty().keySet());
            assertThat(Catalogue.CODES.keySet()).as(name + " names unknown codes").containsAll(named);
            assertThat(c.expect().firesOrEmpty()).as(name + ": a because is checked on a code that fires")
                    .containsAll(c.expect().becauseOrEmpty().keySet());
        }
        Catalogue.FIRES_IN_TESTS.forEach((code, test) -> {
            assertThat(fires).as(code + " fires in a scenario: drop it from Catalogue.FIRES_IN_TESTS").doesNotContainKey(code);
            assertThat(isTest(test)).as(test + ", the test where " + code + " fires, exists").isTrue();
            fires.put(code, List.of(test));
        });
        List<String> missing = new ArrayList<>();
        for (RuleDefinition d : RULES) {
            if (!fires.containsKey(d.code())) missing.add(d.code() + " has no scenario where it fires");
            if (!spared.containsKey(d.code())) missing.add(d.code() + " has no scenario where it must not fire");
        }
        assertThat(missing).isEmpty();
    }

    /** {@code class#method} names a JUnit test method. */
    private static boolean isTest(String classAndMethod) {
        String[] parts = classAndMethod.split("#", 2);
        try {
            for (java.lang.reflect.Method m : Class.forName(parts[0]).getDeclaredMethods()) {
                if (m.getName().equals(parts[1]) && m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) return true;
            }
        } catch (ClassNotFoundException e) {
            return false;
        }
        return false;
    }

    @Test
    void scenariosLieInOutcomeFoldersUnderUniqueNames() {
        Map<String, List<Path>> byName = new TreeMap<>();
        for (Path file : ScenarioCase.files()) {
            Path relative = ScenarioCase.DIR.relativize(file);
            assertThat(relative.getNameCount()).as(relative + ": a scenario lies in one outcome folder (see scenarios/README.md)").isEqualTo(2);
            assertThat(relative.getName(0).toString()).as(relative + " folder").matches("[a-z-]+");
            byName.computeIfAbsent(ScenarioCase.name(file), k -> new ArrayList<>()).add(relative);
        }
        // the golden answers are keyed by file name alone: two scenarios of one name would share a golden file
        assertThat(byName.values()).as("scenario names used in more than one folder").allSatisfy(paths -> assertThat(paths).hasSize(1));
    }

    @Test
    void scenariosAreNamedByOutcomeAndDescribed() {
        for (Path file : ScenarioCase.files()) {
            ScenarioCase c = ScenarioCase.read(file);
            assertThat(file.getFileName().toString()).matches("[a-z0-9-]+\\.yaml");
            assertThat(c.description()).as(file + " description").isNotBlank();
            assertThat(c.asOf()).as(file + " asOf").isNotBlank();
            assertThat(c.expect()).as(file + " expect").isNotNull();
        }
    }
}

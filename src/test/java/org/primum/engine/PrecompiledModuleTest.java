package org.primum.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.core.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base compiled at build time ({@code target/classes/kb/}, written by {@link PrecompileRules} at
 * {@code process-classes}) is used for the very rules it was built from, and only for them: a {@code rules/}
 * folder that differs in one DRL file is compiled at start-up, and either way the base answers alike.
 */
class PrecompiledModuleTest {

    private static final Path BUNDLE = Path.of("src/test/resources/bench/denovo-metastatic-bundle.json");
    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

    @Test
    void theBuildPrecompiledTheRulesFolder() {
        assertThat(PrecompiledModule.present(KnowledgeBase.RULES)).as("kb/rules.key on the class path").isTrue();
        assertThat(PrecompiledModule.present(KnowledgeBase.AUDIT)).as("kb/audit.key on the class path").isTrue();
    }

    @Test
    void theSameRulesLoadThePrecompiledModuleAndAnEditedCopyIsCompiled(@TempDir Path tmp) throws IOException {
        Path edited = copyOfRules(tmp);
        Path drl = edited.resolve("pathway.drl");
        // the same rules but for one title: the runtime-compiled base must be this file's, not the module's
        String text = Files.readString(drl);
        String code = "LRT_NOT_FOR_SURVIVAL";
        assertThat(text).contains("@code(\"" + code + "\")");
        String title = new KnowledgeBaseFixture(Path.of("rules")).base.definition(code).orElseThrow().title();
        Files.writeString(drl, text.replace("@title(\"" + title + "\")", "@title(\"" + title + " (edited)\")"));

        KnowledgeBaseFixture precompiled = new KnowledgeBaseFixture(Path.of("rules"));
        KnowledgeBaseFixture compiled = new KnowledgeBaseFixture(edited);

        assertThat(precompiled.base.precompiled()).as("rules/ as built: the precompiled module").isTrue();
        assertThat(compiled.base.precompiled()).as("one DRL file edited: compiled at start-up").isFalse();
        assertThat(compiled.base.definition(code).orElseThrow().title()).isEqualTo(title + " (edited)");
        assertThat(precompiled.base.definition(code).orElseThrow().title()).isEqualTo(title);

        // both work, and alike: the same rules, the same checks, the same answer
        assertThat(compiled.base.definitions()).hasSameSizeAs(precompiled.base.definitions());
        assertThat(compiled.base.auditRules()).hasSameSizeAs(precompiled.base.auditRules()).isNotEmpty();
        List<String> codes = precompiled.codes();
        assertThat(codes).isNotEmpty().contains(code);
        assertThat(compiled.codes()).isEqualTo(codes);
        assertThat(ruleNames(compiled.base.newAuditSession())).isEqualTo(ruleNames(precompiled.base.newAuditSession()))
                .hasSize(precompiled.base.auditRules().size());
    }

    @Test
    void aChangeOutsideTheDrlKeepsThePrecompiledModule(@TempDir Path tmp) throws IOException {
        // the module is the DRL compiled: a citation's text or a threshold is read from the folder at every start
        Path copy = copyOfRules(tmp);
        Files.writeString(copy.resolve("VERSION"), "9999.1.0\n");
        KnowledgeBase base = KnowledgeBase.load(copy);
        assertThat(base.precompiled()).isTrue();
        assertThat(base.version()).startsWith("9999.1.0+");
    }

    @Test
    void theKeyIsTheSourcesNotTheirOrder() {
        assertThat(RuleFolder.key(new java.util.LinkedHashMap<>(java.util.Map.of("a", "x", "b", "y"))))
                .isEqualTo(RuleFolder.key(new java.util.TreeMap<>(java.util.Map.of("b", "y", "a", "x"))))
                .isNotEqualTo(RuleFolder.key(java.util.Map.of("a", "x", "b", "y ")))
                // a path and a text are kept apart: moving a character across them is another key
                .isNotEqualTo(RuleFolder.key(java.util.Map.of("ax", "", "b", "y")));
    }

    private static Path copyOfRules(Path tmp) throws IOException {
        Path copy = tmp.resolve("rules");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }

    private static List<String> ruleNames(org.kie.api.runtime.KieSession session) {
        try {
            return session.getKieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                    .map(org.kie.api.definition.rule.Rule::getName).sorted().toList();
        } finally {
            session.dispose();
        }
    }

    /** A pipeline over {@code rules} and its knowledge base. */
    private static final class KnowledgeBaseFixture {
        final Pipeline pipeline;
        final KnowledgeBase base;

        KnowledgeBaseFixture(Path rules) {
            pipeline = Pipeline.builder().rules(rules).profiles(Path.of("fhir-profiles")).build();
            base = pipeline.knowledgeBase();
        }

        List<String> codes() throws IOException {
            return pipeline.evaluate(Files.readAllBytes(BUNDLE), AS_OF).evaluation().recommendations().stream()
                    .map(Recommendation::code).toList();
        }
    }
}

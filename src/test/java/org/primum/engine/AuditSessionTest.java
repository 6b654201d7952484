package org.primum.engine;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit judges acts in sessions of the audit rules alone: the recommendation rules are not run there; and the
 * evaluations' sessions hold the recommendation rules alone (an audit rule never fires without an audited act).
 */
class AuditSessionTest {

    /** In a session of the audit files alone no recommendation is ever found: an audit rule matching one would never fire. */
    @Test
    void noAuditRuleMatchesARecommendation() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("rules"))) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String text = java.nio.file.Files.readString(drl);
                if (!text.contains("@verdict(")) continue;
                assertThat(text).as(drl + ": an audit file").doesNotContainPattern("\\bFinding\\s*\\(");
            }
        }
    }

    @Test
    void eachKindOfSessionHoldsItsOwnRulesOnly() {
        KnowledgeBase kb = KnowledgeBase.load(Path.of("rules"));
        KieSession audit = kb.newAuditSession();
        KieSession full = kb.newSession();
        try {
            Set<String> auditRules = new TreeSet<>(), fullRules = new TreeSet<>();
            for (KiePackage p : audit.getKieBase().getKiePackages()) p.getRules().forEach(r -> auditRules.add(r.getName()));
            for (KiePackage p : full.getKieBase().getKiePackages()) p.getRules().forEach(r -> fullRules.add(r.getName()));
            Set<String> expected = new TreeSet<>();
            kb.auditRules().forEach(r -> expected.add(r.rule()));
            assertThat(auditRules).isEqualTo(expected);
            Set<String> recommendationRules = new TreeSet<>();
            kb.definitions().forEach(d -> recommendationRules.add(d.rule()));
            assertThat(fullRules).as("the evaluations' sessions").isEqualTo(recommendationRules).doesNotContainAnyElementsOf(expected);
        } finally {
            audit.dispose();
            full.dispose();
        }
    }
}

package org.primum.tumourboard.report;

import org.junit.jupiter.api.Test;
import org.primum.engine.CitationRegistry;
import org.primum.engine.Effect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every structured figure of {@code rules/citations.json} says what its figure text says: the hazard ratio
 * and, when given, the interval and its level as written ("HR 1.11 (90% CI 0.82–1.52)"), and n as the
 * citation, its source or {@code docs/evidence.md} states it. A figure whose direction is ambiguous has none.
 */
class CitationEffectsTest {

    private static final Pattern HR = Pattern.compile("HR (\\d+(?:\\.\\d+)?)(?:\\s*[(,]\\s*(\\d+)% CI (\\d+(?:\\.\\d+)?)–(\\d+(?:\\.\\d+)?)\\))?");

    private static CitationRegistry registry() throws IOException {
        return CitationRegistry.load(Path.of("rules/citations.json"));
    }

    @Test
    void everyEffectAgreesWithItsFigureText() throws IOException {
        CitationRegistry registry = registry();
        String evidence = Files.readString(Path.of("docs/evidence.md"));
        int checked = 0;
        for (Map.Entry<String, CitationRegistry.Entry> e : registry.citations().entrySet()) {
            Effect effect = e.getValue().effect();
            if (effect == null) continue;
            checked++;
            String figure = e.getValue().figure();
            assertThat(effect.measure()).as(e.getKey()).isEqualTo("HR");
            assertThat(effect.endpoint()).as(e.getKey() + " endpoint").isNotBlank();
            Matcher m = HR.matcher(figure);
            boolean found = false;
            while (m.find()) {
                if (Double.parseDouble(m.group(1)) != effect.value()) continue;
                found = true;
                if (effect.hasInterval()) {
                    assertThat(m.group(2)).as("%s: the figure gives no interval for HR %s", e.getKey(), m.group(1)).isNotNull();
                    assertThat(Integer.parseInt(m.group(2))).as(e.getKey() + " CI level").isEqualTo(effect.ciLevel());
                    assertThat(Double.parseDouble(m.group(3))).as(e.getKey() + " CI low").isEqualTo(effect.ciLow());
                    assertThat(Double.parseDouble(m.group(4))).as(e.getKey() + " CI high").isEqualTo(effect.ciHigh());
                } else {
                    assertThat(m.group(2)).as("%s: the figure gives an interval the effect lacks", e.getKey()).isNull();
                }
            }
            assertThat(found).as("%s: the figure \"%s\" has no HR %s", e.getKey(), figure, effect.value()).isTrue();
            if (effect.n() != null) {
                CitationRegistry.Source source = registry.sources().get(e.getValue().source());
                String stated = String.join(" | ", figure, e.getValue().section(), String.valueOf(source.type()));
                String n = String.valueOf(effect.n());
                boolean inCitation = stated.matches("(?s).*\\b(n = " + n + "|" + n + " (randomised|patients))\\b.*");
                boolean inEvidence = evidence.lines().anyMatch(l -> l.contains(n + " randomised") || l.contains("n = " + n)
                        || l.contains(n + " patients"));
                assertThat(inCitation || inEvidence).as("%s: n = %s is stated neither by the citation nor by docs/evidence.md",
                        e.getKey(), n).isTrue();
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void ambiguousFiguresAreNotEncoded() throws IOException {
        // docs/evidence.md: the POSYTIVE hazard ratio's direction is ambiguous as reported
        assertThat(registry().citations().get("POSYTIVE-OS").effect()).isNull();
        // percentages and per-step trends are not hazard ratios of one comparison
        for (String id : List.of("GERA-MORTALITY", "S003-TIMING")) assertThat(registry().citations().get(id).effect()).as(id).isNull();
    }
}

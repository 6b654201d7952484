package org.primum.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the knowledge base as a guideline methodologist would, against
 * {@code src/test/resources/explanations/expected.yaml}: what each catalogue code's explanation must hold according
 * to the sources (catalogue.md, evidence.md, the seeds), written before our metadata was read. Per code: the evidence
 * level, the works cited on each side with the seed's section / table / figure, the numbers quoted, no known misquote
 * and no overstatement; per work: a full reference whose DOI / PMID is the confirmed one (an identifier found in no
 * source is as wrong as a misquoted figure: a reader would follow it to another paper).
 */
class ExplanationsAgainstSourcesTest {

    private static final Path RULES = Path.of("rules");
    private static final Path EXPECTED = Path.of("src/test/resources/explanations/expected.yaml");

    private static KnowledgeBase kb;
    private static CitationRegistry registry;
    private static JsonNode expected;
    /** Each source id of citations.json → the bibliography key of the work it is. */
    private static Map<String, String> workOfSource;

    @BeforeAll
    static void load() throws IOException {
        kb = KnowledgeBase.load(RULES);
        registry = CitationRegistry.load(RULES.resolve("citations.json"));
        expected = new ObjectMapper(new YAMLFactory()).readTree(EXPECTED.toFile());
        workOfSource = new LinkedHashMap<>();
        registry.sources().forEach((id, source) -> {
            List<String> works = new ArrayList<>();
            expected.get("bibliography").fields().forEachRemaining(w -> {
                if (isWork(id, source, w.getKey(), w.getValue())) works.add(w.getKey());
            });
            if (works.size() == 1) workOfSource.put(id, works.get(0));
        });
    }

    /** A source is a work when it has the work's id (S000–S004), its DOI or PMID, or, for a work without either, its reference words. */
    private static boolean isWork(String id, CitationRegistry.Source s, String key, JsonNode work) {
        if (key.matches("S00\\d")) return id.equals(key);
        if (work.has("doi") && work.get("doi").asText().equalsIgnoreCase(String.valueOf(s.doi()))) return true;
        if (work.has("pmid") && work.get("pmid").asText().equals(s.pmid())) return true;
        return !work.has("doi") && !work.has("pmid") && containsAll(s.reference(), texts(work.get("reference")));
    }

    @Test
    void everyCitedWorkHasAFullReferenceWithItsConfirmedIdentifiers() {
        SoftAssertions soft = new SoftAssertions();
        registry.sources().forEach((id, s) -> {
            String key = workOfSource.get(id);
            soft.assertThat(key).as("source %s is one work of the bibliography (expected.yaml)", id).isNotNull();
            if (key == null) return;
            JsonNode work = expected.get("bibliography").get(key);
            soft.assertThat(containsAll(s.reference(), texts(work.get("reference"))))
                    .as("%s: the reference names %s (authors, journal, year)", id, texts(work.get("reference"))).isTrue();
            soft.assertThat(s.reference()).as("%s: a year in the reference", id).containsPattern("(19|20)\\d\\d");
            soft.assertThat(s.doi()).as("%s: DOI (only a confirmed one)", id).isEqualTo(text(work, "doi"));
            soft.assertThat(s.pmid()).as("%s: PMID (only a confirmed one)", id).isEqualTo(text(work, "pmid"));
            if (!"none".equals(text(work, "identifier"))) {
                soft.assertThat(s.doi() != null || s.pmid() != null).as("%s: a DOI or a PMID", id).isTrue();
            }
        });
        soft.assertAll();
    }

    @Test
    void everyCatalogueCodeIsExplainedAsTheSourcesSay() {
        SoftAssertions soft = new SoftAssertions();
        JsonNode codes = expected.get("codes");
        codes.fields().forEachRemaining(entry -> {
            String code = entry.getKey();
            JsonNode want = entry.getValue();
            RuleDefinition d = kb.definition(code).orElse(null);
            soft.assertThat(d).as("%s is a rule of the knowledge base", code).isNotNull();
            if (d == null) return;
            soft.assertThat(texts(want.get("evidence"))).as("%s: evidence level", code).contains(d.evidenceLevel());
            if (want.has("indicator")) soft.assertThat(d.indicator().json()).as("%s: card indicator", code).isEqualTo(text(want, "indicator"));
            for (JsonNode item : iterable(want.get("supporting"))) checkCited(soft, d, "supporting", item);
            for (JsonNode item : iterable(want.get("contrary"))) checkCited(soft, d, "contrary", item);
            if ("CONFLICTING".equals(d.evidenceLevel()) || want.has("contrary")) {
                soft.assertThat(d.citations()).as("%s shows the other side", code).anyMatch(c -> "contrary".equals(c.side()));
            }
            String quoted = quotedText(d);
            for (String never : texts(want.get("never"))) soft.assertThat(quoted).as("%s never says", code).doesNotContain(never);
            for (String never : texts(want.get("statementNever"))) {
                soft.assertThat(d.title() + " " + d.statement()).as("%s overstates", code).doesNotContainIgnoringCase(never);
            }
            for (String must : texts(want.get("statementMust"))) {
                soft.assertThat(d.statement()).as("%s statement discloses", code).containsIgnoringCase(must);
            }
        });
        soft.assertAll();
    }

    @Test
    void everyAuditCriterionCitesTheEvidenceOfWhatItAudits() {
        SoftAssertions soft = new SoftAssertions();
        expected.get("audit").fields().forEachRemaining(entry -> {
            String code = entry.getKey();
            List<AuditRule> rules = kb.auditRules().stream().filter(r -> r.code().equals(code)).toList();
            soft.assertThat(rules).as("%s has audit rules", code).isNotEmpty();
            for (AuditRule r : rules) {
                soft.assertThat(texts(entry.getValue().get("evidence"))).as("%s evidence level", r.rule()).contains(r.evidenceLevel());
            }
            // the criterion's citations together, read as one explanation
            RuleDefinition together = new RuleDefinition(code, "", code, "F", "", "", null, "", "", List.of(), List.of(),
                    rules.stream().flatMap(r -> r.citations().stream()).distinct().toList());
            for (JsonNode item : iterable(entry.getValue().get("supporting"))) checkCited(soft, together, "supporting", item);
        });
        soft.assertAll();
    }

    @Test
    void theExpectationsCoverEveryCatalogueCode() {
        List<String> recommendationCodes = kb.definitions().stream().map(RuleDefinition::code)
                .filter(c -> !c.startsWith("AUDIT_")).distinct().toList();
        List<String> covered = new ArrayList<>();
        expected.get("codes").fieldNames().forEachRemaining(covered::add);
        assertThat(covered).as("every catalogue code A–E has its expected explanation").containsAll(recommendationCodes);
        List<String> audited = new ArrayList<>();
        expected.get("audit").fieldNames().forEachRemaining(audited::add);
        assertThat(audited).as("every audit criterion (F) has its expected explanation")
                .containsAll(kb.auditRules().stream().map(AuditRule::code).distinct().toList());
    }

    @Test
    void noSeedMisquoteIsEverOurFigure() {
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode m : iterable(expected.get("misquotes"))) {
            String misquote = m.get("text").asText();
            registry.citations().forEach((id, e) -> soft.assertThat(e.figure() + " | " + e.section())
                    .as("%s quotes a misquote (%s)", id, m.get("why").asText()).doesNotContain(misquote));
            for (RuleDefinition d : kb.definitions()) {
                soft.assertThat(d.title() + " | " + d.statement()).as("%s (%s)", d.rule(), m.get("why").asText()).doesNotContain(misquote);
            }
            for (AuditRule r : kb.auditRules()) {
                soft.assertThat(r.title() + " | " + r.reason()).as("%s (%s)", r.rule(), m.get("why").asText()).doesNotContain(misquote);
            }
        }
        soft.assertAll();
    }

    /** Some citation of the expected side is the expected work, cited at the expected place with the expected numbers. */
    private static void checkCited(SoftAssertions soft, RuleDefinition d, String side, JsonNode item) {
        List<String> works = texts(item.get("work"));
        List<String> locators = texts(item.get("locator"));
        List<String> figures = texts(item.get("figures"));
        List<Citation> ofWork = d.citations().stream()
                .filter(c -> side.equals(c.side()) && works.contains(workOfSource.getOrDefault(c.sourceId(), "?"))).toList();
        soft.assertThat(ofWork).as("%s cites %s on the %s side", d.code(), works, side).isNotEmpty();
        if (ofWork.isEmpty()) return;
        boolean matched = ofWork.stream().anyMatch(c -> locatedAt(c, locators) && containsAll(c.figure(), figures));
        soft.assertThat(matched).as("%s: a %s citation of %s at %s quoting %s; cited: %s", d.code(), side, works, locators, figures,
                ofWork.stream().map(c -> c.id() + " [" + c.section() + "] " + c.figure()).collect(Collectors.joining("; "))).isTrue();
    }

    private static boolean locatedAt(Citation c, List<String> locators) {
        String section = c.section().toLowerCase(Locale.ROOT);
        return locators.isEmpty() || locators.stream().anyMatch(l -> section.contains(l.toLowerCase(Locale.ROOT)));
    }

    /** What the code states as its own: title, statement, and the figures and places it cites (notes may name a misquote). */
    private static String quotedText(RuleDefinition d) {
        return d.title() + " | " + d.statement() + " | "
                + d.citations().stream().map(c -> c.figure() + " | " + c.section()).collect(Collectors.joining(" | "));
    }

    private static boolean containsAll(String text, List<String> parts) {
        return text != null && parts.stream().allMatch(text::contains);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }

    /** A YAML scalar or list as strings (a single value may be written without brackets). */
    private static List<String> texts(JsonNode node) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) return List.of(node.asText());
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node;
    }
}

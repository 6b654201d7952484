package org.primum.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.primum.engine.Citation;
import org.primum.engine.CitationRegistry;
import org.primum.engine.DrlRules;
import org.primum.engine.RuleDefinition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rules/citations.json against the rules and against shared/guidance/evidence.md: every id a rule names
 * exists, CONFLICTING rules cite both sides, the catalogue's contrary sides are shown, the seed sources
 * are referenced as evidence.md gives them, and the published record wins over a seed's misquote.
 */
class CitationsTest {

    private static final Path FILE = Path.of("rules/citations.json");

    private static CitationRegistry registry() throws IOException {
        return CitationRegistry.load(FILE);
    }

    @Test
    void everyCitationNamedInTheDrlFilesExists() throws IOException {
        CitationRegistry registry = registry();
        List<String> unknown = new ArrayList<>();
        for (DrlRules.Rule rule : DrlRules.parse(Path.of("rules"))) {
            for (String key : List.of("citations", "contrary")) {
                String csv = rule.annotation(key);
                if (csv == null) continue;
                for (String id : csv.split(",")) {
                    if (!registry.citations().containsKey(id.trim())) unknown.add(rule.name() + " @" + key + " " + id.trim());
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyCitationResolvesToASourceWithSectionAndFigure() throws IOException {
        CitationRegistry registry = registry();
        registry.citations().forEach((id, e) -> {
            assertThat(registry.sources()).as(id + " source").containsKey(e.source());
            assertThat(e.section()).as(id + " section").isNotBlank();
            assertThat(e.figure()).as(id + " figure").isNotBlank();
        });
        registry.sources().forEach((id, s) -> {
            assertThat(s.reference()).as(id + " reference").isNotBlank();
            assertThat(s.type()).as(id + " type").isNotBlank();
        });
    }

    @Test
    void conflictingRulesCiteBothSidesAndNamedContrarySidesAreShown() {
        for (RuleDefinition d : Pipeline.KNOWLEDGE_BASE.definitions()) {
            assertThat(d.citationIds()).as(d.code() + " cites its supporting side").isNotEmpty();
            if ("CONFLICTING".equals(d.evidenceLevel())) {
                assertThat(d.contraryIds()).as(d.code() + " is CONFLICTING: contrary side").isNotEmpty();
            }
            List<String> contrarySources = d.citations().stream().filter(c -> "contrary".equals(c.side())).map(Citation::sourceId).toList();
            for (String expected : Catalogue.CONTRARY_SIDES.getOrDefault(d.code(), List.of())) {
                assertThat(contrarySources).as(d.code() + " shows the contrary side " + expected).contains(expected);
            }
            assertThat(d.citations()).as(d.code() + " citations resolved").hasSize(d.citationIds().size() + d.contraryIds().size());
        }
        for (String code : List.of("OLIGOMETASTATIC_NED_EXCEPTION", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT",
                "TRIPLE_NEGATIVE_CAUTION", "RADIOTHERAPY_EVIDENCE_CONFLICTING")) {
            assertThat(Pipeline.KNOWLEDGE_BASE.definition(code).orElseThrow().evidenceLevel()).as(code).isEqualTo("CONFLICTING");
        }
        assertThat(Pipeline.KNOWLEDGE_BASE.definition("LRT_NOT_FOR_SURVIVAL").orElseThrow().evidenceLevel()).isEqualTo("RCT");
    }

    @Test
    void seedSourcesAreReferencedAsEvidenceMdGivesThem() throws IOException {
        var s = registry().sources();
        assertThat(s).containsKeys("S000", "S001", "S002", "S003", "S004");
        assertThat(s.get("S000").doi()).as("S000 DOI was not identified").isNull();
        assertThat(s.get("S000").reference()).contains("The Breast 2021;58");
        assertThat(s.get("S001").doi()).isEqualTo("10.6004/jnccn.2015.0062");
        assertThat(s.get("S001").pmid()).isEqualTo("25870383");
        assertThat(s.get("S002").doi()).isEqualTo("10.1200/JCO.21.02006");
        assertThat(s.get("S002").reference()).contains("NCT01242800");
        assertThat(s.get("S003").doi()).isEqualTo("10.21203/rs.3.rs-70080/v1");
        assertThat(s.get("S003").reference()).contains("not peer reviewed");
        assertThat(s.get("S004").doi()).isEqualTo("10.62713/aic.3928");
    }

    @Test
    void publishedFiguresWinOverSeedMisquotes() throws IOException {
        var c = registry().citations();
        assertThat(c.get("TATA-OS").figure()).contains("19.2", "20.5", "months", "1.04", "0.81–1.34");
        assertThat(c.get("TATA-OS").note()).contains("S001", "5-year");
        assertThat(c.get("MF07-01-BONE").figure()).contains("0.47", "0.23–0.98");
        assertThat(c.get("MF07-01-BONE").note()).contains("0.23", "SABCS");
        assertThat(registry().sources().get("LU-2018").reference()).contains("2018");
        assertThat(c.get("LU-OS").note()).contains("2017");
        assertThat(registry().sources().get("BOMET-2021").type()).contains("registry");
        assertThat(c.get("S003-TIMING").section()).contains("Results");
        assertThat(c.get("JCOG1017-OS").figure()).contains("0.86", "0.69–1.07");
    }

    @Test
    void thePosytiveHazardRatioIsNeverEncoded() throws IOException {
        Pattern number = Pattern.compile("\\d\\.\\d");
        JsonNode root = new ObjectMapper().readTree(FILE.toFile());
        root.get("citations").fields().forEachRemaining(e -> {
            if (e.getValue().get("source").asText().startsWith("POSYTIVE")) {
                String text = e.getValue().toString();
                assertThat(number.matcher(text).find()).as(e.getKey() + " carries no hazard ratio").isFalse();
            }
        });
        assertThat(root.toString()).doesNotContain("0.36–1.33").doesNotContain("0.36-1.33");
    }

    @Test
    void noUnverifiedFigure() throws IOException {
        assertThat(new ObjectMapper().readTree(FILE.toFile()).toString().toLowerCase()).doesNotContain("unverified");
    }
}

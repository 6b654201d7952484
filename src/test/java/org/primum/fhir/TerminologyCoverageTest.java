package org.primum.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.facts.*;
import org.primum.fhir.terminology.Terminology;
import org.primum.fhir.TerminologyDoc.Code;
import org.primum.fhir.TerminologyDoc.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code of {@code docs/terminology.md} (the minimum the mapping must recognise) is recognised by
 * the loaded {@code fhir-profiles/} in the role the document gives it: a short code list is the most
 * common cause of a wrong answer on real data.
 */
class TerminologyCoverageTest {
    private static final TerminologyDoc DOC = TerminologyDoc.read();

    @Test
    void theWholeDocumentIsRead() {
        assertThat(DOC.unclaimed()).as("codes of %s that no table, list or prose entry of TerminologyDoc reads", TerminologyDoc.FILE).isEmpty();
        assertThat(DOC.codes).hasSizeGreaterThan(150);
        for (Role r : List.of(Role.PRIMARY, Role.METASTASIS_SITE, Role.STRUCTURE_SITE, Role.RECEPTOR_TEST, Role.INGREDIENT, Role.PRODUCT, Role.PROCEDURE_KIND)) {
            assertThat(DOC.codes).as("codes read as " + r).anyMatch(c -> c.role() == r);
        }
    }

    @Test
    void everyCodeOfTheDocumentIsRecognisedInItsRole() {
        assertThat(failures(Fixtures.TERMINOLOGY)).isEmpty();
    }

    @Test
    void theValuesTheDocumentWritesWithoutACodeAreRecognisedToo() {
        Terminology t = Fixtures.TERMINOLOGY;
        assertThat(t.tnmCategory(Terminology.AJCC, "cM1", TnmAxis.M)).isEqualTo("M1");
        assertThat(t.tnmCategory(Terminology.AJCC, "pM1", TnmAxis.M)).isEqualTo("M1");
        assertThat(t.tnmCategory(Terminology.AJCC, "4", TnmAxis.STAGE_GROUP)).isEqualTo("IV");
        assertThat(t.tnmCategory(Terminology.AJCC, "IV", TnmAxis.STAGE_GROUP)).isEqualTo("IV");
        assertThat(t.tnmCategory(Terminology.AJCC, "cT3", TnmAxis.T)).isEqualTo("T3");
        assertThat(t.tnmCategory(Terminology.AJCC, "cN0", TnmAxis.N)).isEqualTo("N0");
        String v3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
        assertThat(t.receptorResult(v3, "POS")).isEqualTo(ReceptorValue.POSITIVE);
        assertThat(t.receptorResult(v3, "NEG")).isEqualTo(ReceptorValue.NEGATIVE);
    }

    /** The check is not vacuous: a code of the document removed from its file is reported. */
    @Test
    void aCodeRemovedFromItsFileIsReported(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("fhir-profiles");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("fhir-profiles"))) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        remove(dir.resolve("ValueSet-primary-breast-cancer.json"), "372137005");
        remove(dir.resolve("ConceptMap-rxnorm-product-ingredient.json"), "1156671");
        remove(dir.resolve("ConceptMap-secondary-neoplasm-site.json"), "94225005");

        List<String> failures = failures(Terminology.load(dir));

        assertThat(failures).isNotEmpty()
                .allMatch(f -> f.contains("372137005") || f.contains("1156671") || f.contains("94225005"))
                .anyMatch(f -> f.contains("372137005 as PRIMARY"))
                .anyMatch(f -> f.contains("1156671 as PRODUCT"))
                .anyMatch(f -> f.contains("94225005 as METASTASIS_SITE brain"));
    }

    // ------------------------------------------------------------------ the check

    private static List<String> failures(Terminology t) {
        List<String> out = new ArrayList<>();
        for (Code c : DOC.codes) {
            String problem = problem(t, c);
            if (problem != null) out.add(c + ": " + problem);
        }
        return out;
    }

    /**
     * Null when the Terminology recognises the code in its role, else what it says instead. A wildcard
     * ({@code C80.*}) is recognised through its stem or the stem's first child ({@code C80.0}).
     */
    static String problem(Terminology t, Code c) {
        List<String> candidates = new ArrayList<>(List.of(c.code()));
        if (c.wildcard()) candidates.add(c.code() + (c.code().contains(".") ? "0" : ".0"));
        String said = null;
        for (String code : candidates) {
            said = problem(t, c, code);
            if (said == null) return null;
        }
        return said;
    }

    private static String problem(Terminology t, Code c, String code) {
        String s = c.system();
        String[] e = c.expected() == null ? new String[0] : c.expected().split(" ", 2);
        Object got;
        boolean ok;
        switch (c.role()) {
            case PRIMARY -> { got = t.isPrimaryBreastCancer(s, code); ok = (Boolean) got; }
            case GENERIC_MALIGNANCY -> { got = t.isGenericMalignancy(s, code); ok = (Boolean) got; }
            case BREAST_STRUCTURE -> { got = t.isBreastStructure(s, code); ok = (Boolean) got; }
            case GENERIC_SECONDARY -> { got = t.isGenericSecondary(s, code); ok = (Boolean) got; }
            case METASTASIS_SITE -> {
                org.primum.fhir.terminology.SiteMapping m = t.secondarySite(s, code);
                got = m == null ? null : m.site();
                ok = c.expected().equals(got);
            }
            case LYMPH_NODE_METASTASIS -> {
                org.primum.fhir.terminology.SiteMapping m = t.secondarySite(s, code);
                got = m == null ? (t.isRegionalNodalDisease(s, code) ? "regional" : null) : m.site();
                ok = "distant-lymph-nodes".equals(got) || "regional".equals(got);
            }
            case STRUCTURE_SITE -> {
                org.primum.fhir.terminology.SiteMapping m = t.bodyStructureSite(s, code);
                got = m == null ? null : m.site();
                ok = c.expected().equals(got);
            }
            case REGIONAL_NODAL -> {
                got = t.isRegionalNodalDisease(s, code) ? (t.secondarySite(s, code) == null ? "regional" : "regional and distant") : null;
                ok = "regional".equals(got);
            }
            case RECEPTOR_TEST -> {
                org.primum.fhir.terminology.ReceptorTest r = t.receptorTest(s, code);
                got = r == null ? null : r.receptor() + (r.percent() ? " percent" : "");
                ok = c.expected().equals(got);
            }
            case RECEPTOR_RESULT -> { got = t.receptorResult(s, code); ok = ReceptorValue.valueOf(c.expected()) == got; }
            case DISEASE_STATUS -> { got = t.isDiseaseStatus(s, code); ok = (Boolean) got; }
            case RESPONSE -> { got = t.response(s, code); ok = Response.valueOf(c.expected()) == got; }
            case PERFORMANCE -> { got = t.performanceScale(s, code); ok = PerformanceScale.valueOf(c.expected()) == got; }
            case ECOG_ANSWER -> { got = t.ecogAnswer(s, code); ok = Integer.valueOf(c.expected()).equals(got); }
            case TNM_AXIS -> {
                org.primum.fhir.terminology.TnmAxisMapping m = t.tnmAxis(s, code);
                got = m == null ? null : m.axis() + (m.pathological() ? " pathological" : " clinical");
                ok = c.expected().equals(got);
            }
            case TNM_CATEGORY -> { got = t.tnmCategory(s, code, TnmAxis.valueOf(e[0])); ok = e[1].equals(got); }
            case INGREDIENT -> {
                org.primum.fhir.terminology.Ingredient i = t.ingredient(s, code);
                got = i == null ? null : i.drugClass() + " " + i.name();
                ok = c.expected().equals(got);
            }
            case INGREDIENT_BY_TEXT -> {
                org.primum.fhir.terminology.Ingredient i = t.ingredientByText(code);
                got = i == null ? null : i.drugClass();
                ok = i != null && DrugClass.valueOf(c.expected()) == i.drugClass();
            }
            case PRODUCT -> {
                org.primum.fhir.terminology.Ingredient i = t.ingredient(s, code);
                got = i == null ? null : i.name();
                ok = i != null && c.expected().toLowerCase(java.util.Locale.ROOT).contains(i.name());
            }
            case SYSTEMIC_THERAPY_PROCEDURE -> { got = t.systemicTherapyProcedure(s, code); ok = DrugClass.valueOf(c.expected()) == got; }
            case PROCEDURE_KIND -> { got = t.procedureKind(s, code); ok = Arrays.asList(c.expected().split("\\|")).contains(got); }
            case LATERALITY -> { got = t.laterality(s, code); ok = Laterality.valueOf(c.expected()) == got; }
            case SYMPTOM -> { got = t.symptom(s, code); ok = c.expected().equals(got); }
            case MARGIN_OBSERVATION -> { got = t.isMarginObservation(s, code); ok = (Boolean) got; }
            case MARGIN_RESULT -> { got = t.marginInvolved(s, code); ok = Objects.equals(got, "involved".equals(c.expected())); }
            default -> throw new IllegalStateException("no check for " + c.role());
        }
        return ok ? null : (code.equals(c.code()) ? "" : code + ": ") + "the terminology says " + got;
    }

    /** Removes the concept or element with this code from a ValueSet or ConceptMap file. */
    private static void remove(Path file, String code) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode root = json.readTree(file.toFile());
        int removed = 0;
        List<ArrayNode> lists = new ArrayList<>();
        root.path("compose").path("include").forEach(inc -> { if (inc.path("concept").isArray()) lists.add((ArrayNode) inc.get("concept")); });
        root.path("group").forEach(g -> lists.add((ArrayNode) g.get("element")));
        for (ArrayNode list : lists) {
            for (Iterator<JsonNode> it = list.iterator(); it.hasNext(); ) {
                if (code.equals(it.next().path("code").asText())) { it.remove(); removed++; }
            }
        }
        assertThat(removed).as(code + " in " + file.getFileName()).isEqualTo(1);
        json.writeValue(file.toFile(), root);
    }
}

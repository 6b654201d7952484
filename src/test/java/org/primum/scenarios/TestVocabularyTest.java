package org.primum.scenarios;

import org.junit.jupiter.api.Test;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.Metastasis;
import org.primum.facts.NodalDisease;
import org.primum.facts.SystemicTherapy;
import org.primum.testdata.Codes;
import org.primum.testdata.FhirRecord;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word of the test vocabulary ({@link Codes}), in every coding style {@link FhirRecord} writes, is a code
 * the mapping recognises: otherwise a test written with it would test nothing (or a scenario would pass for the
 * wrong reason). Checked here on the whole vocabulary, not only on the words today's scenarios use.
 */
class TestVocabularyTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final String ON = "2025-01-10";

    private static FhirRecord withPrimary() {
        return FhirRecord.patient("p").born("1960-01-01").primary("bc", p -> p.left().onset(ON));
    }

    /** Maps the record: no code unrecognised, and no note but those of the topics given (a drug read by its name is a note). */
    private static ClinicalRecord map(FhirRecord r, String... allowedNoteTopics) {
        ClinicalRecord record = Pipeline.map(r.bundle(), AS_OF);
        assertThat(record.unrecognised()).as("unrecognised codes").isEmpty();
        assertThat(record.notes()).as("notes").allMatch(n -> List.of(allowedNoteTopics).contains(n.topic()));
        return record;
    }

    @Test
    void everyPrimaryCodingIsABreastPrimary() {
        FhirRecord r = FhirRecord.patient("p");
        String[] sides = {"left", "right", null};
        int n = 0;
        for (String side : sides) {
            r.primary("specific-" + n, p -> p.side(side).onset(ON));
            r.primary("generic-" + n, p -> p.side(side).breastCancerCode().onset(ON));
            r.primary("icd10-" + n, p -> p.side(side).icd10().onset(ON));
            r.primary("pattern-" + n, p -> p.side(side).mcodePattern().onset(ON));
            n++;
        }
        assertThat(map(r).primaries()).hasSize(12);
    }

    @Test
    void everyMetastaticSiteInEveryCodingIsItsSite() {
        FhirRecord r = withPrimary();
        List<String> distant = Codes.SITES.keySet().stream().filter(s -> !Codes.REGIONAL_NODE_SITES.contains(s)).sorted().toList();
        for (String site : distant) {
            r.metastasis(site + "-specific", site, m -> m.onset(ON).lesions(2));
            // ICD-10-CM C77.0 / C77.1 hold regional and distant nodes: only the body site makes them distant
            r.metastasis(site + "-icd10", site, m -> {
                m.onset(ON).icd10();
                if (Codes.SITES.get(site).icd10().startsWith("C77")) m.withBodySite();
            });
            r.metastasis(site + "-pattern", site, m -> m.onset(ON).mcodePattern());
        }
        r.metastasis("regional", "axillary-node", m -> m.onset(ON));
        r.metastasis("regional-supraclavicular", "supraclavicular-node", m -> m.onset(ON));
        r.metastasis("nodes-not-said", "unspecified-node", m -> m.onset(ON));
        r.metastasis("unspecified", "unspecified", m -> m.onset(ON));
        ClinicalRecord record = map(r, "regional nodes", "metastatic site");
        for (String site : distant) {
            assertThat(record.metastases()).filteredOn(m -> m.sourceId().startsWith("Condition/" + site + "-"))
                    .as(site).hasSize(3).extracting(Metastasis::site).containsOnly(site.endsWith("-node") ? "distant-lymph-nodes" : site);
        }
        assertThat(record.metastases()).filteredOn(m -> m.sourceId().equals("Condition/unspecified"))
                .extracting(Metastasis::site).containsExactly(Metastasis.UNSPECIFIED);
        assertThat(record.metastases()).noneMatch(m -> m.sourceId().startsWith("Condition/regional") || m.sourceId().equals("Condition/nodes-not-said"));
        assertThat(record.nodes()).extracting(NodalDisease::sourceId, NodalDisease::ambiguous).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Condition/regional", false),
                org.assertj.core.groups.Tuple.tuple("Condition/regional-supraclavicular", false),
                org.assertj.core.groups.Tuple.tuple("Condition/nodes-not-said", true));
    }

    @Test
    void everyDrugInEveryResourceIsSystemicTherapy() {
        FhirRecord r = withPrimary();
        for (String drug : Codes.DRUGS.keySet()) {
            r.therapy(drug + "-request", drug, t -> t.start(ON));
            r.therapy(drug + "-contained", drug, t -> t.start(ON).containedMedication());
            r.therapy(drug + "-statement", drug, t -> t.start(ON).statement());
            r.therapy(drug + "-administration", drug, t -> t.start(ON).administration());
        }
        r.therapy("chemo", "paclitaxel", t -> t.start(ON).chemotherapyProcedure());
        ClinicalRecord record = map(r);
        assertThat(record.therapies()).hasSize(4 * Codes.DRUGS.size() + 1);
        for (String drug : Codes.DRUGS.keySet()) {
            assertThat(record.therapies()).filteredOn(t -> t.sourceId().endsWith("/" + drug + "-request"))
                    .extracting(SystemicTherapy::drug).as(drug).containsExactly(drug);
        }
    }

    @Test
    void everyReceptorStatusAndStagingCodingIsRead() {
        FhirRecord r = withPrimary().metastasis("bone", "bone", m -> m.onset(ON));
        int n = 0;
        for (String marker : List.of("er", "pr", "her2")) {
            for (String value : List.of("positive", "negative", "equivocal")) {
                r.receptor("loinc-" + ++n, marker, value, o -> o.on(ON));
                r.receptor("snomed-" + n, marker, value, o -> o.on(ON).snomedAnswers());
                r.receptor("interpretation-" + n, marker, value, o -> o.on(ON).interpretationTests());
            }
        }
        for (String value : List.of("responding", "partial", "stable", "progressing", "ned", "undetermined")) {
            for (String focus : List.of("primary", "distant", "whole")) {
                r.status(value + "-" + focus, focus, value, o -> o.on(ON));
                r.status(value + "-" + focus + "-88040", focus, value, o -> o.on(ON).responseLoinc());
            }
        }
        for (String category : List.of("cT2", "pT1", "cN0", "pN1", "cM0", "cM1", "IV", "IIIA")) r.tnm(category, category, o -> o.on(ON));
        for (String category : List.of("cM1", "cM0", "IV", "cT1")) r.tnm(category + "-snomed", category, o -> o.on(ON).snomed());
        ClinicalRecord record = map(r);
        assertThat(record.receptors()).hasSize(27);
        assertThat(record.diseaseStatuses()).hasSize(36);
        assertThat(record.staging()).hasSize(12);
    }

    @Test
    void everyProcedureKindIsReadAsDoneAndAsProposed() {
        FhirRecord r = withPrimary().metastasis("bone", "bone", m -> m.onset(ON));
        // a biopsy is what a chart holds besides: not a procedure the guidance reads
        List<String> kinds = Codes.PROCEDURES.keySet().stream().filter(k -> !k.equals("breast-biopsy")).sorted().toList();
        for (String kind : kinds) {
            r.procedure(kind + "-done", kind, o -> o.side("left").on(ON));
            r.order(kind + "-proposed", kind, o -> o.side("left"));
            if (Codes.PROCEDURES.get(kind).cpt() != null) r.order(kind + "-cpt", kind, o -> o.side("left").cpt().active());
        }
        ClinicalRecord record = map(r);
        assertThat(record.procedures()).hasSize(kinds.size());
        long cpt = kinds.stream().filter(k -> Codes.PROCEDURES.get(k).cpt() != null).count();
        assertThat(record.orders()).hasSize(kinds.size() + (int) cpt);
    }

    @Test
    void everySymptomIsASymptomOfThePrimaryAndMarginsAreRead() {
        FhirRecord r = withPrimary().metastasis("bone", "bone", m -> m.onset(ON));
        List<String> kinds = List.of("pain", "ulceration", "bleeding", "fungating", "infection");
        for (String kind : kinds) r.symptom(kind, kind, "left", ON);
        r.margin("clear", false, ON).margin("involved", true, ON);
        ClinicalRecord record = map(r);
        assertThat(record.symptoms()).hasSize(kinds.size());
        assertThat(record.margins()).hasSize(2);
    }
}

package org.primum.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.AuditEngine;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.ProgressListener;
import org.primum.engine.Evaluation;
import org.primum.facts.MappingNote;
import org.primum.facts.Metastasis;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.UnrecognisedCode;
import org.primum.testdata.CodeSets;
import org.primum.testdata.AuditLines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disease coded the registry way (ICD-O-3 topography and morphology with its behaviour digit; SNOMED CT
 * morphologic abnormalities with a body site), as cancer registries and mCODE producers write it: raw FHIR R4 Bundles in
 * {@code src/test/resources/fixtures/registry/}, one case each, read through the whole pipeline. A malignant
 * morphology of primary site (behaviour 3) with a breast topography (C50.x) is the primary, a metastatic morphology
 * (behaviour 6) with a topography or body site the metastasis; the catalogue's "distant vs regional" decides the nodes
 * (C77.3 regional on the primary's side, C77.2 distant, C77.0 ambiguous). Each row gives the full fired set, the side
 * read for the breast primary (or that there is none) and the sites of the metastases read. Before these files and the
 * classifier's generic pattern took ValueSets of morphology codes, none of these codes was recognised: every case with
 * a metastasis answered as if there were none (rows marked [fixed]).
 */
class RegistryCodingTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/registry");
    static final Path AUDIT_EXPORT = DIR.resolve("audit-ndjson");

    static final String[] ALWAYS = OtherProducersRecordsTest.ALWAYS;
    static final String[] LRT_PATH = OtherProducersRecordsTest.LRT_PATH;

    /** @param side the breast primary's side, or "none" when no breast primary is read; @param sites the metastases' sites */
    record Row(String file, String asOf, String why, Set<String> fires, String side, Set<String> sites) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    static Row row(String file, String why, Set<String> fires, String side, String... sites) {
        return new Row(file, "2024-04-01", why, fires, side, new TreeSet<>(List.of(sites)));
    }

    static Set<String> fires(String... codes) {
        return CodeSets.expand(Map.of("ALWAYS", ALWAYS, "LRT_PATH", LRT_PATH), codes);
    }

    /** De novo, HR+/HER2-, bone only, 8 weeks on letrozole: systemic therapy first, defer, the bone-only subgroup. */
    static final String[] BONE_ONLY_EARLY = {"ALWAYS", "LRT_PATH", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT", "DEFER_LRT_UNTIL_RESPONSE"};

    static List<Row> rows() {
        return List.of(
                row("01-icdo3-ductal-c504-left-bone-c412", "[fixed] mCODE primary 8500/3 + bodySite C50.4 with the laterality qualifier left, "
                                + "secondary 8500/6 + bodySite C41.2 (vertebral column): de novo, bone only",
                        fires(BONE_ONLY_EARLY), "LEFT", "bone"),
                row("02-naaccr-forms-85003-c504-side-as-coding", "[fixed] the NAACCR export forms '85003' + 'C504' and '85006' + 'C412', no mCODE profile, "
                                + "the side a second coding of the body site: the same answer as 01",
                        fires(BONE_ONLY_EARLY), "LEFT", "bone"),
                row("02b-naaccr-forms-icdo3-as-oid", "[fixed] the same with ICD-O-3 named by its HL7 OID (urn:oid:2.16.840.1.113883.6.43.1, "
                                + "mapping-settings code-system-alias), as registry exports write it: the same answer as 01",
                        fires(BONE_ONLY_EARLY), "LEFT", "bone"),
                row("03-icdo3-lobular-c509-liver-c220", "[fixed] 8520/3 + C50.9 (side a body site of its own), 8520/6 + C22.0: de novo, liver, not bone only",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"), "LEFT", "liver"),
                row("04-snomed-morphologies-ductal-left-breast-4590003-c412", "[fixed] SNOMED CT morphologies as Condition.code (mCODE cancer-disorder-vs): "
                                + "82711006 + left breast structure, 4590003 (adenocarcinoma, metastatic) + C41.2: the answer of 01",
                        fires(BONE_ONLY_EARLY), "LEFT", "bone"),
                row("05-icdo3-axillary-nodes-c773-same-side", "8500/6 + C77.3 on the primary's side: regional (N) disease, not metastatic",
                        fires("NOT_APPLICABLE_NO_METASTASIS"), "LEFT"),
                row("06-icdo3-axillary-nodes-c773-other-side", "[fixed] 8500/6 + C77.3 on the other side: distant nodes, de novo, not bone only",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"), "LEFT", "distant-lymph-nodes"),
                row("07-icdo3-intra-abdominal-nodes-c772", "[fixed] 8500/6 + C77.2: intra-abdominal nodes are distant",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"), "LEFT", "distant-lymph-nodes"),
                row("08-icdo3-head-neck-nodes-c770-alone", "8500/6 + C77.0 (supraclavicular regional, cervical distant), no M category: "
                                + "ambiguous nodes are not by themselves evidence of distant disease",
                        fires("NOT_APPLICABLE_NO_METASTASIS"), "LEFT"),
                row("08b-icdo3-head-neck-nodes-c770-with-cm1", "[fixed] the same with cM1 (AJCC SNOMED): the nodes count as distant, de novo (as ICD-10-CM C77.0 with cM1)",
                        fires("ALWAYS", "DEFER_LRT_UNTIL_RESPONSE"), "LEFT", "distant-lymph-nodes"),
                row("09-icdo3-metastasis-without-site", "[fixed] 8000/6 without body site: a metastasis of unspecified site (fail safe), site missing",
                        fires("ALWAYS", "DATA_MISSING_METASTATIC_SITES", "DEFER_LRT_UNTIL_RESPONSE"), "LEFT", Metastasis.UNSPECIFIED),
                row("10-icdo3-morphology-only-primary", "8500/3 without a site is a malignant primary of unknown site, not a breast primary "
                                + "(reported unrecognised); with no breast cancer the guidance does not apply, whatever the metastasis",
                        fires(), "none", "bone"),
                row("11-icdo3-lung-primary-and-its-bone-metastasis", "a lung adenocarcinoma (8140/3 + C34.1) and its bone metastasis (8140/6, "
                                + "condition-related to it): another cancer, no code",
                        fires(), "none"),
                row("12-icdo3-breast-and-lung-primaries-liver-tied-to-lung", "[fixed] the breast primary with an untied bone metastasis, and a lung primary "
                                + "with the liver metastasis tied to it: the liver is the lung cancer's, the breast cancer stays bone only",
                        fires(BONE_ONLY_EARLY), "LEFT", "bone"),
                row("13-mcode-histology-extension-on-icd10-codes", "C50.912 and C79.51 carrying the mCODE histology extension (8500/3, 8500/6): "
                                + "read by their ICD-10-CM codes, as without the extension",
                        fires(BONE_ONLY_EARLY), "LEFT", "bone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersAsTheCatalogueSays(Row row) throws IOException {
        byte[] json = Files.readAllBytes(DIR.resolve(row.file() + ".json"));
        Evaluation e = Pipeline.CORE.evaluate(json, LocalDate.parse(row.asOf())).evaluation();
        String account = row.why() + "\n  notes: " + e.facts().notes().stream().map(MappingNote::text).toList()
                + "\n  unrecognised: " + e.facts().unrecognised();
        assertThat(new TreeSet<>(e.codes())).as(account).isEqualTo(row.fires());
        List<PrimaryTumour> primaries = e.facts().all(PrimaryTumour.class);
        if ("none".equals(row.side())) assertThat(primaries).as(account).isEmpty();
        else assertThat(primaries).as(account).singleElement().extracting(p -> String.valueOf(p.laterality())).isEqualTo(row.side());
        Set<String> sites = e.facts().all(Metastasis.class).stream().map(Metastasis::site).collect(Collectors.toCollection(TreeSet::new));
        assertThat(sites).as(account).isEqualTo(row.sites());
    }

    @Test
    void aMorphologyWithoutSiteIsReportedNotDropped() throws IOException {
        byte[] json = Files.readAllBytes(DIR.resolve("10-icdo3-morphology-only-primary.json"));
        Evaluation e = Pipeline.CORE.evaluate(json, LocalDate.parse("2024-04-01")).evaluation();
        assertThat(e.facts().unrecognised()).extracting(UnrecognisedCode::code).contains("8500/3");
    }

    /** Every Bundle of the folder is a row: a case added without its expectation would test nothing. */
    @Test
    void everyFileHasARow() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            Set<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(files).isEqualTo(rows().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    /**
     * Registry coding is audited like any other: a Bulk Data export (NDJSON) of two registry patients through the audit
     * command's library entry point. pat-1 (8500/3 + C50.4, 8500/6 + C41.2) is the lumpectomy case of
     * {@code OtherProducersAuditTest} 01, all concordant; pat-2, the same record whose only secondary is 8500/6 + C77.3 on
     * the primary's side, is not metastatic and out of the audit's scope.
     */
    @Test
    void registryCodingIsAuditedLikeAnyOther(@TempDir Path work) {
        AuditEngine engine = new AuditEngine(Pipeline.CORE);
        AuditOptions options = AuditOptions.defaults(LocalDate.parse("2024-12-31")).withWorkDir(work);
        try (AuditReport report = engine.run(AuditInput.of(AUDIT_EXPORT), options, ProgressListener.NONE, () -> false)) {
            Map<String, List<String>> patients = new TreeMap<>();
            report.forEachPatient(p -> patients.put(p.patient(), AuditLines.of(p)));
            assertThat(patients).isEqualTo(Map.of(
                    "Patient/pat-1", List.of(
                            "SYSTEMIC_BEFORE_LRT CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole",
                            "NO_LRT_DURING_PROGRESSION CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/status-distant",
                            "LRT_AFTER_RESPONSE_WINDOW CONCORDANT 2024-06-03 Procedure/lumpectomy MedicationStatement/letrozole Observation/status-distant",
                            "CLEAR_MARGINS CONCORDANT 2024-06-03 Procedure/lumpectomy Observation/margin",
                            "MULTIDISCIPLINARY_DISCUSSION CONCORDANT 2024-06-03 Procedure/lumpectomy Procedure/board",
                            "breast surgeries 1, conserving 1"),
                    "Patient/pat-2", List.of("out of scope NO_DISTANT_METASTASIS")));
            assertThat(report.problems()).isEmpty();
        }
    }
}

package org.primum.fhir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.primum.fhir.terminology.Terminology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The US procedure codes (ICD-10-PCS, CPT, HCPCS, SNOMED CT tumour boards) resolve to the kind, side and target site
 * their entries mean: ICD-10-PCS by its axes (a table and body part stand for every approach, device and qualifier;
 * a diagnostic qualifier is a biopsy), CPT/HCPCS side modifiers as laterality, planning codes as no treatment.
 * Kind "-" = no kind; side and site "-" = none.
 */
class UsProcedureCodesTest {
    private static final Terminology T = Fixtures.TERMINOLOGY;
    static final String PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    static final String SCT = "http://snomed.info/sct";

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @CsvSource({
            // breast excision: every approach, the diagnostic qualifier excluded
            "PCS, 0HBT0ZZ, BREAST_CONSERVING_SURGERY, RIGHT, -",
            "PCS, 0HBU3ZZ, BREAST_CONSERVING_SURGERY, LEFT, -",
            "PCS, 0HBV8ZZ, BREAST_CONSERVING_SURGERY, BILATERAL, -",
            "PCS, 0HBUXZZ, BREAST_CONSERVING_SURGERY, LEFT, -",
            "PCS, 0HBX0ZZ, BREAST_CONSERVING_SURGERY, LEFT, -",
            "PCS, 0hbu0zz, BREAST_CONSERVING_SURGERY, LEFT, -",
            "PCS, 0HBT0ZX, -, RIGHT, -",
            "PCS, 0HBU3ZX, -, LEFT, -",
            "PCS, 0HBV7ZX, -, BILATERAL, -",
            "PCS, 0HBWXZX, -, RIGHT, -",
            // breast resection (simple, skin- and nipple-sparing, subcutaneous mastectomies are all 0HT)
            "PCS, 0HTT0ZZ, MASTECTOMY, RIGHT, -",
            "PCS, 0HTU0ZZ, MASTECTOMY, LEFT, -",
            "PCS, 0HTV0ZZ, MASTECTOMY, BILATERAL, -",
            "PCS, 0HTW0ZZ, BREAST_CONSERVING_SURGERY, RIGHT, -",
            // other skin-and-breast operations are no surgery of the primary
            "PCS, 0HRT07Z, -, -, -",
            "PCS, 0H5T0ZZ, -, -, -",
            "PCS, 0HB, -, -, -",
            // axilla: resection = dissection; surgical biopsy = sentinel/sampling; needle biopsy = none
            "PCS, 07T50ZZ, AXILLARY_DISSECTION, RIGHT, -",
            "PCS, 07T64ZZ, AXILLARY_DISSECTION, LEFT, -",
            "PCS, 07B60ZZ, AXILLARY_DISSECTION, LEFT, -",
            "PCS, 07B50ZX, SENTINEL_NODE_BIOPSY, RIGHT, -",
            "PCS, 07B64ZX, SENTINEL_NODE_BIOPSY, LEFT, -",
            "PCS, 07B63ZX, -, LEFT, -",
            "PCS, 07BC0ZZ, -, -, -",
            // radiation of the breast (body part 0 = left, 1 = right), chest wall and axillary nodes
            "PCS, DM001ZZ, LOCOREGIONAL_RADIOTHERAPY, LEFT, -",
            "PCS, DM0130Z, LOCOREGIONAL_RADIOTHERAPY, RIGHT, -",
            "PCS, DM119BZ, LOCOREGIONAL_RADIOTHERAPY, RIGHT, -",
            "PCS, DM20DZZ, LOCOREGIONAL_RADIOTHERAPY, LEFT, -",
            "PCS, DB071ZZ, LOCOREGIONAL_RADIOTHERAPY, -, -",
            "PCS, D7041ZZ, LOCOREGIONAL_RADIOTHERAPY, -, -",
            // radiation of metastatic sites: beam = the site decides (named by the code), radiosurgery = ablation
            "PCS, DP091ZZ, RADIOTHERAPY, -, bone",
            "PCS, D0001ZZ, RADIOTHERAPY, -, brain",
            "PCS, DB021ZZ, RADIOTHERAPY, -, lung",
            "PCS, D020DZZ, METASTASIS_ABLATION, -, brain",
            "PCS, D020JZZ, METASTASIS_ABLATION, -, brain",
            "PCS, DB22HZZ, METASTASIS_ABLATION, -, lung",
            "PCS, DF20DZZ, METASTASIS_ABLATION, -, liver",
            "PCS, DT20DZZ, METASTASIS_ABLATION, -, kidney",
            "PCS, DW26DZZ, METASTASIS_ABLATION, -, -",
            // destruction (thermal / cryo ablation) of a metastatic organ
            "PCS, 0F503ZZ, METASTASIS_ABLATION, -, liver",
            "PCS, 0B5K3ZZ, METASTASIS_ABLATION, -, lung",
            "PCS, 0Q563ZZ, METASTASIS_ABLATION, -, bone",
            "PCS, 0P533ZZ, METASTASIS_ABLATION, -, bone",
            "PCS, 0T503ZZ, METASTASIS_ABLATION, -, kidney",
            // CPT: the codes before 2007, subcutaneous mastectomy, radiosurgery, ablation, team conferences
            "CPT, 19180, MASTECTOMY, -, -",
            "CPT, 19240, MASTECTOMY, -, -",
            "CPT, 19162, BREAST_CONSERVING_SURGERY, -, -",
            "CPT, 19304, MASTECTOMY, -, -",
            "CPT, 19120, -, -, -",
            "CPT, 38792, -, -, -",
            "CPT, 0581T, -, -, -",
            "CPT, 77778, RADIOTHERAPY, -, -",
            "CPT, 61796, METASTASIS_ABLATION, -, brain",
            "CPT, 63620, METASTASIS_ABLATION, -, -",
            "CPT, 77371, METASTASIS_ABLATION, -, brain",
            "CPT, 77373, METASTASIS_ABLATION, -, -",
            "CPT, 20982, METASTASIS_ABLATION, -, bone",
            "CPT, 32998, METASTASIS_ABLATION, -, lung",
            "CPT, 47370, METASTASIS_ABLATION, -, liver",
            "CPT, 47383, METASTASIS_ABLATION, -, liver",
            "CPT, 50593, METASTASIS_ABLATION, -, kidney",
            "CPT, 99366, TUMOUR_BOARD_REVIEW, -, -",
            "CPT, 99367, TUMOUR_BOARD_REVIEW, -, -",
            "CPT, 99368, TUMOUR_BOARD_REVIEW, -, -",
            "CPT, RT, -, RIGHT, -",
            "CPT, LT, -, LEFT, -",
            "CPT, 50, -, BILATERAL, -",
            // a CPT/HCPCS code with its modifiers appended: the base code's kind, the modifier's side
            "CPT, 19303-RT, MASTECTOMY, RIGHT, -",
            "CPT, 19301-lt, BREAST_CONSERVING_SURGERY, LEFT, -",
            "CPT, 19303-50, MASTECTOMY, BILATERAL, -",
            "CPT, 19307-59-RT, MASTECTOMY, RIGHT, -",
            "CPT, 19303-XS, MASTECTOMY, -, -",
            "CPT, 19120-RT, -, RIGHT, -",
            "CPT, 19303-1-2-3-4-5, -, -, -",
            "HCPCS, G6015-RT, RADIOTHERAPY, RIGHT, -",
            // HCPCS: radiosurgery, the Medicare delivery codes, the side modifiers
            "HCPCS, G0173, METASTASIS_ABLATION, -, -",
            "HCPCS, G0251, METASTASIS_ABLATION, -, -",
            "HCPCS, G0339, METASTASIS_ABLATION, -, -",
            "HCPCS, G0340, METASTASIS_ABLATION, -, -",
            "HCPCS, G6003, RADIOTHERAPY, -, -",
            "HCPCS, G6014, RADIOTHERAPY, -, -",
            "HCPCS, G6015, RADIOTHERAPY, -, -",
            "HCPCS, G6016, RADIOTHERAPY, -, -",
            "HCPCS, G6001, -, -, -",
            "HCPCS, LT, -, LEFT, -",
            "HCPCS, RT, -, RIGHT, -",
            // SNOMED CT multidisciplinary reviews
            "SCT, 708004003, TUMOUR_BOARD_REVIEW, -, -",
            "SCT, 399414003, TUMOUR_BOARD_REVIEW, -, -",
            "SCT, 287051000000107, TUMOUR_BOARD_REVIEW, -, -",
            // SNOMED CT lumpectomies below 392021009; an excisional biopsy is no operation of the primary
            "SCT, 71222002, BREAST_CONSERVING_SURGERY, -, -",
            "SCT, 735085002, BREAST_CONSERVING_SURGERY, LEFT, -",
            "SCT, 735086001, BREAST_CONSERVING_SURGERY, RIGHT, -",
            "SCT, 172051009, BREAST_CONSERVING_SURGERY, -, -",
            "SCT, 394021005, BREAST_CONSERVING_SURGERY, -, -",
            "SCT, 42125001, -, -, -"})
    void aCodeResolvesToItsKindSideAndSite(String system, String code, String kind, String side, String site) {
        String url = url(system);
        assertThat(T.procedureKind(url, code)).as("kind").isEqualTo(none(kind));
        Object l = T.laterality(url, code);
        assertThat(l == null ? null : l.toString()).as("side").isEqualTo(none(side));
        assertThat(T.procedureTargetSite(url, code)).as("site").isEqualTo(none(site));
    }

    @ParameterizedTest
    @CsvSource({"77261, true", "77263, true", "77280, true", "77295, true", "77301, true", "77338, true", "77370, true",
            "77412, false", "77385, false", "77427, false", "77373, false", "19301, false"})
    void radiotherapyPlanningIsNoTreatment(String code, boolean planning) {
        assertThat(T.isRadiotherapyPlanning(CPT, code)).isEqualTo(planning);
    }

    @Test
    void oldAndNewBreastOperationsWithAnAxillaryDissection() {
        for (String code : new String[]{"19162", "19200", "19220", "19240", "19302", "19307"}) {
            assertThat(T.includesAxillaryDissection(CPT, code)).as(code).isTrue();
        }
        assertThat(T.includesAxillaryDissection(CPT, "19180")).isFalse();
        assertThat(T.includesAxillaryDissection(CPT, "19160")).isFalse();
    }

    /** {@code equivalence: unmatched} is an exclusion under a listed ancestor: meaningless, so refused, in a flat code system. */
    @Test
    void anUnmatchedElementOutsideAHierarchicalSystemStopsTheLoad(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("profiles");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("fhir-profiles"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        Path kind = dir.resolve("ConceptMap-procedure-kind.json");
        String json = Files.readString(kind).replaceFirst("\"element\": \\[",
                "\"element\": [{\"code\": \"19120\", \"display\": \"Excision of breast lesion\", \"target\": [{\"equivalence\": \"unmatched\"}]},");
        Files.writeString(kind, json);
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ConceptMap-procedure-kind.json").hasMessageContaining("unmatched");
    }

    private static String url(String system) {
        return switch (system) {
            case "PCS" -> PCS;
            case "CPT" -> CPT;
            case "HCPCS" -> HCPCS;
            case "SCT" -> SCT;
            default -> throw new IllegalArgumentException(system);
        };
    }

    private static String none(String value) {
        return "-".equals(value) ? null : value;
    }
}

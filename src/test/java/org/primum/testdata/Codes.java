package org.primum.testdata;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import java.util.Map;

/**
 * The standard codes the test records are written in ({@code shared/terminology.md}: SNOMED CT,
 * ICD-10-CM, LOINC, RxNorm, AJCC, CPT), in one place, so that every test speaks the same vocabulary
 * an EHR would send. A code the mapping must recognise belongs here, not in a test.
 */
public final class Codes {
    public static final String SCT = "http://snomed.info/sct";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String AJCC = "http://cancerstaging.org";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    public static final String CONDITION_RELATED = "http://hl7.org/fhir/StructureDefinition/condition-related";
    /** The recorded lesion count the mapping is configured to read (fhir-profiles/Parameters-mapping-settings.json). */
    public static final String LESION_COUNT = "http://primum.org/fhir/StructureDefinition/metastatic-lesion-count";

    /** A metastatic site's codes. Null where the site has no specific SNOMED code (then mCODE's pattern) or no body site. */
    public record Site(String snomed, String display, String icd10, String bodySite, String bodySiteDisplay) {
    }

    /** Site name → codes; "axillary-node" is regional (N) disease, which the mapping must not count as distant. */
    public static final Map<String, Site> SITES = Map.ofEntries(
            Map.entry("bone", new Site("94222008", "Secondary malignant neoplasm of bone", "C79.51", "272673000", "Bone structure")),
            Map.entry("liver", new Site("94381002", "Secondary malignant neoplasm of liver", "C78.7", "10200004", "Liver structure")),
            Map.entry("lung", new Site("94391008", "Secondary malignant neoplasm of lung", "C78.01", "39607008", "Lung structure")),
            Map.entry("brain", new Site("94225005", "Secondary malignant neoplasm of brain", "C79.31", "12738006", "Brain structure")),
            Map.entry("pleura", new Site(null, null, "C78.2", "3120008", "Pleural membrane structure")),
            Map.entry("skin", new Site(null, null, "C79.2", "39937001", "Skin structure")),
            Map.entry("axillary-node", new Site("94181007", "Secondary malignant neoplasm of axillary lymph nodes", "C77.3", "68171009", "Axillary lymph node structure")),
            // ICD-10-CM C77.0 holds regional (supraclavicular) and distant (cervical) nodes: the body site decides
            Map.entry("supraclavicular-node", new Site("94614009", "Metastatic malignant neoplasm to supraclavicular lymph nodes", "C77.0", "76838003", "Structure of supraclavicular lymph node")),
            Map.entry("cervical-node", new Site(null, null, "C77.0", "81105003", "Cervical lymph node structure")),
            Map.entry("unspecified-node", new Site(null, null, "C77.9", null, null)),
            Map.entry("mediastinal-node", new Site("94408005", "Metastatic malignant neoplasm to mediastinal lymph nodes", "C77.1", "62683002", "Mediastinal lymph node structure")));

    /** The node sites that are regional (N) disease when on the primary's side. */
    public static final java.util.Set<String> REGIONAL_NODE_SITES = java.util.Set.of("axillary-node", "supraclavicular-node", "unspecified-node");

    /** The laterality qualifier of a body site (mCODE's extension): left | right. */
    public static org.hl7.fhir.r4.model.Extension lateralityQualifier(String side) {
        return new org.hl7.fhir.r4.model.Extension(MCODE + "mcode-laterality-qualifier",
                "left".equals(side) ? cc(SCT, "7771000", "Left") : cc(SCT, "24028007", "Right"));
    }

    /** A drug as prescribed: its RxNorm code and display. */
    public record Drug(String rxnorm, String display) {
    }

    public static final Map<String, Drug> DRUGS = Map.ofEntries(
            Map.entry("letrozole", new Drug("72965", "letrozole")),
            Map.entry("anastrozole", new Drug("84857", "anastrozole")),
            Map.entry("tamoxifen", new Drug("198240", "tamoxifen 10 MG Oral Tablet")),
            Map.entry("fulvestrant", new Drug("282357", "fulvestrant")),
            Map.entry("palbociclib", new Drug("1601374", "palbociclib")),
            Map.entry("ribociclib", new Drug("1873916", "ribociclib")),
            Map.entry("trastuzumab", new Drug("224905", "trastuzumab")),
            Map.entry("pertuzumab", new Drug("1298944", "pertuzumab")),
            Map.entry("paclitaxel", new Drug("583214", "Paclitaxel 100 MG Injection")),
            Map.entry("docetaxel", new Drug("72962", "docetaxel")),
            Map.entry("doxorubicin", new Drug("3639", "doxorubicin")),
            Map.entry("cyclophosphamide", new Drug("3002", "cyclophosphamide")),
            Map.entry("capecitabine", new Drug("194000", "capecitabine")),
            Map.entry("carboplatin", new Drug("40048", "carboplatin")),
            Map.entry("pembrolizumab", new Drug("1547545", "pembrolizumab")));

    /** A procedure kind: SNOMED code and display, CPT code where one exists (else null). */
    public record ProcedureCode(String snomed, String display, String cpt) {
    }

    public static final Map<String, ProcedureCode> PROCEDURES = Map.ofEntries(
            Map.entry("lumpectomy", new ProcedureCode("392021009", "Lumpectomy of breast", "19301")),
            Map.entry("partial-mastectomy", new ProcedureCode("64368001", "Partial mastectomy", "19301")),
            Map.entry("mastectomy", new ProcedureCode("172043006", "Simple mastectomy", "19303")),
            Map.entry("bilateral-mastectomy", new ProcedureCode("22418005", "Bilateral simple mastectomy", null)),
            Map.entry("sentinel-node-biopsy", new ProcedureCode("396487001", "Sentinel lymph node biopsy", "38900")),
            Map.entry("axillary-dissection", new ProcedureCode("79544006", "Complete axillary lymphadenectomy", "38745")),
            Map.entry("breast-radiotherapy", new ProcedureCode("33195004", "External beam radiation therapy", null)),
            Map.entry("bone-radiotherapy", new ProcedureCode("33195004", "External beam radiation therapy", null)),
            Map.entry("brain-radiotherapy", new ProcedureCode("33195004", "External beam radiation therapy", null)),
            // ablation of a metastasis (catalogue "ablated metastasis"): CPT, the codes US records carry for them
            Map.entry("bone-sbrt", new ProcedureCode(null, "Stereotactic body radiation therapy, treatment delivery", "77373")),
            Map.entry("liver-ablation", new ProcedureCode(null, "Ablation, 1 or more liver tumor(s), percutaneous, radiofrequency", "47382")),
            // not locoregional therapy: what a chart holds besides
            Map.entry("breast-biopsy", new ProcedureCode("122548005", "Biopsy of breast", null)));

    private Codes() {
    }

    public static CodeableConcept cc(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    public static CodeableConcept text(String text) {
        return new CodeableConcept().setText(text);
    }

    /** The breast's body site: left, right, or the breast unqualified (side null). */
    public static CodeableConcept breast(String side) {
        if ("left".equals(side)) return cc(SCT, "80248007", "Left breast structure");
        if ("right".equals(side)) return cc(SCT, "73056007", "Right breast structure");
        return cc(SCT, "76752008", "Breast structure");
    }

    static <T> T known(Map<String, T> table, String key, String what) {
        T value = table.get(key);
        if (value == null) throw new IllegalArgumentException("no " + what + " '" + key + "' in the test vocabulary");
        return value;
    }
}

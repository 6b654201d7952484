package org.primum.fhir.terminology;

import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations;
import org.primum.facts.AssayMethod;
import org.primum.facts.DrugClass;
import org.primum.facts.Laterality;
import org.primum.facts.PerformanceScale;
import org.primum.facts.ProcedureKind;
import org.primum.facts.Receptor;
import org.primum.facts.ReceptorValue;
import org.primum.facts.Response;
import org.primum.facts.TnmAxis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The table of the ValueSets and ConceptMaps of {@code fhir-profiles/} the mapping reads: one line each,
 * naming the file (by id) and what it feeds. A line is all the Java a new file needs: the loader then
 * requires the file, indexes it with the checks of its kind, and the mapping asks
 * {@code terminology.contains(Profiles.NEW_ONE, system, code)} (ValueSet) or
 * {@code terminology.get(Profiles.NEW_ONE, system, code)} (ConceptMap). See {@code fhir-profiles/README.md}.
 *
 * <p>The drug files ({@code systemic-therapy-ingredient}, {@code ingredient-drug-class},
 * {@code rxnorm-product-ingredient}) feed one index together, with names for the text fallback: see
 * {@link IngredientIndex}. Words and settings are in {@link MappingSettings}.
 */
public final class Profiles {
    /** Declared before the entries: each entry below adds itself here when the class is initialised. */
    private static final List<Feed<?>> ALL = new ArrayList<>();

    private static final String STAGING_TYPE = CodeSystems.BASE + "/tnm-staging-type";
    private static final String RESULT_SCALE = CodeSystems.BASE + "/receptor-result-scale";
    private static final String TEST_METHOD = CodeSystems.BASE + "/receptor-test-method";

    // ------------------------------------------------------------------ Conditions: primary, metastasis, nodes
    /** A certainty on a diagnosis code's coding that says the diagnosis was excluded (ICD-10-GM "A"). */
    public static final Membership EXCLUDED_DIAGNOSIS_CERTAINTY = valueSet("excluded-diagnosis-certainty");
    /** A verification status or certainty that says the diagnosis is still tentative (unconfirmed, provisional, suspected). */
    public static final Membership TENTATIVE_DIAGNOSIS = valueSet("tentative-diagnosis");
    public static final Membership PRIMARY_BREAST_CANCER = valueSet("primary-breast-cancer");
    public static final Membership MALIGNANT_NEOPLASM_SITE_BY_BODY_SITE = valueSet("malignant-neoplasm-site-by-body-site");
    public static final Membership BREAST_STRUCTURE = valueSet("breast-structure");
    public static final Membership SECONDARY_MALIGNANCY_SITE_BY_BODY_SITE = valueSet("secondary-malignancy-site-by-body-site");
    public static final Membership REGIONAL_NODAL_DISEASE = valueSet("regional-nodal-disease");
    public static final Membership REGIONAL_LYMPH_NODE_STRUCTURE = valueSet("regional-lymph-node-structure");
    /** Node codes whose region holds regional and distant nodes alike (C77.0, C77.1...): the body site decides. */
    public static final Membership UNCERTAIN_PRIMARY_OR_METASTATIC_MORPHOLOGY = valueSet("uncertain-primary-or-metastatic-morphology");
    public static final Membership AMBIGUOUS_NODAL_DISEASE = valueSet("ambiguous-nodal-disease");
    /** Body sites of node regions that hold regional and distant nodes (ICD-O-3 C77.0 head and neck...): the site settles nothing. */
    public static final Membership AMBIGUOUS_LYMPH_NODE_STRUCTURE = valueSet("ambiguous-lymph-node-structure");
    /** A primary's code that names its stage group (SNOMED "... of breast, stage 4"): the category, as a stage summary would say. */
    public static final Classification<String> PRIMARY_STAGE_GROUP = conceptMap("primary-stage-group", (tg, src) -> tg.getCode());
    public static final Classification<SiteMapping> SECONDARY_NEOPLASM_SITE = conceptMap("secondary-neoplasm-site",
            (tg, src) -> new SiteMapping(tg.getCode(), src, finerThanTheOrgan(tg)));
    public static final Classification<SiteMapping> UNQUALIFIED_MALIGNANCY_SITE = conceptMap("unqualified-malignancy-site",
            (tg, src) -> new SiteMapping(tg.getCode(), src, finerThanTheOrgan(tg)));
    public static final Classification<SiteMapping> BODY_STRUCTURE_METASTATIC_SITE = conceptMap("body-structure-metastatic-site",
            (tg, src) -> new SiteMapping(tg.getCode(), src, finerThanTheOrgan(tg)));
    public static final Classification<String> BODY_STRUCTURE_LOCOREGIONAL_REGION = conceptMap("body-structure-locoregional-region",
            (tg, src) -> tg.getCode());
    public static final Classification<Laterality> LATERALITY = conceptMap("laterality", (tg, src) -> Laterality.valueOf(tg.getCode()));

    // ------------------------------------------------------------------ Observations
    public static final Classification<TnmAxisMapping> TNM_OBSERVATION_AXIS = conceptMap("tnm-observation-axis",
            (tg, src) -> new TnmAxisMapping(TnmAxis.valueOf(tg.getCode()), "pathological".equals(product(tg, STAGING_TYPE))));
    public static final Classification<String> TNM_CATEGORY_VALUE = conceptMap("tnm-category-value", (tg, src) -> tg.getCode());
    public static final Classification<ReceptorTest> RECEPTOR_TEST = conceptMap("receptor-test",
            (tg, src) -> new ReceptorTest(Receptor.valueOf(tg.getCode()), "percent".equals(product(tg, RESULT_SCALE)),
                    product(tg, TEST_METHOD) == null ? null : AssayMethod.valueOf(product(tg, TEST_METHOD))));
    public static final Classification<ReceptorValue> RECEPTOR_RESULT = conceptMap("receptor-result",
            (tg, src) -> ReceptorValue.valueOf(tg.getCode()));
    /** The receptor results a diagnosis code states (ICD-10-CM Z17, SNOMED receptor-status disorders and subtype-named primaries). */
    public static final Classification<List<StatedReceptor>> RECEPTOR_STATUS_CONDITION = conceptMap("receptor-status-condition",
            (tg, src) -> StatedReceptor.parse(tg.getCode()));
    public static final Membership DISEASE_STATUS_OBSERVATION = valueSet("disease-status-observation");
    /** A lesion's size (mCODE TumorSize, LOINC 33728-7, SNOMED lesion size): growth of a distant site is distant progression. */
    public static final Membership TUMOUR_SIZE_OBSERVATION = valueSet("tumour-size-observation");
    /** The component of a size Observation that gives the longest diameter (mCODE's major axis). */
    public static final Membership TUMOUR_LONGEST_DIMENSION = valueSet("tumour-longest-dimension");
    public static final Classification<Response> DISEASE_STATUS_RESPONSE = conceptMap("disease-status-response",
            (tg, src) -> Response.valueOf(tg.getCode()));
    /** Component codes of a disease status that assess one part of the cancer (MII "Verlauf": primary, regional nodes, distant metastases). */
    public static final Classification<StatusPart> DISEASE_STATUS_COMPONENT = conceptMap("disease-status-component",
            (tg, src) -> StatusPart.valueOf(tg.getCode()));
    /** Disease-status codes whose value assesses the whole cancer, their focus naming the diagnosis, not the part (MII "Verlauf"). */
    public static final Membership WHOLE_DISEASE_STATUS_OBSERVATION = valueSet("whole-disease-status-observation");
    /** Observations that state the patient died (MII "Tod" cause of death, death-certificate causes, SNOMED "Death"). */
    public static final Membership DEATH_OBSERVATION = valueSet("death-observation");
    public static final Classification<PerformanceScale> PERFORMANCE_STATUS_OBSERVATION = conceptMap("performance-status-observation",
            (tg, src) -> PerformanceScale.valueOf(tg.getCode()));
    public static final Classification<Integer> ECOG_ANSWER = conceptMap("ecog-answer", (tg, src) -> Integer.valueOf(tg.getCode()));
    public static final Membership MARGIN_OBSERVATION = valueSet("margin-observation");
    /** Involved (true) or clear (false). */
    public static final Classification<Boolean> MARGIN_RESULT = conceptMap("margin-result", (tg, src) -> switch (tg.getCode()) {
        case "involved" -> Boolean.TRUE;
        case "clear" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("margin status " + tg.getCode());
    });
    public static final Membership LESION_COUNT_OBSERVATION = valueSet("lesion-count-observation");

    // ------------------------------------------------------------------ Procedures, symptoms, sites
    /** A Procedure coded as a systemic therapy (chemotherapy 367336001, the MII therapy types, OPS 8-542...): its drug class. */
    public static final Classification<DrugClass> SYSTEMIC_THERAPY_PROCEDURE = conceptMap("systemic-therapy-procedure",
            (tg, src) -> DrugClass.valueOf(tg.getCode()));
    /** The kind a procedure code or word names when its body site decides (locoregional, of a metastasis, unspecified). */
    public static final String RADIOTHERAPY_BY_SITE = "RADIOTHERAPY";
    /** A {@link ProcedureKind} name, or {@link #RADIOTHERAPY_BY_SITE} (see the README). */
    public static final Classification<String> PROCEDURE_KIND = conceptMap("procedure-kind", (tg, src) -> procedureKind(tg.getCode()));
    public static final Membership PROPHYLACTIC_MASTECTOMY = valueSet("prophylactic-mastectomy");
    /** Details of a radiotherapy (technique, intention) that make it, aimed at a metastasis, an ablation (stereotactic; curative intent). */
    public static final Membership ABLATIVE_RADIOTHERAPY = valueSet("ablative-radiotherapy");
    /** A palliative intention: a radiotherapy of a metastasis so intended is never an ablation, whatever its technique. */
    public static final Membership PALLIATIVE_INTENTION = valueSet("palliative-intention");
    /** CarePlan categories that record a tumour-board review (MII "Tumorkonferenz"). */
    public static final Membership TUMOUR_BOARD_CARE_PLAN = valueSet("tumour-board-care-plan");
    public static final Membership BREAST_SURGERY_WITH_AXILLARY_DISSECTION = valueSet("breast-surgery-with-axillary-dissection");
    /** The metastatic organ site a procedure code names itself (ICD-10-PCS body parts, CPT "liver tumor(s)"): a target in metastatic-site. */
    public static final Classification<String> PROCEDURE_TARGET_SITE = conceptMap("procedure-target-site", (tg, src) -> tg.getCode());
    /** Radiotherapy planning, simulation and dosimetry: a Procedure so coded prepares a radiotherapy, it gives none. */
    public static final Membership RADIOTHERAPY_PLANNING = valueSet("radiotherapy-planning");
    public static final Classification<String> PRIMARY_SYMPTOM = conceptMap("primary-symptom", (tg, src) -> tg.getCode());
    public static final Membership METASTASIS_SITE_OBSERVATION = valueSet("metastasis-site-observation");
    public static final Membership NO_FINDING = valueSet("no-finding");

    private Profiles() {
    }

    /** Every entry, in the order of this table (the order files are indexed, so the first broken one is reported). */
    public static List<Feed<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    private static Membership valueSet(String id) {
        Membership m = new Membership(id);
        ALL.add(m);
        return m;
    }

    private static <T> Classification<T> conceptMap(String id, Classification.TargetReader<T> reader) {
        Classification<T> c = new Classification<>(id, reader);
        ALL.add(c);
        return c;
    }

    /** {@code equivalence: wider} (or subsumes): the source is a structure finer than the organ, naming one lesion. */
    private static boolean finerThanTheOrgan(ConceptMap.TargetElementComponent tg) {
        Enumerations.ConceptMapEquivalence eq = tg.getEquivalence();
        if (eq == null) throw new IllegalArgumentException("equivalence is required");
        return eq == Enumerations.ConceptMapEquivalence.WIDER || eq == Enumerations.ConceptMapEquivalence.SUBSUMES;
    }

    /** A {@link ProcedureKind} name or {@link #RADIOTHERAPY_BY_SITE}, checked; anything else fails the load. */
    static String procedureKind(String name) {
        if (!RADIOTHERAPY_BY_SITE.equals(name)) ProcedureKind.valueOf(name);
        return name;
    }

    private static String product(ConceptMap.TargetElementComponent tg, String property) {
        for (ConceptMap.OtherElementComponent p : tg.getProduct()) {
            if (property.equals(p.getProperty())) return p.getValue();
        }
        return null;
    }
}

package org.primum.fhir.terminology;

import org.primum.facts.DrugClass;
import org.primum.facts.Laterality;
import org.primum.facts.PerformanceScale;
import org.primum.facts.ProcedureKind;
import org.primum.facts.ReceptorValue;
import org.primum.facts.Response;
import org.primum.facts.TnmAxis;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * Code recognition loaded from the ValueSets, ConceptMaps, CodeSystems and the mapping-settings
 * Parameters of {@code fhir-profiles/}: all knowledge of codes is data there, none is in Java. This class
 * is the face the mapping asks; behind it {@link ProfileLoader} reads and checks the files, {@link Indexes}
 * holds the lookups of the {@link Profiles} table and {@link MappingSettings} the settings and words.
 * Immutable and thread-safe once loaded.
 */
public final class Terminology {
    public static final String BASE = CodeSystems.BASE;
    public static final String SNOMED = CodeSystems.SNOMED;
    public static final String LOINC = CodeSystems.LOINC;
    public static final String ICD10CM = CodeSystems.ICD10CM;
    public static final String RXNORM = CodeSystems.RXNORM;
    public static final String CPT = CodeSystems.CPT;
    public static final String AJCC = CodeSystems.AJCC;

    private final Indexes indexes;
    private final MappingSettings settings;
    private final int resourceCount;

    private Terminology(Indexes indexes, MappingSettings settings, int resourceCount) {
        this.indexes = indexes;
        this.settings = settings;
        this.resourceCount = resourceCount;
    }

    /**
     * Reads every {@code *.json} of {@code profilesDir} with HAPI (strict parser). A malformed or
     * incomplete resource, an unknown target code, or a missing required resource throws
     * {@link IllegalStateException}: start-up must fail rather than recognise codes wrongly.
     */
    public static Terminology load(Path profilesDir) {
        ProfileSet files = ProfileLoader.load(profilesDir);
        Indexes indexes = Indexes.build(files, Profiles.all());
        return new Terminology(indexes, MappingSettings.read(files), files.fileCount());
    }

    // ------------------------------------------------------------------ any entry of the Profiles table

    /**
     * Every lookup by system goes through here: a code system written by another name (its HL7 OID, as C-CDA-to-FHIR
     * converters leave it: mapping-settings {@code code-system-alias}) is the system the files list.
     */
    private String canonical(String system) { return settings.canonicalSystem(system); }

    /** Membership in a ValueSet of the {@link Profiles} table. */
    public boolean contains(Membership valueSet, String system, String code) { return indexes.contains(valueSet, canonical(system), code); }

    /** The value a ConceptMap of the {@link Profiles} table gives this code, or null. */
    public <T> T get(Classification<T> conceptMap, String system, String code) { return indexes.get(conceptMap, canonical(system), code); }

    // ------------------------------------------------------------------ Conditions

    public boolean isPrimaryBreastCancer(String system, String code) { return contains(Profiles.PRIMARY_BREAST_CANCER, system, code); }

    public boolean isGenericMalignancy(String system, String code) { return contains(Profiles.MALIGNANT_NEOPLASM_SITE_BY_BODY_SITE, system, code); }

    public boolean isBreastStructure(String system, String code) { return contains(Profiles.BREAST_STRUCTURE, system, code); }

    public boolean isGenericSecondary(String system, String code) { return contains(Profiles.SECONDARY_MALIGNANCY_SITE_BY_BODY_SITE, system, code); }

    public boolean isRegionalNodalDisease(String system, String code) { return contains(Profiles.REGIONAL_NODAL_DISEASE, system, code); }

    public boolean isRegionalNodeStructure(String system, String code) { return contains(Profiles.REGIONAL_LYMPH_NODE_STRUCTURE, system, code); }

    /** A node code whose region holds regional and distant nodes (C77.0 head and neck, C77.1 intrathoracic, C77.9). */
    public boolean isAmbiguousNodalDisease(String system, String code) { return contains(Profiles.AMBIGUOUS_NODAL_DISEASE, system, code); }

    /** A body site naming a node region that holds regional and distant nodes (ICD-O-3 C77.0, C77.1, C77.8, C77.9). */
    public boolean isAmbiguousNodeStructure(String system, String code) { return contains(Profiles.AMBIGUOUS_LYMPH_NODE_STRUCTURE, system, code); }

    /** Distant site of a Condition code that by itself means a metastasis (94222008, C79.51...), or null. */
    public SiteMapping secondarySite(String system, String code) {
        // regional nodal disease is N disease, never distant, whatever a wider ICD-10 ancestor says
        if (isRegionalNodalDisease(system, code)) return null;
        return get(Profiles.SECONDARY_NEOPLASM_SITE, system, code);
    }

    /** Organ site of a malignancy code that does not say primary or secondary ("Malignant neoplasm of liver"), or null. */
    public SiteMapping unqualifiedMalignancySite(String system, String code) { return get(Profiles.UNQUALIFIED_MALIGNANCY_SITE, system, code); }

    /** A morphology of ICD-O-3 behaviour 9: malignant, uncertain whether primary or metastatic. */
    public boolean isUncertainPrimaryOrMetastatic(String system, String code) {
        return contains(Profiles.UNCERTAIN_PRIMARY_OR_METASTATIC_MORPHOLOGY, system, code);
    }

    /** Organ site of a body structure, or null. */
    public SiteMapping bodyStructureSite(String system, String code) { return get(Profiles.BODY_STRUCTURE_METASTATIC_SITE, system, code); }

    /** "breast", "chest-wall" or "regional-lymph-nodes" for a body structure of the locoregional field, or null. */
    public String locoregionalRegion(String system, String code) { return get(Profiles.BODY_STRUCTURE_LOCOREGIONAL_REGION, system, code); }

    public Laterality laterality(String system, String code) { return get(Profiles.LATERALITY, system, code); }

    /** Symptom of the breast itself by code ("pain" for 53430007), or null. */
    public String symptom(String system, String code) { return get(Profiles.PRIMARY_SYMPTOM, system, code); }

    // ------------------------------------------------------------------ Observations

    public TnmAxisMapping tnmAxis(String system, String code) { return get(Profiles.TNM_OBSERVATION_AXIS, system, code); }

    /**
     * The category of a staging value without its c/p prefix ("T3", "M1", "IV"), or null. AJCC and UICC codes
     * (http://cancerstaging.org, https://www.uicc.org/resources/tnm) are normalised by their pattern: "cT3" → "T3", "c3A" / "3A" → "IIIA".
     */
    public String tnmCategory(String system, String code, TnmAxis axis) {
        String mapped = get(Profiles.TNM_CATEGORY_VALUE, system, code);
        if (mapped != null) return mapped;
        if (CodeSystems.isTnmPattern(canonical(system)) && code != null) return AjccCodes.normalise(code.trim(), axis);
        return null;
    }

    public ReceptorTest receptorTest(String system, String code) { return get(Profiles.RECEPTOR_TEST, system, code); }

    public ReceptorValue receptorResult(String system, String code) { return get(Profiles.RECEPTOR_RESULT, system, code); }

    /** The receptor results a Condition's code states ("ER+" for Z17.0), or null. */
    public List<StatedReceptor> statedReceptors(String system, String code) { return get(Profiles.RECEPTOR_STATUS_CONDITION, system, code); }

    public boolean isDiseaseStatus(String system, String code) { return contains(Profiles.DISEASE_STATUS_OBSERVATION, system, code); }

    public Response response(String system, String code) { return get(Profiles.DISEASE_STATUS_RESPONSE, system, code); }

    public PerformanceScale performanceScale(String system, String code) { return get(Profiles.PERFORMANCE_STATUS_OBSERVATION, system, code); }

    public Integer ecogAnswer(String system, String code) { return get(Profiles.ECOG_ANSWER, system, code); }

    public boolean isMarginObservation(String system, String code) { return contains(Profiles.MARGIN_OBSERVATION, system, code); }

    public Boolean marginInvolved(String system, String code) { return get(Profiles.MARGIN_RESULT, system, code); }

    public boolean isLesionCount(String system, String code) { return contains(Profiles.LESION_COUNT_OBSERVATION, system, code); }

    /** An Observation whose value names the site of a distant metastasis (LOINC 44667-4). */
    public boolean isMetastasisSiteObservation(String system, String code) { return contains(Profiles.METASTASIS_SITE_OBSERVATION, system, code); }

    /** A value saying nothing was found ("None"). */
    public boolean isNoFinding(String system, String code) { return contains(Profiles.NO_FINDING, system, code); }

    // ------------------------------------------------------------------ therapy and procedures

    /** The ingredient of an RxNorm ingredient, clinical drug or product, or of a SNOMED CT substance; or null. */
    public Ingredient ingredient(String system, String code) { return indexes.ingredient(canonical(system), code); }

    /** The ingredient named in free text (display, code.text, Medication text): longest name first; or null. */
    public Ingredient ingredientByText(String text) { return indexes.ingredientByText(text); }

    /** The drug class of a Procedure coded as a systemic therapy, or null. */
    public DrugClass systemicTherapyProcedure(String system, String code) { return get(Profiles.SYSTEMIC_THERAPY_PROCEDURE, system, code); }

    /** A {@link ProcedureKind} name, or "RADIOTHERAPY" (the body site decides), or null. */
    public String procedureKind(String system, String code) { return get(Profiles.PROCEDURE_KIND, system, code); }

    /** The metastatic organ site (metastatic-site code) a procedure code names by itself (ICD-10-PCS D020DZZ: brain), or null. */
    public String procedureTargetSite(String system, String code) { return get(Profiles.PROCEDURE_TARGET_SITE, system, code); }

    /** Radiotherapy planning, simulation or dosimetry (CPT 77261-77399): preparation, not a radiotherapy given. */
    public boolean isRadiotherapyPlanning(String system, String code) { return contains(Profiles.RADIOTHERAPY_PLANNING, system, code); }

    public boolean isProphylacticMastectomy(String system, String code) { return contains(Profiles.PROPHYLACTIC_MASTECTOMY, system, code); }

    /** A breast operation whose code includes an axillary dissection (a modified radical mastectomy, CPT 19302...). */
    public boolean includesAxillaryDissection(String system, String code) {
        return contains(Profiles.BREAST_SURGERY_WITH_AXILLARY_DISSECTION, system, code);
    }

    /** True when some loaded resource uses this code system (an unknown system is worth reporting). */
    public boolean knowsSystem(String system) { return indexes.knowsSystem(canonical(system)); }

    // ------------------------------------------------------------------ settings and words

    /** Positive / negative / equivocal from result text ("Positive", "negative (0%)"), or null. */
    public ReceptorValue receptorByText(String text) { return settings.receptorByText(text); }

    public BigDecimal receptorPositiveMinPercent() { return settings.receptorPositiveMinPercent(); }

    /** The response a disease status names in words ("Stable disease", "progressive disease"), or null. */
    public Response responseByText(String text) { return settings.responseByText(text); }

    /** Involved (true), clear (false) or unknown (null) from margin text. */
    public Boolean marginByText(String text) { return settings.marginByText(text); }

    public boolean mentionsProphylactic(String text) { return settings.mentionsProphylactic(text); }

    /** A procedure or order whose text names a tumour board / multidisciplinary review. */
    public boolean mentionsTumourBoard(String text) { return settings.mentionsTumourBoard(text); }

    /** A radiotherapy or procedure whose text names an ablative technique (stereotactic, SBRT, radiofrequency ablation...). */
    public boolean mentionsAblation(String text) { return settings.mentionsAblation(text); }

    /** The symptom named in text ("ulcer" → ulceration, "haemorrhage" → bleeding), or null. */
    public String symptomByText(String text) { return settings.symptomByText(text); }

    public boolean mentionsBreastSite(String text) { return settings.mentionsBreastSite(text); }

    /** The procedure kind an order's text names (a ProcedureKind name, or RADIOTHERAPY: the body site decides), or null. */
    public String orderKindByText(String text) { return settings.orderKindByText(text); }

    /** The side text names as whole words, or null. */
    public Laterality lateralityByText(String text) { return settings.lateralityByText(text); }

    /**
     * A Condition that looks like a neoplasm (its display or text names one, or an ICD-10 code of any
     * national variant in a neoplasm chapter prefix): worth reporting when not recognised.
     */
    public boolean looksLikeNeoplasm(String system, String code, String text) { return settings.looksLikeNeoplasm(canonical(system), code, text); }

    public String lesionCountExtensionUrl() { return settings.lesionCountExtensionUrl(); }

    public String conditionRelatedExtensionUrl() { return settings.conditionRelatedExtensionUrl(); }

    public int unrecognisedMax() { return settings.unrecognisedMax(); }

    public List<String> tumourBoardProfiles() { return settings.tumourBoardProfiles(); }

    public List<String> procedureDetailExtensionUrls() { return settings.procedureDetailExtensionUrls(); }

    /** How many files of {@code fhir-profiles/} were read. */
    public int resourceCount() { return resourceCount; }
}

package org.primum.fhir.terminology;

/** Canonical URLs of the code systems the Java code names itself (every other system is data in fhir-profiles/). */
public final class CodeSystems {
    /** The base of Primum's own canonical URLs: {@code <BASE>/ValueSet/<id>}, {@code <BASE>/ConceptMap/<id>}... */
    public static final String BASE = "http://primum.org/fhir";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    /** Hierarchical by its dotted prefix (C50.911 is-a C50.91 is-a C50.9 is-a C50): see {@link CodeIndex}. */
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** WHO ICD-10 and its German modification (BfArM, used by the German Medical Informatics Initiative): same hierarchy. */
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String ICD10GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** HCPCS Level II (CMS: G0339 robotic radiosurgery, G6015 IMRT delivery; the side modifiers LT and RT). */
    public static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    /** AJCC staging codes, normalised by their pattern ({@link AjccCodes}) rather than listed. */
    public static final String AJCC = "http://cancerstaging.org";
    /** UICC TNM codes (German MII oncology records: "M1", "IVC"), the same categories as AJCC's: read by the same pattern. */
    public static final String UICC = "https://www.uicc.org/resources/tnm";
    /** The German procedure classification (BfArM OPS: 5-870 breast-conserving excision), hierarchical like ICD-10. */
    public static final String OPS = "http://fhir.de/CodeSystem/bfarm/ops";
    /**
     * ICD-10-PCS (US inpatient procedures). Each character is an axis (section, body system, operation, body part,
     * approach, device, qualifier), so every prefix of a code names a node of the PCS tables: 0HBT0ZZ is-a 0HBT0Z
     * is-a 0HBT0 is-a 0HBT (excision of the right breast) is-a 0HB (excision, skin and breast).
     */
    public static final String ICD10PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    /**
     * ICD-O-3, the cancer registries' classification (WHO), one system for its two axes: topography (C50.4, hierarchical
     * by its dotted prefix like ICD-10: C50.4 is-a C50) and morphology with its behaviour digit (8500/3: malignant, primary
     * site; 8500/6: malignant, metastatic site), read as a whole code (no hierarchy). See {@link IcdO3Codes}.
     */
    public static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";

    private CodeSystems() {
    }

    /**
     * ICD-10 in any of its editions read here: the categories this service needs (C50 breast, C77-C79 secondary
     * neoplasms) are the WHO categories in each, and each is hierarchical by its dotted code.
     */
    public static boolean isIcd10(String system) {
        return ICD10CM.equals(system) || ICD10GM.equals(system) || ICD10.equals(system);
    }

    /**
     * Code systems whose codes are read as their prefixes' descendants: ICD-10 and OPS by their dotted prefix
     * (5-401.11 is-a 5-401.1 is-a 5-401), ICD-10-PCS by its axes (a table and a body part name every approach,
     * device and qualifier under them: 0HBT lists every excision of the right breast).
     */
    public static boolean isHierarchical(String system) {
        return isIcd10(system) || OPS.equals(system) || ICD10PCS.equals(system) || ICDO3.equals(system);
    }

    /**
     * Whether this (normalised) code takes part in its system's hierarchy: every code of a hierarchical system but the
     * ICD-O-3 morphology codes (8500/3), which have no prefix hierarchy (8500 names no ancestor of both behaviours).
     */
    static boolean isHierarchicalCode(String system, String normalisedCode) {
        if (ICDO3.equals(system)) return IcdO3Codes.isTopography(normalisedCode);
        return isHierarchical(system);
    }

    /** Systems whose ValueSets may use {@code concept is-a} (the dotted-code hierarchy): ICD-10 and ICD-O-3 topography. */
    public static boolean takesIsAFilter(String system) {
        return isIcd10(system) || ICDO3.equals(system);
    }

    /** Code systems whose codes may carry appended modifiers (19303-RT): CPT and HCPCS. See {@link CodeIndex}. */
    public static boolean takesModifiers(String system) {
        return CPT.equals(system) || HCPCS.equals(system);
    }

    /** Code systems of TNM categories read by their pattern ("cT3", "M1", "IVC") rather than listed. */
    public static boolean isTnmPattern(String system) {
        return AJCC.equals(system) || UICC.equals(system);
    }
}

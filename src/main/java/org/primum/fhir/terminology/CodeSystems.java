package org.primum.fhir.terminology;

/** Canonical URLs of the code systems the Java code names itself (every other system is data in fhir-profiles/). */
public final class CodeSystems {
    /** The base of Primum's own canonical URLs: {@code <BASE>/ValueSet/<id>}, {@code <BASE>/ConceptMap/<id>}... */
    public static final String BASE = "http://primum.org/fhir";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    /** Hierarchical by its dotted prefix (C50.911 is-a C50.91 is-a C50.9 is-a C50): see {@link CodeIndex}. */
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** AJCC staging codes, normalised by their pattern ({@link AjccCodes}) rather than listed. */
    public static final String AJCC = "http://cancerstaging.org";

    private CodeSystems() {
    }
}

package org.primum.input;

/**
 * How FHIR input with invalid elements is read (FHIR's {@code Prefer: handling=lenient|strict}). What is
 * not a readable record at all (not JSON, not a resource, an unknown resource type at the top level, no
 * Patient) is an error in both.
 */
public enum Handling {
    /**
     * An invalid element inside an otherwise readable resource is left out, and the evaluation goes on
     * without it; where the mapping reads that element, the whole resource is left out rather than read in
     * part. Each left-out part is reported with its location. The default: real records carry such errors,
     * and refusing the whole record leaves the patient with no answer at all.
     */
    LENIENT,
    /** The first invalid element refuses the whole input ({@link InvalidInputException}, located). */
    STRICT
}

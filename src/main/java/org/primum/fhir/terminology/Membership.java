package org.primum.fhir.terminology;

/**
 * A ValueSet read as membership ("is this a primary breast cancer code?"): explicit concepts,
 * {@code concept is-a} filters on ICD-10 and ICD-O-3 topography (the dotted-code hierarchy), and {@code code regex}
 * filters (the whole code matches the pattern: ICD-O-3 {@code \d{4}/6}, every morphology of behaviour 6);
 * {@code compose.exclude} likewise.
 */
public final class Membership extends Feed<Boolean> {
    Membership(String id) {
        super(id, "ValueSet");
    }
}

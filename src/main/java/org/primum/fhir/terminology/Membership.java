package org.primum.fhir.terminology;

/**
 * A ValueSet read as membership ("is this a primary breast cancer code?"): explicit concepts, and
 * {@code concept is-a} filters on ICD-10-CM; {@code compose.exclude} likewise.
 */
public final class Membership extends Feed<Boolean> {
    Membership(String id) {
        super(id, "ValueSet");
    }
}

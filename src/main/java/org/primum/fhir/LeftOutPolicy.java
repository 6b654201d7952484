package org.primum.fhir;

import java.util.Set;

/**
 * What lenient reading leaves out for an invalid element: the element alone, or its whole resource. A record
 * read in part could say what its source does not (a Condition whose onset is unreadable, read without it,
 * would count as undated: at every {@code asOf}, taken as de novo), so an invalid element the mapping may read
 * takes its resource with it. Only the elements no reader uses are left out alone ({@link #UNREAD}; a short
 * list on purpose: an element wrongly in it would be read in part, one wrongly missing only costs a
 * resource, and says so). The Patient is the exception: the record is its record, without it there would be
 * no answer at all, so its invalid elements are left out one by one (an unreadable birth date is an unknown
 * age, as when it is not recorded) and each is reported.
 */
final class LeftOutPolicy {

    /** Top-level elements of a resource that no reader of {@code org.primum.fhir.mapping} reads. */
    static final Set<String> UNREAD = Set.of("text", "implicitRules", "language", "identifier", "note");

    private LeftOutPolicy() {
    }

    /** Whether an invalid {@code element} (top-level, as written: {@code onsetDateTime}, {@code value[x]}) leaves out its whole resource. */
    static boolean wholeResource(String resourceType, String element) {
        if (resourceType.equals("Patient")) return false;
        return !UNREAD.contains(element);
    }

    /** The first element of a relative path: {@code extension[2].valueCode} → {@code extension}; {@code value[x]} stays. */
    static String topElement(String relativePath) {
        String first = relativePath.split("\\.", 2)[0];
        if (first.endsWith("[x]")) return first;
        int bracket = first.indexOf('[');
        return bracket < 0 ? first : first.substring(0, bracket);
    }
}

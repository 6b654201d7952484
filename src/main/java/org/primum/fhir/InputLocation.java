package org.primum.fhir;

import org.primum.input.InvalidInputException;

/**
 * Error locations of a FHIR input that is part of something larger (a CDS Hooks prefetch value, a page
 * fetched from a FHIR server, a line of an NDJSON file): the reader's location inside the resource,
 * {@code Bundle.entry[0].resource.onsetDateTime}, becomes one inside the whole,
 * {@code prefetch.conditions.entry[0].resource.onsetDateTime}.
 */
public final class InputLocation {

    private InputLocation() {
    }

    /**
     * {@code e} located under {@code prefix}: the resource type that starts a FHIRPath is replaced by the
     * prefix; a location that is not such a path ({@code line 1, column 9}, {@code resourceType}) is kept in
     * the message and the prefix becomes the location. Without a prefix, {@code e} itself.
     */
    public static InvalidInputException under(String prefix, InvalidInputException e) {
        if (prefix == null) return e;
        String inner = e.location();
        boolean path = isPath(inner);
        String where = path ? path(prefix, inner) : prefix;
        String message = prefix + ": " + e.getMessage() + (inner != null && !path ? " (" + inner + ")" : "");
        InvalidInputException located = new InvalidInputException(e.problem(), e.issueCode(), message, where);
        located.setStackTrace(e.getStackTrace());
        return located;
    }

    /**
     * A FHIRPath-like location inside a resource ({@code Condition.onsetDateTime}; {@code Condition}: the
     * resource itself) as one under {@code prefix} ({@code prefetch.conditions.entry[0].resource.onsetDateTime}).
     * Without a prefix, {@code inner} itself.
     */
    public static String path(String prefix, String inner) {
        if (prefix == null) return inner;
        if (inner == null || !inner.matches("[A-Z$][A-Za-z]*(\\..*)?")) return prefix;
        int dot = inner.indexOf('.');
        return dot < 0 ? prefix : prefix + inner.substring(dot);
    }

    private static boolean isPath(String location) {
        return location != null && location.matches("[A-Z][A-Za-z]*\\..*");
    }
}

package org.primum.input;

/**
 * What kind of problem stops an input from being evaluated, as the domain sees it. Each entry point
 * translates it into its own protocol (the HTTP status lives in {@code org.primum.api} alone).
 */
public enum Problem {
    /** Not a readable FHIR record: not JSON, wrong structure, invalid value, unknown resource type. */
    MALFORMED,
    /** Larger than the configured limit. */
    TOO_LARGE,
    /** A media type or FHIR version the service does not read. */
    UNSUPPORTED_MEDIA_TYPE,
    /** Readable FHIR, but not one patient's record (not a Bundle, no Patient, a history Bundle…). */
    UNPROCESSABLE,
    /** Something asked for that does not exist (an unknown rule code or service). */
    NOT_FOUND,
    /** Data needed for the answer is neither given nor obtainable (CDS Hooks prefetch). */
    DATA_UNAVAILABLE
}

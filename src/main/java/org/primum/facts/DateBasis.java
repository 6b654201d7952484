package org.primum.facts;

/** How a clinical date was obtained: real data often lacks one (catalogue, "undated records"). */
public enum DateBasis {
    /** The resource carries the date itself. */
    RECORDED,
    /**
     * Only the date the record was entered ({@code Condition.recordedDate}), an upper bound of the diagnosis: the
     * mapping passes it on, the definitions settle it (RECORDED, or INFERRED from an earlier related record).
     */
    RECORDED_ONLY,
    /** Taken from a related record (staging, marker, procedure, therapy). */
    INFERRED,
    /** No date anywhere: counted at every evaluation date. */
    UNDATED
}

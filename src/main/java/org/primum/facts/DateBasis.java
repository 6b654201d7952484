package org.primum.facts;

/** How a clinical date was obtained: real data often lacks one (catalogue, "undated records"). */
public enum DateBasis {
    /** The resource carries the date itself. */
    RECORDED,
    /** Taken from a related record (staging, marker, procedure, therapy). */
    INFERRED,
    /** No date anywhere: counted at every evaluation date. */
    UNDATED
}

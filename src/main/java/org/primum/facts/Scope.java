package org.primum.facts;

/** Whether the guidance applies (catalogue section A), decided from the catalogue's definitions. */
public enum Scope {
    NO_BREAST_PRIMARY,
    NO_DISTANT_METASTASIS,
    /** Metastasis found more than the de novo window after the primary, or M0 staging followed by M1. */
    RECURRENT,
    /** The primary was resected before the metastasis was found. */
    RESECTED_BEFORE_METASTASIS,
    /** The patient died on or before the evaluation date: no treatment guidance. */
    DECEASED,
    DE_NOVO
}

package org.primum.audit.model;

/** A criterion's verdict on an act (catalogue section F), from the worst to the best for a patient summary. */
public enum Verdict {
    DISCORDANT, NOT_EVALUABLE, CONCORDANT;

    /** The worse of two verdicts: a patient is discordant on a criterion if any act is. */
    public Verdict worse(Verdict other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}

package org.primum.audit.model;

/**
 * One criterion across the cohort, counted in patients: an audited patient counts once per criterion
 * that applied to any of her acts, under her worst verdict (discordant, then not evaluable, then
 * concordant). Rate = concordant / (concordant + discordant), the catalogue's numerator and denominator.
 */
public record CriterionSummary(String code, String title, long concordant, long discordant, long notEvaluable) {

    public long denominator() {
        return concordant + discordant;
    }

    /** Null when no patient could be judged either way. */
    public Double rate() {
        return denominator() == 0 ? null : (double) concordant / denominator();
    }
}

package org.primum.facts;

import java.util.List;

/**
 * The subtype from the latest ER, PR and HER2 results on or before the evaluation date.
 * {@code hormoneReceptorPositive} is true if ER or PR is positive, false if both are negative,
 * null if that cannot be told; a combined hormone-receptor status (HR+ without saying whether ER or PR,
 * ICD-10-CM Z17.41x) decides it when ER and PR do not, or when it is the later result.
 */
public record TumourSubtype(Subtype subtype, ReceptorValue er, ReceptorValue pr, ReceptorValue her2,
                            Boolean hormoneReceptorPositive, List<String> sourceIds) implements Fact {
    public boolean complete() {
        return er != ReceptorValue.UNKNOWN && er != ReceptorValue.EQUIVOCAL
                && pr != ReceptorValue.UNKNOWN && pr != ReceptorValue.EQUIVOCAL
                && her2 != ReceptorValue.UNKNOWN && her2 != ReceptorValue.EQUIVOCAL;
    }

    public boolean isHrPositive() { return Boolean.TRUE.equals(hormoneReceptorPositive); }

    public String describe() {
        String label = switch (subtype) {
            case HR_POSITIVE_HER2_NEGATIVE -> "HR+/HER2−";
            case HER2_POSITIVE -> "HER2+";
            case TRIPLE_NEGATIVE -> "triple-negative";
            case UNKNOWN -> "subtype unknown";
        };
        return label + " (ER " + er.name().toLowerCase() + ", PR " + pr.name().toLowerCase()
                + ", HER2 " + her2.name().toLowerCase() + ")";
    }
}

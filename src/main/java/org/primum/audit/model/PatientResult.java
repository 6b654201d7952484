package org.primum.audit.model;

import java.util.List;

/**
 * One input patient in the audit's output: audited (criteria judged, {@code outOfScope} null) or out of
 * scope with the reason ({@code scope}: NO_BREAST_PRIMARY, NO_DISTANT_METASTASIS, RECURRENT,
 * RESECTED_BEFORE_METASTASIS, NO_ACT, UNREADABLE). {@code breastSurgeries} and {@code breastConserving}
 * count the breast operations of the primary, for the breast-conservation rate.
 */
public record PatientResult(String patient, List<CriterionResult> criteria, String scope, String outOfScope,
                            int breastSurgeries, int breastConserving) {

    public PatientResult {
        criteria = List.copyOf(criteria);
    }

    public static PatientResult outOfScope(String patient, String scope, String reason) {
        return new PatientResult(patient, List.of(), scope, reason, 0, 0);
    }

    public boolean audited() {
        return outOfScope == null;
    }
}

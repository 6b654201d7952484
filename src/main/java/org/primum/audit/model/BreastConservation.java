package org.primum.audit.model;

/**
 * Breast-conserving surgeries / breast surgeries of the primary, across the audited patients (catalogue
 * F: reported as a rate, not a verdict per patient); {@code patients}: audited patients with any breast surgery.
 */
public record BreastConservation(long breastConservingSurgeries, long breastSurgeries, long patients) {

    public Double rate() {
        return breastSurgeries == 0 ? null : (double) breastConservingSurgeries / breastSurgeries;
    }
}

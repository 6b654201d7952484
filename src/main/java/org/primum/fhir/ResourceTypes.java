package org.primum.fhir;

import ca.uhn.fhir.context.FhirContext;

import java.util.Set;

/**
 * Resource types as FHIR R4 and the mapping know them, for callers that sort resources before reading
 * them (the audit partitions a bulk export by patient without parsing every resource with HAPI).
 */
public final class ResourceTypes {
    private ResourceTypes() {
    }

    private static final Set<String> R4 = Set.copyOf(FhirContext.forR4Cached().getResourceTypes());

    /**
     * The types {@link FhirMapper} reads (see {@code fhir.mapping}): every other type is left out of a
     * patient's record by the mapping anyway, so a caller may drop it unread.
     */
    private static final Set<String> MAPPED = Set.of("Patient", "Condition", "Observation", "Procedure",
            "ServiceRequest", "MedicationRequest", "MedicationStatement", "MedicationAdministration", "MedicationDispense", "Medication",
            "CarePlan", "Encounter", "Communication");

    public static boolean isR4(String type) {
        return type != null && R4.contains(type);
    }

    public static boolean isMapped(String type) {
        return type != null && MAPPED.contains(type);
    }
}

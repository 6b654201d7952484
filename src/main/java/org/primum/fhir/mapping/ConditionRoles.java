package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.primum.fhir.terminology.SiteMapping;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What pass 1 ({@link ConditionClassifier}) learnt about each Condition: a breast primary, a distant
 * metastasis, regional nodal disease, the secondary of another cancer, or anything else. Later passes
 * ask it which Condition a focus or a reason points to (disease status, radiotherapy, lesion counts).
 */
final class ConditionRoles {
    /** REGIONAL: regional-type nodes (distant if on the primary's other side); AMBIGUOUS_NODE: regional or distant not said. */
    enum Role { PRIMARY, METASTASIS, REGIONAL, AMBIGUOUS_NODE, OTHER_CANCER_SECONDARY, OTHER }

    /** How a Condition was read: its role, the coding that decided (may be null), and for a metastasis its site. */
    record Classified(Role role, Coding coding, SiteMapping site) {
    }

    private final Map<Condition, Classified> classified = new IdentityHashMap<>();
    private final Set<Resource> primaries = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Resource> metastases = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Resource> nodes = Collections.newSetFromMap(new IdentityHashMap<>());

    void record(Condition c, Classified k) {
        classified.put(c, k);
        if (k.role() == Role.PRIMARY) primaries.add(c);
        if (k.role() == Role.METASTASIS) metastases.add(c);
        if (k.role() == Role.REGIONAL || k.role() == Role.AMBIGUOUS_NODE) nodes.add(c);
    }

    /** How the Condition was classified, or null (ignored, of another patient, or unreadable). */
    Classified of(Condition c) {
        return classified.get(c);
    }

    boolean isPrimary(Resource r) {
        return r != null && primaries.contains(r);
    }

    boolean isMetastasis(Resource r) {
        return r != null && metastases.contains(r);
    }

    /**
     * A Condition read as something other than this breast cancer, its nodes or its metastases (another cancer's
     * secondary, or any other condition): a status focused only on such records speaks of another disease.
     */
    boolean isOtherDisease(Resource r) {
        Classified k = r instanceof Condition c ? classified.get(c) : null;
        return k != null && (k.role() == Role.OTHER || k.role() == Role.OTHER_CANCER_SECONDARY);
    }

    /** Nodal disease that is not (by itself) distant: a status focused on it speaks of locoregional disease. */
    boolean isNodal(Resource r) {
        return r != null && nodes.contains(r);
    }
}

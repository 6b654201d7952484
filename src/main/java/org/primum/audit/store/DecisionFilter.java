package org.primum.audit.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which logged decisions: any of {@code ids} (none: all), of one patient (by hash; null: all), recorded in
 * {@code [from, to)} (null: open), at most {@code limit}, oldest first.
 */
public record DecisionFilter(List<Long> ids, String patientHash, OffsetDateTime from, OffsetDateTime to, int limit) {
    public DecisionFilter {
        ids = ids == null ? List.of() : List.copyOf(ids);
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
    }
}

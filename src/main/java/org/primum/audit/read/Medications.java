package org.primum.audit.read;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Medication resources of the input: they belong to no patient, so they are kept apart (raw JSON, by id)
 * and given to every patient whose MedicationRequest, -Statement or -Administration points at one. A
 * formulary is small beside the cohort; it is held in memory.
 */
public final class Medications {

    public record Entry(int file, long line, byte[] json) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    void put(String id, int file, long line, byte[] json) {
        byId.put(id, new Entry(file, line, json));
    }

    public Entry get(String id) {
        return id == null ? null : byId.get(id);
    }

    public int size() {
        return byId.size();
    }
}

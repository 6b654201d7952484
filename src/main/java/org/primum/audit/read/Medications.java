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

    /** Keeps the copy read last in input order (file, then line), in whatever order the lines are routed. */
    void put(String id, int file, long line, byte[] json) {
        byId.merge(id, new Entry(file, line, json), (kept, other) -> later(kept, other));
    }

    private static Entry later(Entry a, Entry b) {
        int byFile = Integer.compare(a.file(), b.file());
        return byFile > 0 || (byFile == 0 && a.line() > b.line()) ? a : b;
    }

    public Entry get(String id) {
        return id == null ? null : byId.get(id);
    }

    public int size() {
        return byId.size();
    }
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.Coding;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.MappingNote;
import org.primum.facts.UnrecognisedCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one mapping tells the reader besides facts: notes (what it assumed or could not read) and the
 * codes it did not recognise. Both keep the order they were first met, so an answer is the same byte for
 * byte; a note said twice is said once, with the source ids of both; unrecognised codes are listed once
 * each, up to the cap of the mapping settings.
 */
final class Report {
    private final int unrecognisedMax;
    private final Map<String, UnrecognisedCode> unrecognised = new LinkedHashMap<>();
    private int unrecognisedDropped;
    private final Map<String, MappingNote> notes = new LinkedHashMap<>();

    Report(int unrecognisedMax) {
        this.unrecognisedMax = unrecognisedMax;
    }

    /** A note about the records {@code sourceIds} (null ids, e.g. of contained resources, are left out). */
    void note(String topic, String text, String... sourceIds) {
        List<String> ids = new ArrayList<>();
        for (String id : sourceIds) if (id != null && !ids.contains(id)) ids.add(id);
        MappingNote existing = notes.get(text);
        if (existing == null) {
            notes.put(text, new MappingNote(topic, text, List.copyOf(ids)));
        } else if (!ids.isEmpty()) {
            List<String> merged = new ArrayList<>(existing.sourceIds());
            for (String id : ids) if (!merged.contains(id)) merged.add(id);
            notes.put(text, new MappingNote(topic, text, List.copyOf(merged)));
        }
    }

    /** A coding of {@code element} (e.g. "Condition.code") that no file of fhir-profiles/ recognised. */
    void unrecognised(String sourceId, String element, Coding k) {
        add(k.getSystem() + "|" + k.getCode(), new UnrecognisedCode(sourceId, element, k.getSystem(), k.getCode(), k.getDisplay()));
    }

    /** Text without coding that looked like something worth recognising (a neoplasm, a drug...). */
    void unrecognisedText(String sourceId, String element, String text) {
        if (text == null || text.isBlank()) return;
        add("text|" + text, new UnrecognisedCode(sourceId, element, null, null, text));
    }

    private void add(String key, UnrecognisedCode code) {
        if (unrecognised.containsKey(key)) return;
        if (unrecognised.size() >= unrecognisedMax) {
            unrecognisedDropped++;
            return;
        }
        unrecognised.put(key, code);
    }

    /** Writes the unrecognised codes and the notes (last: a note on codes left out of the list) into {@code out}. */
    void writeTo(ClinicalRecord.Builder out) {
        out.unrecognised.addAll(unrecognised.values());
        if (unrecognisedDropped > 0) {
            note("unrecognised codes", unrecognisedDropped + " further unrecognised codes are not listed (limit " + unrecognisedMax + ").");
        }
        out.notes.addAll(notes.values());
    }
}

package org.primum.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.primum.facts.ClinicalRecord;

/**
 * A mapped record ({@link ClinicalRecord}: what the rules are run on, before the definitions of the day)
 * as the decision log keeps it, and back for a replay. The patient's reference, wherever it appears (the
 * Patient fact, notes, unrecognised codes), is replaced by {@code Patient/#<first 16 hex digits of its hash>}.
 * Reading ignores fields a later version of the facts no longer has.
 */
public final class FactsJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FactsJson() {
    }

    /** {@code record} as JSON, every {@code patientReference} in it replaced by the pseudonym of {@code patientHash}. */
    public static String write(ClinicalRecord record, String patientReference, String patientHash) {
        String json;
        try {
            json = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts cannot be written as JSON", e);
        }
        if (patientReference == null) return json;
        return replaceWholeReference(json, patientReference, pseudonym(patientHash));
    }

    /**
     * Every {@code reference} in {@code text} that is a whole token (Patient/1 must not turn Patient/12 into a
     * pseudonym: not followed by a character of a FHIR id) replaced by {@code replacement}. A plain scan: this runs for
     * every logged evaluation, and compiling a pattern for each one cost more than the scan.
     */
    static String replaceWholeReference(String text, String reference, String replacement) {
        if (reference.isEmpty()) return text;
        int at = text.indexOf(reference);
        if (at < 0) return text;
        StringBuilder out = new StringBuilder(text.length() + 32);
        int copied = 0;
        while (at >= 0) {
            int end = at + reference.length();
            if (end < text.length() && idChar(text.charAt(end))) {
                at = text.indexOf(reference, at + 1);
                continue;
            }
            out.append(text, copied, at).append(replacement);
            copied = end;
            at = text.indexOf(reference, end);
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** A character a FHIR id may hold ({@code [A-Za-z0-9\\-.]}). */
    private static boolean idChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    public static String pseudonym(String patientHash) {
        return "Patient/#" + patientHash.substring(0, 16);
    }

    public static ClinicalRecord read(String json) {
        try {
            return JSON.readValue(json, ClinicalRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the logged facts cannot be read as the current facts: " + e.getOriginalMessage(), e);
        }
    }
}

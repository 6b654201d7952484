package org.primum.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.primum.facts.ClinicalRecord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        // the reference as a whole token: Patient/1 must not turn Patient/12 into a pseudonym
        return Pattern.compile(Pattern.quote(patientReference) + "(?![A-Za-z0-9\\-.])").matcher(json)
                .replaceAll(Matcher.quoteReplacement(pseudonym(patientHash)));
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

package org.primum.audit.http;

import org.primum.audit.log.PatientHash;
import org.primum.audit.store.DecisionFilter;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The filter of {@code GET /audit/decisions} and {@code POST /audit/replay}: ids, patient (its id, hashed
 * here: the log holds only hashes), {@code from}/{@code to} as an RFC 3339 date-time or a date (a date is
 * the start of that day, UTC; {@code to} is exclusive), limit (default 100, at most {@link #MAX_LIMIT}).
 */
public record DecisionQuery(List<Long> ids, String patient, String from, String to, Integer limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    DecisionFilter filter(PatientHash hash) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidInputException(Problem.MALFORMED, "value", "limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        String p = patient == null || patient.isBlank() ? null : hash.of(patient.trim());
        return new DecisionFilter(ids, p, time(from, "from"), time(to, "to"), n);
    }

    private static OffsetDateTime time(String value, String name) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Problem.MALFORMED, "value", name + " must be a date (YYYY-MM-DD) or an RFC 3339 date-time", name);
        }
    }
}

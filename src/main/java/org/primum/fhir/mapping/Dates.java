package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Type;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Value helpers for dates: the calendar date as written (no time-zone shift), a year or year-month taken
 * as its first day (said once in a note). A date that is not a calendar date is no date (null).
 */
final class Dates {
    private final Report report;

    Dates(Report report) {
        this.report = report;
    }

    /**
     * The standard extension for the date a condition was first asserted (the German MII records the date of
     * diagnosis there): a clinical date, unlike recordedDate, the date of the entry.
     */
    static final String ASSERTED_DATE = "http://hl7.org/fhir/StructureDefinition/condition-assertedDate";

    /** Onset (dateTime or period start), else the asserted date, else the recorded date; or null. */
    LocalDate onset(Condition c) {
        LocalDate d = clinicalOnset(c);
        if (d == null && c.hasRecordedDateElement()) d = date(c.getRecordedDateElement());
        return d;
    }

    /** Whether the Condition dates its onset or diagnosis itself, not only when it was recorded. */
    boolean hasOnset(Condition c) {
        return clinicalOnset(c) != null;
    }

    private LocalDate clinicalOnset(Condition c) {
        Type onset = c.getOnset();
        LocalDate d = null;
        if (onset instanceof DateTimeType dt) d = date(dt);
        else if (onset instanceof Period p && p.hasStart()) d = date(p.getStartElement());
        Extension asserted = d == null ? c.getExtensionByUrl(ASSERTED_DATE) : null;
        if (asserted != null && asserted.getValue() instanceof DateTimeType a) d = date(a);
        return d;
    }

    /** Effective (dateTime, period start or instant), else issued; or null. */
    LocalDate effective(Observation o) {
        LocalDate d = effective(o.getEffective());
        if (d == null && o.hasIssued()) d = date(o.getIssuedElement());
        return d;
    }

    /** An effective[x] / performed[x]: dateTime, period start or instant; or null. */
    LocalDate effective(Type t) {
        if (t instanceof DateTimeType dt) return date(dt);
        if (t instanceof Period p && p.hasStart()) return date(p.getStartElement());
        if (t instanceof InstantType i) return date(i);
        return null;
    }

    LocalDate date(PrimitiveType<?> dt) {
        if (dt == null) return null;
        String s = dt.getValueAsString();
        if (s == null || s.length() < 4) return null;
        try {
            if (s.length() >= 10) return isoDate(s);
            report.note("dates", "A partial date (year or month only) was taken as the first day of that period.");
            if (s.length() >= 7) return LocalDate.parse(s.substring(0, 7) + "-01");
            return LocalDate.parse(s.substring(0, 4) + "-01-01");
        } catch (DateTimeException e) {
            return null; // not a calendar date (2025-02-30): undated, as if not recorded
        }
    }

    /**
     * The first ten characters as a date: {@code YYYY-MM-DD} read directly (LocalDate.of validates the
     * day as {@code LocalDate.parse} does), anything else through {@code LocalDate.parse}.
     */
    private static LocalDate isoDate(String s) {
        if (s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10)) {
            return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
        }
        return LocalDate.parse(s.substring(0, 10));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.primum.facts.PatientInfo;

import java.time.LocalDate;
import java.time.Period;

/**
 * Patient → age in whole years at the evaluation date, administrative sex and whether (and when) the patient
 * died; nothing that identifies the person.
 */
final class PatientReader {
    private final MappingContext ctx;

    PatientReader(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** deceasedBoolean true, or any deceasedDateTime (a date of death says the patient died). */
    private static boolean deceased(Patient p) {
        if (p.getDeceased() instanceof BooleanType b) return Boolean.TRUE.equals(b.getValue());
        return p.getDeceased() instanceof DateTimeType d && d.getValue() != null;
    }

    private LocalDate deceasedOn(Patient p) {
        return p.getDeceased() instanceof DateTimeType d && d.getValue() != null ? ctx.dates.date(d) : null;
    }

    PatientInfo read(Patient p) {
        Integer age = null;
        if (p.hasBirthDateElement() && p.getBirthDateElement().getValueAsString() != null) {
            LocalDate birth = ctx.dates.date(p.getBirthDateElement());
            if (birth != null && !birth.isAfter(ctx.asOf)) age = Period.between(birth, ctx.asOf).getYears();
        }
        // a gender with only an extension (data-absent-reason) has no value: unknown, like "null"
        Enumerations.AdministrativeGender gender = p.getGender();
        String sex = gender != null && gender != Enumerations.AdministrativeGender.NULL ? gender.toCode() : null;
        return new PatientInfo(ctx.id(p), age, sex, deceased(p), deceasedOn(p));
    }
}

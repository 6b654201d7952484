package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Age at the evaluation date and administrative sex; nothing that identifies the person. {@code deceased}:
 * Patient.deceased[x] says the patient died ({@code deceasedOn} the date, when recorded).
 */
public record PatientInfo(String sourceId, Integer ageYears, String sex, boolean deceased, LocalDate deceasedOn) implements Fact {
    public PatientInfo(String sourceId, Integer ageYears, String sex) {
        this(sourceId, ageYears, sex, false, null);
    }

    /** Died on or before {@code asOf}: a death without a date counts at every evaluation date. */
    public boolean deceasedBy(LocalDate asOf) {
        return deceased && (deceasedOn == null || !deceasedOn.isAfter(asOf));
    }

    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "patient" + (ageYears == null ? "" : ", " + ageYears + " years") + (sex == null ? "" : ", " + sex)
                + (deceased ? ", deceased" + (deceasedOn == null ? " (date not recorded)" : " " + deceasedOn) : "");
    }
}

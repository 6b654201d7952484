package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A symptom of the breast or chest-wall tumour: ulceration, bleeding, fungation, infection, pain, located at
 * the breast, chest wall or axilla. {@code laterality}: the side its body site names, or null; a symptom on
 * the side opposite a one-sided primary is not a symptom of the primary (ClinicalInterpreter).
 */
public record PrimarySymptom(String sourceId, String symptom, LocalDate date, Laterality laterality) implements Fact {
    public PrimarySymptom(String sourceId, String symptom, LocalDate date) {
        this(sourceId, symptom, date, null);
    }

    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "primary tumour symptom: " + symptom + (date == null ? "" : " (" + date + ")");
    }
}

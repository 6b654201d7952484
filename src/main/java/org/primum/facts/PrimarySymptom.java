package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/** A symptom of the breast or chest-wall tumour: ulceration, bleeding, fungation, infection, pain. */
public record PrimarySymptom(String sourceId, String symptom, LocalDate date) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "primary tumour symptom: " + symptom + (date == null ? "" : " (" + date + ")");
    }
}

package org.primum.facts;

import java.util.List;

/** Age at the evaluation date and administrative sex; nothing that identifies the person. */
public record PatientInfo(String sourceId, Integer ageYears, String sex) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "patient" + (ageYears == null ? "" : ", " + ageYears + " years") + (sex == null ? "" : ", " + sex);
    }
}

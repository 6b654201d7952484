package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/** One systemic-therapy record (request, statement, administration or chemotherapy procedure). */
public record SystemicTherapy(String sourceId, DrugClass drugClass, String drug, LocalDate start) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return drug + " (" + drugClass.name().toLowerCase().replace('_', ' ') + ")"
                + (start == null ? ", start not recorded" : ", from " + start);
    }
}

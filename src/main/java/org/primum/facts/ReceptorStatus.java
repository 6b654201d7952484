package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/** One receptor result (ER, PR or HER2). */
public record ReceptorStatus(String sourceId, Receptor receptor, ReceptorValue value, LocalDate date) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return receptor + " " + value.name().toLowerCase() + (date == null ? "" : " (" + date + ")");
    }
}

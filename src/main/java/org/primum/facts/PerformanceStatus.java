package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

public record PerformanceStatus(String sourceId, PerformanceScale scale, int score, LocalDate date) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return scale + " " + score + (date == null ? "" : " (" + date + ")");
    }
}

package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

public record MarginStatus(String sourceId, boolean involved, LocalDate date) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "surgical margins " + (involved ? "involved" : "clear") + (date == null ? "" : " (" + date + ")");
    }
}

package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/** One receptor result (ER, PR or HER2); {@code method}: IHC or ISH when the test code says (HER2), else null. */
public record ReceptorStatus(String sourceId, Receptor receptor, ReceptorValue value, LocalDate date, AssayMethod method) implements Fact {
    public ReceptorStatus(String sourceId, Receptor receptor, ReceptorValue value, LocalDate date) {
        this(sourceId, receptor, value, date, null);
    }

    /** Positive or negative: a result that decides (an equivocal or unreadable one does not). */
    public boolean definitive() { return value == ReceptorValue.POSITIVE || value == ReceptorValue.NEGATIVE; }

    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return receptor + (method == null ? "" : " (" + method + ")") + " " + value.name().toLowerCase() + (date == null ? "" : " (" + date + ")");
    }
}

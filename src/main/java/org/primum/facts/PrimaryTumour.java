package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/** A primary breast cancer Condition. {@code diagnosed} may be inferred from related records. */
public record PrimaryTumour(String sourceId, String code, String display, LocalDate diagnosed, DateBasis dateBasis,
                            Laterality laterality) implements Fact {
    public List<String> sourceIds() { return List.of(sourceId); }
    public String describe() {
        return "primary breast cancer" + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")")
                + (diagnosed == null ? ", undated"
                : dateBasis == DateBasis.RECORDED_ONLY ? ", recorded " + diagnosed + " (no diagnosis date)"
                : ", diagnosed " + diagnosed + (dateBasis == DateBasis.INFERRED ? " (date inferred from related records)" : ""));
    }
}

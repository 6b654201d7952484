package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * How the disease presented: the applicability decision and the dates behind it.
 * {@code primaryIntact} is false once any breast surgery of the primary is done on or before the
 * evaluation date; {@code assumedDeNovo} is true when an undated metastasis without staging was taken
 * as de novo (the answer says so).
 */
public record Presentation(Scope scope, String reason, LocalDate primaryDiagnosed, LocalDate metastasisFound,
                           Long daysPrimaryToMetastasis, boolean primaryIntact, LocalDate primaryResectedOn,
                           boolean assumedDeNovo, List<String> sourceIds) implements Fact {
    public boolean deNovo() { return scope == Scope.DE_NOVO; }

    /** The population of sections B and C: de novo metastatic with the primary still in place. */
    public boolean deNovoIntact() { return scope == Scope.DE_NOVO && primaryIntact; }

    public String describe() { return reason; }
}

package org.primum.facts;

import java.util.List;

/**
 * Every fact the rules see: small, immutable, clinical, and traceable to the FHIR resources it came
 * from ("Condition/abc"), so a recommendation can say why it fired.
 */
public interface Fact {
    /** Ids ({@code Type/id}) of the FHIR resources this fact was read or derived from. */
    List<String> sourceIds();

    /** One short clinical sentence, free of patient identifiers. */
    String describe();
}

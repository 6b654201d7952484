package org.primum.fhir;

import java.nio.file.Path;

/**
 * Code recognition loaded from the ValueSets and ConceptMaps of {@code fhir-profiles/}.
 * (Being written: see FhirMapper.)
 */
public final class Terminology {
    public static Terminology load(Path profilesDir) {
        return new Terminology();
    }
}

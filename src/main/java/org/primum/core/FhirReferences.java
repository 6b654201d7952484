package org.primum.core;

import org.primum.fhir.mapping.ResourceIndex;

/** How the core reads a FHIR reference, for entry points that must follow references before handing JSON over. */
public final class FhirReferences {
    private FhirReferences() {
    }

    /** "Type/id" from "Type/id", "http://x/fhir/Type/id" or ".../Type/id/_history/2"; null otherwise. */
    public static String typeId(String reference) {
        return ResourceIndex.typeIdTail(reference);
    }
}

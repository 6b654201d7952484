package org.primum.scenarios;

import ca.uhn.fhir.context.FhirContext;

import java.util.List;

/** Every scenario as the FHIR R4 JSON an EHR would send, for tests outside this package. */
public final class ScenarioBundles {
    private ScenarioBundles() {
    }

    public record Named(String name, String json, String asOf) {
    }

    public static List<Named> all() {
        var parser = FhirContext.forR4Cached().newJsonParser();
        return ScenarioCase.files().stream().map(f -> {
            ScenarioCase c = ScenarioCase.read(f);
            // the file name alone: moving a scenario between folders keeps its golden answer
            return new Named(ScenarioCase.name(f), parser.encodeResourceToString(FhirCaseBuilder.build(c)), c.asOf());
        }).toList();
    }
}

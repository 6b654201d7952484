package org.primum.audit.read;

import org.primum.core.FhirInput;

/** One resource of the input, read as JSON by the core's reader, with where it came from (the file as named, the line). */
public record LocatedResource(FhirInput input, String file, long line) {

    /** "Condition.ndjson:12": prefixes the locations of its FHIR errors. */
    public static String location(String file, long line) {
        return file + ":" + line;
    }

    public String location() {
        return location(file, line);
    }

    public String resourceType() {
        return input.json().path("resourceType").asText();
    }
}

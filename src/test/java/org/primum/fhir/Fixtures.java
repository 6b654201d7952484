package org.primum.fhir;

import org.primum.fhir.terminology.Terminology;
import org.primum.facts.ClinicalRecord;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** Loads the public fixtures and the terminology once for the mapping tests. */
final class Fixtures {
    static final Path DIR = Path.of("src/test/resources/fixtures/public");
    static final Terminology TERMINOLOGY = Terminology.load(Path.of("fhir-profiles"));
    static final FhirMapper MAPPER = new FhirMapper(TERMINOLOGY);

    private Fixtures() {
    }

    static IParser parser() {
        return FhirContext.forR4Cached().newJsonParser();
    }

    static Bundle bundle(String file) {
        try {
            return parser().parseResource(Bundle.class, Files.readString(DIR.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A collection Bundle of these entries (each {@code {"fullUrl": …, "resource": …}} as JSON), mapped as of {@code asOf}. */
    static ClinicalRecord mapEntries(LocalDate asOf, List<String> entries) {
        String json = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [" + String.join(",\n", entries) + "]}";
        return MAPPER.map(parser().parseResource(Bundle.class, json), asOf);
    }

    static List<String> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

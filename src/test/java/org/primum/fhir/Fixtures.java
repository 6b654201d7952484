package org.primum.fhir;

import org.primum.fhir.terminology.Terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static List<String> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.primum.fhir.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every {@code *.json} of {@code fhir-profiles/} with HAPI's strict parser and checks what every
 * file must have whatever it feeds: a known resource type, a Primum canonical URL (unique), a name, a
 * status and a description; at most one Parameters (the mapping settings). Anything wrong throws
 * {@link IllegalStateException} naming the file: start-up must fail rather than recognise codes wrongly.
 * The codes inside are checked when they are indexed ({@link IndexBuilder}).
 */
public final class ProfileLoader {
    private ProfileLoader() {
    }

    public static ProfileSet load(Path profilesDir) {
        if (!Files.isDirectory(profilesDir)) {
            throw new IllegalStateException("fhir-profiles: folder not found: " + profilesDir.toAbsolutePath());
        }
        IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Map<String, ValueSet> valueSets = new HashMap<>();
        Map<String, ConceptMap> conceptMaps = new HashMap<>();
        Map<String, CodeSystem> codeSystems = new HashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        Parameters settings = null;
        List<Path> files = jsonFiles(profilesDir);
        for (Path file : files) {
            String name = file.getFileName().toString();
            IBaseResource resource = parse(parser, file, name);
            if (resource instanceof Parameters p) {
                if (settings != null) throw fail(name, "a second Parameters resource (only mapping-settings is expected)");
                settings = p;
                continue;
            }
            // a Measure (the audit's, Measure-*.json) is no terminology: parsed strictly here, used by the audit
            if (resource instanceof org.hl7.fhir.r4.model.Measure m) {
                checkMetadata(name, m.getUrl(), m.getName(), m.getStatus(), m.getDescription());
                continue;
            }
            String url;
            if (resource instanceof ValueSet v) {
                checkMetadata(name, v.getUrl(), v.getName(), v.getStatus(), v.getDescription());
                url = v.getUrl();
                valueSets.put(url, v);
            } else if (resource instanceof ConceptMap c) {
                checkMetadata(name, c.getUrl(), c.getName(), c.getStatus(), c.getDescription());
                url = c.getUrl();
                conceptMaps.put(url, c);
            } else if (resource instanceof CodeSystem c) {
                checkMetadata(name, c.getUrl(), c.getName(), c.getStatus(), c.getDescription());
                url = c.getUrl();
                codeSystems.put(url, c);
            } else {
                throw fail(name, "unexpected resource type " + resource.fhirType() + " (ValueSet, ConceptMap, CodeSystem, Parameters or Measure)");
            }
            String previous = fileOf.put(url, name);
            if (previous != null) throw fail(name, "duplicate url " + url + " (also in " + previous + ")");
        }
        return new ProfileSet(valueSets, conceptMaps, codeSystems, fileOf, settings, files.size());
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("fhir-profiles: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static IBaseResource parse(IParser parser, Path file, String name) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parser.parseResource(r);
        } catch (Exception e) {
            throw new IllegalStateException("fhir-profiles: " + name + " is not a valid FHIR R4 resource: " + e.getMessage(), e);
        }
    }

    private static void checkMetadata(String file, String url, String name, Enumerations.PublicationStatus status, String description) {
        if (url == null || !url.startsWith(CodeSystems.BASE + "/")) throw fail(file, "url must start with " + CodeSystems.BASE + "/ (was " + url + ")");
        if (name == null || name.isBlank()) throw fail(file, "name is required");
        if (status == null) throw fail(file, "status is required");
        if (description == null || description.isBlank()) throw fail(file, "description is required");
    }

    /** The start-up failure for a file: "fhir-profiles: FILE: what is wrong". */
    static IllegalStateException fail(String file, String message) {
        return new IllegalStateException("fhir-profiles: " + file + ": " + message);
    }
}

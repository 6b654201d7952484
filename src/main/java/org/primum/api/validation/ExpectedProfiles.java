package org.primum.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code fhir-profiles/structure/expected-profiles.json}: which profile a resource is expected to conform
 * to, recognised by its type and a code of its {@code code} element. The codes come from the same
 * ValueSets and ConceptMaps the mapping recognises codes with, so a resource the service reads as a primary
 * breast cancer is the one checked against mCODE's primary cancer condition.
 */
final class ExpectedProfiles {

    private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

    record Expected(String resourceType, String profile, Set<String> codes, Set<String> icd10Prefixes) {
        boolean matches(String type, String system, String code) {
            if (!resourceType.equals(type) || system == null || code == null) return false;
            if (codes.contains(system + "|" + code)) return true;
            if (!ICD10.equals(system)) return false;
            for (String prefix : icd10Prefixes) if (code.startsWith(prefix)) return true;
            return false;
        }
    }

    private final List<Expected> expected;

    private ExpectedProfiles(List<Expected> expected) {
        this.expected = List.copyOf(expected);
    }

    /** The profiles expected of a resource of {@code type} with these codings ({@code system|code}). */
    List<String> select(String type, List<String[]> codings) {
        List<String> profiles = new ArrayList<>();
        for (Expected e : expected) {
            for (String[] c : codings) {
                if (e.matches(type, c[0], c[1])) {
                    profiles.add(e.profile());
                    break;
                }
            }
        }
        return profiles;
    }

    List<Expected> all() {
        return expected;
    }

    /** Reads the index in {@code structureDir}; {@code codesFrom} names a file of {@code profilesDir}. */
    static ExpectedProfiles load(Path structureDir, Path profilesDir) {
        ObjectMapper json = new ObjectMapper();
        try {
            List<Expected> list = new ArrayList<>();
            for (JsonNode e : json.readTree(structureDir.resolve("expected-profiles.json").toFile()).path("expected")) {
                Set<String> codes = new HashSet<>();
                Set<String> prefixes = new HashSet<>();
                for (JsonNode c : e.path("codes")) codes.add(c.path("system").asText() + "|" + c.path("code").asText());
                if (e.hasNonNull("codesFrom")) read(json.readTree(profilesDir.resolve(e.get("codesFrom").asText()).toFile()), codes, prefixes);
                if (codes.isEmpty() && prefixes.isEmpty()) {
                    throw new IllegalStateException("expected-profiles.json: no codes for " + e.path("profile").asText());
                }
                list.add(new Expected(e.path("resourceType").asText(), e.path("profile").asText(), Set.copyOf(codes), Set.copyOf(prefixes)));
            }
            return new ExpectedProfiles(list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + structureDir.resolve("expected-profiles.json"), e);
        }
    }

    /** The explicit codes of a ValueSet or the source codes of a ConceptMap; ICD-10-CM codes and is-a filters as prefixes. */
    private static void read(JsonNode resource, Set<String> codes, Set<String> prefixes) {
        for (JsonNode include : resource.path("compose").path("include")) {
            String system = include.path("system").asText();
            for (JsonNode c : include.path("concept")) add(system, c.path("code").asText(), codes, prefixes);
            for (JsonNode f : include.path("filter")) if ("is-a".equals(f.path("op").asText()) && ICD10.equals(system)) prefixes.add(f.path("value").asText());
        }
        for (JsonNode group : resource.path("group")) {
            String system = group.path("source").asText();
            for (JsonNode el : group.path("element")) add(system, el.path("code").asText(), codes, prefixes);
        }
    }

    private static void add(String system, String code, Set<String> codes, Set<String> prefixes) {
        codes.add(system + "|" + code);
        if (ICD10.equals(system)) prefixes.add(code); // the nearest listed ancestor decides: C79.51 is under C79.5
    }
}

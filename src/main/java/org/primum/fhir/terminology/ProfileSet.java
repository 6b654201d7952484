package org.primum.fhir.terminology;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.Map;

/**
 * The resources of {@code fhir-profiles/} as {@link ProfileLoader} read and checked them, by canonical
 * URL, with the file each came from (for error messages). Asking for a ValueSet or ConceptMap that is
 * not there fails start-up: every file the code reads is required.
 */
public final class ProfileSet {
    private final Map<String, ValueSet> valueSets;
    private final Map<String, ConceptMap> conceptMaps;
    private final Map<String, CodeSystem> codeSystems;
    private final Map<String, String> fileOf;
    private final Parameters settings;
    private final int fileCount;

    ProfileSet(Map<String, ValueSet> valueSets, Map<String, ConceptMap> conceptMaps, Map<String, CodeSystem> codeSystems,
               Map<String, String> fileOf, Parameters settings, int fileCount) {
        this.valueSets = Map.copyOf(valueSets);
        this.conceptMaps = Map.copyOf(conceptMaps);
        this.codeSystems = Map.copyOf(codeSystems);
        this.fileOf = Map.copyOf(fileOf);
        this.settings = settings;
        this.fileCount = fileCount;
    }

    /** The ValueSet of this canonical URL; a missing one is a broken installation. */
    ValueSet valueSet(String url) {
        ValueSet v = valueSets.get(url);
        if (v == null) throw missing(url);
        return v;
    }

    /** The ConceptMap of this canonical URL; a missing one is a broken installation. */
    ConceptMap conceptMap(String url) {
        ConceptMap c = conceptMaps.get(url);
        if (c == null) throw missing(url);
        return c;
    }

    /** The CodeSystem of this canonical URL, or null (target systems of other publishers are not here). */
    CodeSystem codeSystem(String url) {
        return url == null ? null : codeSystems.get(url);
    }

    /** The file name a resource was read from. */
    String fileOf(String url) {
        return fileOf.get(url);
    }

    /** The mapping-settings Parameters, or null when the folder has none. */
    Parameters settings() {
        return settings;
    }

    /** How many {@code *.json} files the folder holds (all of them were read). */
    public int fileCount() {
        return fileCount;
    }

    private static IllegalStateException missing(String url) {
        return new IllegalStateException("fhir-profiles: required resource missing: " + url);
    }
}

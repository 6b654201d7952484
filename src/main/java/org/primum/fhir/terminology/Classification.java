package org.primum.fhir.terminology;

import org.hl7.fhir.r4.model.ConceptMap;

/**
 * A ConceptMap read as classification: each source code has exactly one target, which {@code reader}
 * turns into the value the mapping uses (an enum constant, a site, a code). A target the reader does
 * not understand fails start-up.
 */
public final class Classification<T> extends Feed<T> {
    /** Reads the single target of a source element; {@code sourceDisplay} is the element's display. */
    @FunctionalInterface
    public interface TargetReader<T> {
        T read(ConceptMap.TargetElementComponent target, String sourceDisplay);
    }

    private final TargetReader<T> reader;

    Classification(String id, TargetReader<T> reader) {
        super(id, "ConceptMap");
        this.reader = reader;
    }

    T read(ConceptMap.TargetElementComponent target, String sourceDisplay) {
        return reader.read(target, sourceDisplay);
    }
}

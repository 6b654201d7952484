package org.primum.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rules/citations.json}: the sources (full references) and the citations the rules name
 * (source, section, figure quoted, and for ratios the figure as numbers: {@link Effect}). Data, not code:
 * correcting a figure needs no Java change.
 */
public record CitationRegistry(Map<String, Source> sources, Map<String, Entry> citations) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String reference, String doi, String pmid, String url, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String source, String section, String figure, String note, Effect effect) {
    }

    public static CitationRegistry load(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), CitationRegistry.class);
    }

    public Optional<Citation> resolve(String id, String side) {
        Entry e = citations.get(id);
        if (e == null) return Optional.empty();
        Source s = sources.get(e.source());
        if (s == null) return Optional.empty();
        String url = s.url() != null ? s.url() : s.doi() != null ? "https://doi.org/" + s.doi()
                : s.pmid() != null ? "https://pubmed.ncbi.nlm.nih.gov/" + s.pmid() + "/" : null;
        return Optional.of(new Citation(id, e.source(), s.reference(), s.doi(), s.pmid(), url, e.section(), e.figure(), e.note(), side, e.effect()));
    }
}

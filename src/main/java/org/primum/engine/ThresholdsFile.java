package org.primum.engine;

import org.primum.facts.Thresholds;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * {@code rules/thresholds.properties}: the catalogue's numbers, defined once, as part of the knowledge
 * base (its version hash covers the file, so a changed number is a new knowledge-base version). Every
 * threshold must have exactly one integer value there; anything else stops start-up.
 */
public final class ThresholdsFile {

    public static final String NAME = "thresholds.properties";

    private ThresholdsFile() {
    }

    /** The thresholds the knowledge base in {@code rulesDir} defines. */
    public static Thresholds read(Path rulesDir) {
        Path file = rulesDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new KnowledgeBase.InvalidKnowledgeBaseException(List.of("no " + NAME + " in " + rulesDir.toAbsolutePath()));
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(name).trim();
            try {
                values.put(name, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                problems.add(NAME + ": " + name + " is not a whole number: " + value);
            }
        }
        if (!problems.isEmpty()) throw new KnowledgeBase.InvalidKnowledgeBaseException(problems);
        try {
            return Thresholds.of(values);
        } catch (IllegalArgumentException e) {
            throw new KnowledgeBase.InvalidKnowledgeBaseException(List.of(NAME + ": " + e.getMessage()));
        }
    }
}

package org.primum.audit.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary folder of one audit run (buckets, then results). */
public final class WorkDir {
    private WorkDir() {
    }

    public static Path create(Path parent) throws IOException {
        if (parent == null) return Files.createTempDirectory("primum-audit-");
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "run-");
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

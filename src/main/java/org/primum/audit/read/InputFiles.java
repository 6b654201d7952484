package org.primum.audit.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files of an audit's input, in order, each with how it is read (see {@link org.primum.audit.AuditInput}). */
public final class InputFiles {
    private InputFiles() {
    }

    public enum Format { NDJSON, BUNDLE }

    /** {@code name}: how problems name the file (relative to the folder given, or the file's own name). */
    public record InputFile(Path path, String name, Format format, boolean gzip, long size) {
        /** Bytes of JSON expected inside (gzip shrinks FHIR JSON about tenfold). */
        public long estimatedBytes() {
            return gzip ? size * 10 : size;
        }
    }

    public static List<InputFile> list(List<Path> paths) {
        List<InputFile> files = new ArrayList<>();
        try {
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                            InputFile file = file(f, true);
                            if (file != null) files.add(file);
                        }
                    }
                } else {
                    files.add(file(p, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static InputFile file(Path f, boolean inFolder) throws IOException {
        String name = f.getFileName().toString();
        String lower = name.toLowerCase();
        boolean gzip = lower.endsWith(".gz");
        String base = gzip ? lower.substring(0, lower.length() - 3) : lower;
        Format format;
        if (base.endsWith(".ndjson") || base.endsWith(".jsonl")) format = Format.NDJSON;
        else if (base.endsWith(".json")) format = Format.BUNDLE;
        else if (inFolder) return null;
        else format = Format.NDJSON;
        return new InputFile(f, name, format, gzip, Files.size(f));
    }
}

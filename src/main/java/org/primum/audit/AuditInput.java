package org.primum.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an audit reads: files or folders. A folder is read flat (no sub-folders) in name order; of its
 * files, {@code *.ndjson} (FHIR Bulk Data, one resource per line, resource types mixed or one file per
 * type), {@code *.ndjson.gz}, and {@code *.json} / {@code *.json.gz} holding a FHIR Bundle (whose entries
 * are read as if they were lines: one patient's record, or several patients' resources). Other files in a
 * folder are skipped; a file named explicitly is read by the same rule on its name, NDJSON when in doubt.
 */
public record AuditInput(List<Path> paths) {

    public AuditInput {
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (paths.isEmpty()) throw new IllegalArgumentException("no input");
        for (Path p : paths) {
            if (!Files.exists(p)) throw new IllegalArgumentException("no such file or folder: " + p);
        }
    }

    public static AuditInput of(Path... paths) {
        return new AuditInput(List.of(paths));
    }
}

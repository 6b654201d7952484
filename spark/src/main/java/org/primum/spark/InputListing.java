package org.primum.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The job's input files, listed on the driver through Hadoop (local files, HDFS, S3…) by the one-machine audit's
 * rules ({@code org.primum.audit.AuditInput}): a folder is read flat, in name order; of its files
 * {@code *.ndjson}, {@code *.jsonl} (also gzip) are read, {@code *.json} (a FHIR Bundle) is listed so that it can
 * be reported, anything else is skipped; a file named explicitly is NDJSON unless it is a {@code .json}.
 */
final class InputListing {
    private InputListing() {
    }

    static List<SourceFile> list(Configuration conf, List<String> inputs) {
        List<SourceFile> files = new ArrayList<>();
        try {
            for (String input : inputs) {
                Path path = new Path(input);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus status = fs.getFileStatus(path);
                if (status.isDirectory()) {
                    FileStatus[] children = fs.listStatus(path);
                    Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
                    for (FileStatus child : children) {
                        if (!child.isFile()) continue;
                        Boolean ndjson = kind(child.getPath().getName(), true);
                        if (ndjson != null) files.add(file(child, files.size(), ndjson));
                    }
                } else {
                    files.add(file(status, files.size(), kind(path.getName(), false)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static SourceFile file(FileStatus s, int index, boolean ndjson) {
        return new SourceFile(s.getPath().toString(), s.getPath().getName(), index, s.getLen(), ndjson);
    }

    /** True: NDJSON; false: a Bundle; null: not an input file (only in a folder). */
    private static Boolean kind(String name, boolean inFolder) {
        String lower = name.toLowerCase();
        String base = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
        if (base.endsWith(".ndjson") || base.endsWith(".jsonl")) return true;
        if (base.endsWith(".json")) return false;
        return inFolder ? null : true;
    }
}

package org.primum.spark;

import org.apache.hadoop.fs.Path;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.*;

/**
 * What the first pass ({@link Survey}) learnt of the input, broadcast to every task of the second: each file by
 * the name Spark's reader gives it, the first line number of each of its blocks, and the Medications by id (the
 * last copy in input order wins, as in the one-machine audit). Small: a few numbers per block plus the formulary.
 */
final class InputIndex implements Serializable {

    /** A Medication resource, located. */
    record Medication(String file, long line, byte[] json) implements Serializable {
    }

    private final Map<String, SourceFile> files = new HashMap<>();
    private final Map<String, long[][]> blocks = new HashMap<>();
    private final Map<String, Medication> medications = new HashMap<>();
    private final String[] names;
    private final long linesRead;
    private final List<SourceFile> nothingRead;

    InputIndex(List<SourceFile> listed, List<SurveyRow> survey) {
        names = listed.stream().map(SourceFile::name).toArray(String[]::new);
        Map<String, SourceFile> byKey = new HashMap<>();
        for (SourceFile f : listed) byKey.put(key(new Path(f.uri())), f);
        Map<String, TreeMap<Long, Long>> linesByBlock = new HashMap<>();
        long nonBlank = 0;
        for (SurveyRow r : survey) {
            files.computeIfAbsent(r.getPath(), p -> {
                SourceFile f = byKey.get(key(sparkPath(p)));
                if (f == null) throw new IllegalStateException("Spark read a file that was not listed: " + p);
                return f;
            });
            if (r.getMedicationId() == null) {
                linesByBlock.computeIfAbsent(r.getPath(), p -> new TreeMap<>()).merge(r.getBlockStart(), r.getLines(), Long::sum);
                nonBlank += r.getNonBlank();
            }
        }
        linesByBlock.forEach((path, starts) -> {
            long[][] table = new long[2][starts.size()];
            long before = 0;
            int i = 0;
            for (Map.Entry<Long, Long> e : starts.entrySet()) {
                table[0][i] = e.getKey();
                table[1][i] = before;
                before += e.getValue();
                i++;
            }
            blocks.put(path, table);
        });
        survey.stream().filter(r -> r.getMedicationId() != null)
                .sorted(Comparator.comparingInt((SurveyRow r) -> files.get(r.getPath()).index())
                        .thenComparingLong(r -> line(r.getPath(), r.getBlockStart(), r.getSeq())))
                .forEach(r -> medications.put(r.getMedicationId(),
                        new Medication(files.get(r.getPath()).name(), line(r.getPath(), r.getBlockStart(), r.getSeq()), r.getJson())));
        this.linesRead = nonBlank;
        Set<SourceFile> read = new HashSet<>(files.values());
        this.nothingRead = listed.stream().filter(f -> f.ndjson() && f.size() > 0 && !read.contains(f)).toList();
    }

    /** The file Spark's reader names {@code path}. */
    SourceFile file(String path) {
        SourceFile f = files.get(path);
        if (f == null) throw new IllegalStateException("a file the first pass did not see: " + path);
        return f;
    }

    /** The line number (from 1, blank lines counted) of the {@code seq}-th line (from 0) of the block at {@code blockStart}. */
    long line(String path, long blockStart, long seq) {
        long[][] table = blocks.get(path);
        int i = table == null ? -1 : Arrays.binarySearch(table[0], blockStart);
        if (i < 0) throw new IllegalStateException("a block the first pass did not count: " + path + " at " + blockStart);
        return table[1][i] + seq + 1;
    }

    /** The name problems give the file at {@code index} in input order. */
    String name(int index) {
        return names[index];
    }

    Medication medication(String id) {
        return id == null ? null : medications.get(id);
    }

    /** NDJSON lines that are not blank, in every file. */
    long linesRead() {
        return linesRead;
    }

    /** NDJSON files with bytes of which no line was read (a broken gzip, say). */
    List<SourceFile> nothingRead() {
        return nothingRead;
    }

    /** Spark names a file by its URL-encoded URI ({@code file:/a%20b/x.ndjson}). */
    private static Path sparkPath(String path) {
        try {
            return new Path(new URI(path));
        } catch (URISyntaxException e) {
            return new Path(path);
        }
    }

    private static String key(Path p) {
        URI u = p.toUri();
        return (u.getScheme() == null ? "file" : u.getScheme()) + "://" + (u.getAuthority() == null ? "" : u.getAuthority())
                + u.getPath();
    }
}

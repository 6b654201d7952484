package org.primum.audit.read;

import java.io.*;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The input partitioned by patient: each line goes to the bucket file its patient's id hashes to, so that
 * all of a patient's resources, scattered over any number of files in any order, end up in one bucket,
 * and one bucket at a time fits in memory. A record: patient id, file index, line, the JSON bytes (none:
 * the patient has a resource the mapping does not read, kept so that she still appears in the output).
 */
public final class Buckets implements Closeable {

    /** One line of the input in a bucket. */
    public record Line(String patientId, int file, long line, byte[] json) {
    }

    private final List<Path> paths = new ArrayList<>();
    private final DataOutputStream[] out;

    public Buckets(Path dir, int count) throws IOException {
        out = new DataOutputStream[count];
        // one buffer per bucket: kept small, since there may be a thousand of them open at once
        int buffer = count > 256 ? 1 << 13 : 1 << 15;
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve("bucket-" + i + ".bin");
            paths.add(p);
            out[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), buffer));
        }
    }

    public int count() {
        return out.length;
    }

    /** The bucket of a patient: a well-mixed hash of the id, so that buckets fill evenly. */
    public int bucketOf(String patientId) {
        int h = patientId.hashCode() * 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), out.length);
    }

    public void add(String patientId, int file, long line, byte[] json, int length) throws IOException {
        add(patientId, file, line, json, 0, length);
    }

    /** Adds {@code json[offset..offset+length)}; safe from several threads at once (each bucket is written whole records at a time). */
    public void add(String patientId, int file, long line, byte[] json, int offset, int length) throws IOException {
        DataOutputStream o = out[bucketOf(patientId)];
        // the id as length and bytes, not writeUTF: an id comes from the input, and writeUTF fails past 64 KB
        byte[] id = patientId.getBytes(StandardCharsets.UTF_8);
        // the record's head in one array, written in one call: DataOutputStream's writeInt and writeLong write byte
        // by byte, each a synchronized call of the buffer beneath (twenty per line, 1.5 % of the run)
        ByteBuffer head = ByteBuffer.allocate(4 + id.length + 4 + 8 + 4); // big-endian, as DataInputStream reads it
        head.putInt(id.length).put(id).putInt(file).putLong(line).putInt(length);
        synchronized (o) {
            o.write(head.array());
            o.write(json, offset, length);
        }
    }

    /** Ends writing; the buckets can then be read. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DataOutputStream o : out) {
            try {
                o.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    public List<Path> paths() {
        return List.copyOf(paths);
    }

    /** Every line of one bucket, in the order written. */
    public static List<Line> read(Path bucket) throws IOException {
        List<Line> lines = new ArrayList<>();
        // fields read in runs with readFully, not with readInt and readLong: those read byte by byte, each a
        // synchronized call of the buffer beneath
        byte[] four = new byte[4], sixteen = new byte[16];
        ByteBuffer head = ByteBuffer.wrap(sixteen); // big-endian, as written
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(bucket), 1 << 16))) {
            while (true) {
                try {
                    in.readFully(four);
                } catch (EOFException end) {
                    break;
                }
                byte[] id = new byte[ByteBuffer.wrap(four).getInt()];
                in.readFully(id);
                in.readFully(sixteen);
                int file = head.getInt(0);
                long line = head.getLong(4);
                byte[] json = new byte[head.getInt(12)];
                in.readFully(json);
                lines.add(new Line(new String(id, StandardCharsets.UTF_8), file, line, json));
            }
        }
        return lines;
    }
}

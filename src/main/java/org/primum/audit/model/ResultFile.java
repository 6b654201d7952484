package org.primum.audit.model;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The patients' results of one run as kept in its work folder until the outputs are written: binary records
 * (strings as length and UTF-8 bytes, dates as epoch days), written once by the judging thread and read once by
 * every output. A private format of the run, never seen outside it: reading it back costs a fraction of parsing
 * JSON, which matters as each output streams every patient of the cohort.
 */
public final class ResultFile {
    private ResultFile() {
    }

    private static final Verdict[] VERDICTS = Verdict.values();
    private static final long NO_DATE = Long.MIN_VALUE;

    /** Appends patients' results to one file. */
    public static final class Writer implements Closeable {
        private final DataOutputStream out;

        public Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        public void write(PatientResult p) throws IOException {
            string(out, p.patient());
            string(out, p.scope());
            string(out, p.outOfScope());
            out.writeInt(p.breastSurgeries());
            out.writeInt(p.breastConserving());
            out.writeInt(p.criteria().size());
            for (CriterionResult c : p.criteria()) {
                string(out, c.code());
                out.writeByte(c.verdict().ordinal());
                string(out, c.reason());
                out.writeLong(c.date() == null ? NO_DATE : c.date().toEpochDay());
                out.writeInt(c.resourceIds().size());
                for (String id : c.resourceIds()) string(out, id);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Every result of {@code file}, in the order written. */
    public static void forEach(Path file, Consumer<PatientResult> action) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                String patient;
                try {
                    patient = string(in);
                } catch (EOFException end) {
                    return;
                }
                String scope = string(in), outOfScope = string(in);
                int surgeries = in.readInt(), conserving = in.readInt();
                int n = in.readInt();
                List<CriterionResult> criteria = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String code = string(in);
                    Verdict verdict = VERDICTS[in.readByte()];
                    String reason = string(in);
                    long day = in.readLong();
                    int ids = in.readInt();
                    List<String> resourceIds = new ArrayList<>(ids);
                    for (int j = 0; j < ids; j++) resourceIds.add(string(in));
                    criteria.add(new CriterionResult(code, verdict, reason, day == NO_DATE ? null : LocalDate.ofEpochDay(day), resourceIds));
                }
                action.accept(new PatientResult(patient, criteria, scope, outOfScope, surgeries, conserving));
            }
        }
    }

    /** -1 for null; no 64 KB cap (as {@code writeUTF} has): an id comes from the input, whatever its length. */
    static void string(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String string(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

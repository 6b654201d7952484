package org.primum.audit.read;

import org.primum.audit.model.InputProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Consumer;

/**
 * Pass two's reading: one bucket's lines grouped by patient (patients in id order, each patient's
 * resources in input order: file, then line, so that of two copies of a resource the later one wins, as
 * in the core), each line read as FHIR JSON, and the Medications her medication resources point at added
 * ({@link PatientResources}, shared with the Spark job). A patient's lines are read as JSON only when she is
 * handed on, and dropped once she is judged: a bucket is held in memory as its raw bytes, never as the trees of
 * all its patients at once (those take several times the bytes, and made the collector's work grow with the
 * bucket's size).
 */
public final class PatientGroups {

    /** A patient's resources, ready for the core. */
    public record Patient(String id, List<LocatedResource> resources) {
    }

    /** Receives each patient of a bucket in turn. */
    public interface PatientSink {
        void patient(Patient patient) throws IOException;
    }

    private static final Comparator<Buckets.Line> PATIENT_THEN_INPUT_ORDER = Comparator.comparing(Buckets.Line::patientId)
            .thenComparingInt(Buckets.Line::file).thenComparingLong(Buckets.Line::line);

    private final List<InputFiles.InputFile> files;
    private final Medications medications;

    public PatientGroups(List<InputFiles.InputFile> files, Medications medications) {
        this.files = files;
        this.medications = medications;
    }

    /**
     * Hands the bucket's patients to {@code sink}, one at a time, in id order; a line that is not FHIR JSON as
     * the core reads it is reported and left out.
     */
    public void forEach(Path bucket, Consumer<InputProblem> problems, PatientSink sink) throws IOException {
        List<Buckets.Line> lines = Buckets.read(bucket);
        lines.sort(PATIENT_THEN_INPUT_ORDER);
        int from = 0;
        while (from < lines.size()) {
            String id = lines.get(from).patientId();
            int to = from;
            PatientResources resources = new PatientResources(id, this::medication, problems);
            for (; to < lines.size() && lines.get(to).patientId().equals(id); to++) {
                Buckets.Line line = lines.get(to);
                if (line.json().length > 0) resources.add(line.json(), files.get(line.file()).name(), line.line());
                lines.set(to, null); // read: its bytes can go
            }
            sink.patient(new Patient(id, resources.resources()));
            from = to;
        }
    }

    private PatientResources.Medication medication(String id) {
        Medications.Entry m = medications.get(id);
        return m == null ? null : new PatientResources.Medication(m.json(), files.get(m.file()).name(), m.line());
    }
}

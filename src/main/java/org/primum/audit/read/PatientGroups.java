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

    private static final Comparator<Buckets.Line> INPUT_ORDER = Comparator.comparingInt(Buckets.Line::file)
            .thenComparingLong(Buckets.Line::line);

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
        // grouped by patient, then only the patients' ids sorted (a few thousand per bucket), each patient's few lines
        // by input order: sorting the bucket's hundred thousand lines by (patient, file, line) was 3 % of the run
        Map<String, List<Buckets.Line>> byPatient = new HashMap<>();
        for (Buckets.Line line : Buckets.read(bucket)) {
            byPatient.computeIfAbsent(line.patientId(), k -> new ArrayList<>(16)).add(line);
        }
        String[] ids = byPatient.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        for (String id : ids) {
            List<Buckets.Line> lines = byPatient.remove(id); // read: her bytes can go once she is judged
            lines.sort(INPUT_ORDER);
            PatientResources resources = new PatientResources(id, this::medication, problems);
            for (Buckets.Line line : lines) {
                if (line.json().length > 0) resources.add(line.json(), files.get(line.file()).name(), line.line());
            }
            sink.patient(new Patient(id, resources.resources()));
        }
    }

    private PatientResources.Medication medication(String id) {
        Medications.Entry m = medications.get(id);
        return m == null ? null : new PatientResources.Medication(m.json(), files.get(m.file()).name(), m.line());
    }
}

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
 * ({@link PatientResources}, shared with the Spark job).
 */
public final class PatientGroups {

    /** A patient's resources, ready for the core. */
    public record Patient(String id, List<LocatedResource> resources) {
    }

    private final List<InputFiles.InputFile> files;
    private final Medications medications;

    public PatientGroups(List<InputFiles.InputFile> files, Medications medications) {
        this.files = files;
        this.medications = medications;
    }

    /** The bucket's patients; a line that is not FHIR JSON as the core reads it is reported and left out. */
    public List<Patient> read(Path bucket, Consumer<InputProblem> problems) throws IOException {
        Map<String, List<Buckets.Line>> byPatient = new TreeMap<>();
        for (Buckets.Line line : Buckets.read(bucket)) {
            byPatient.computeIfAbsent(line.patientId(), k -> new ArrayList<>()).add(line);
        }
        List<Patient> patients = new ArrayList<>(byPatient.size());
        Comparator<Buckets.Line> inputOrder = Comparator.comparingInt(Buckets.Line::file).thenComparingLong(Buckets.Line::line);
        for (Map.Entry<String, List<Buckets.Line>> e : byPatient.entrySet()) {
            List<Buckets.Line> lines = e.getValue();
            lines.sort(inputOrder);
            PatientResources resources = new PatientResources(e.getKey(), this::medication, problems);
            for (Buckets.Line line : lines) {
                if (line.json().length > 0) resources.add(line.json(), files.get(line.file()).name(), line.line());
            }
            patients.add(new Patient(e.getKey(), resources.resources()));
        }
        return patients;
    }

    private PatientResources.Medication medication(String id) {
        Medications.Entry m = medications.get(id);
        return m == null ? null : new PatientResources.Medication(m.json(), files.get(m.file()).name(), m.line());
    }
}

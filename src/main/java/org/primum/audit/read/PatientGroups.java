package org.primum.audit.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.audit.model.InputProblem;
import org.primum.core.FhirInput;
import org.primum.input.InvalidInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Consumer;

/**
 * Pass two's reading: one bucket's lines grouped by patient (patients in id order, each patient's
 * resources in input order: file, then line, so that of two copies of a resource the later one wins, as
 * in the core), each line read as FHIR JSON, and the Medications her medication resources point at added.
 */
public final class PatientGroups {

    /** A patient's resources, ready for the core. */
    public record Patient(String id, List<LocatedResource> resources) {
    }

    private static final Set<String> MEDICATION_USERS = Set.of("MedicationRequest", "MedicationStatement",
            "MedicationAdministration", "MedicationDispense");

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
            List<LocatedResource> resources = new ArrayList<>(lines.size());
            Set<String> medicationsAdded = new HashSet<>();
            for (Buckets.Line line : lines) {
                if (line.json().length == 0) continue;
                LocatedResource r = located(line.json(), line.file(), line.line(), "Patient/" + e.getKey(), problems);
                if (r == null) continue;
                resources.add(r);
                String medication = medicationReference(r.input().json());
                if (medication != null && medicationsAdded.add(medication)) {
                    Medications.Entry m = medications.get(medication);
                    if (m != null) {
                        LocatedResource med = located(m.json(), m.file(), m.line(), "Patient/" + e.getKey(), problems);
                        if (med != null) resources.add(med);
                    }
                }
            }
            patients.add(new Patient(e.getKey(), resources));
        }
        return patients;
    }

    private LocatedResource located(byte[] json, int file, long line, String patient, Consumer<InputProblem> problems) {
        String name = files.get(file).name();
        try {
            return new LocatedResource(FhirInput.read(json, LocatedResource.location(name, line)), name, line);
        } catch (InvalidInputException ex) {
            problems.accept(new InputProblem(InputProblem.Kind.INVALID_RESOURCE, name, line, patient, ex.getMessage()));
            return null;
        }
    }

    private static String medicationReference(JsonNode resource) {
        if (!MEDICATION_USERS.contains(resource.path("resourceType").asText())) return null;
        JsonNode ref = resource.path("medicationReference").path("reference");
        return ref.isTextual() ? Route.medicationId(ref.asText()) : null;
    }
}

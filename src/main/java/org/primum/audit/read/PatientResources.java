package org.primum.audit.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.audit.model.InputProblem;
import org.primum.core.FhirInput;
import org.primum.input.InvalidInputException;

import java.util.*;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One patient's resources as the core reads them, built line by line in input order (file, then line: of two
 * copies of a resource the later one wins, as in the core): each line read as FHIR JSON, and each Medication her
 * medication resources point at added once, after the first that names it. A line the core cannot read is an
 * {@code INVALID_RESOURCE} problem and left out. The one-machine audit ({@link PatientGroups}) and the Spark job
 * build a patient with it, so that both give the core the same record.
 */
public final class PatientResources {

    /** A Medication of the input as found by its id: its JSON, and where it is (the file as named, the line). */
    public record Medication(byte[] json, String file, long line) {
    }

    private static final Set<String> MEDICATION_USERS = Set.of("MedicationRequest", "MedicationStatement",
            "MedicationAdministration", "MedicationDispense");

    private final String patient;
    private final Function<String, Medication> medications;
    private final Consumer<InputProblem> problems;
    private final List<LocatedResource> resources = new ArrayList<>();
    private final Set<String> medicationsAdded = new HashSet<>();

    /**
     * @param medications the input's Medications by id (null when there is none of that id)
     * @param problems    receives the lines left out
     */
    public PatientResources(String patientId, Function<String, Medication> medications, Consumer<InputProblem> problems) {
        this.patient = "Patient/" + patientId;
        this.medications = medications;
        this.problems = problems;
    }

    /** Adds the resource of {@code line} of {@code file}; call in input order. */
    public void add(byte[] json, String file, long line) {
        LocatedResource r = read(json, file, line);
        if (r == null) return;
        resources.add(r);
        String medication = medicationReference(r.input().json());
        if (medication != null && medicationsAdded.add(medication)) {
            Medication m = medications.apply(medication);
            if (m != null) {
                LocatedResource med = read(m.json(), m.file(), m.line());
                if (med != null) resources.add(med);
            }
        }
    }

    /** Her resources so far, in the order added. */
    public List<LocatedResource> resources() {
        return resources;
    }

    private LocatedResource read(byte[] json, String file, long line) {
        try {
            return new LocatedResource(FhirInput.read(json, LocatedResource.location(file, line)), file, line);
        } catch (InvalidInputException e) {
            problems.accept(new InputProblem(InputProblem.Kind.INVALID_RESOURCE, file, line, patient, e.getMessage()));
            return null;
        }
    }

    private static String medicationReference(JsonNode resource) {
        if (!MEDICATION_USERS.contains(resource.path("resourceType").asText())) return null;
        JsonNode ref = resource.path("medicationReference").path("reference");
        return ref.isTextual() ? Route.medicationId(ref.asText()) : null;
    }
}

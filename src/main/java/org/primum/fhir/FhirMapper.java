package org.primum.fhir;

import org.primum.fhir.terminology.Terminology;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.ClinicalRecord;
import org.primum.fhir.mapping.MappingRun;
import org.primum.fhir.mapping.ResourceIndex;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FHIR R4 resources → {@link ClinicalRecord}: every record as recorded, with its own date or none;
 * {@code org.primum.definitions.ClinicalInterpreter} applies the catalogue's definitions afterwards. Codes are recognised only
 * through {@link Terminology}. This class checks the shape of the input (one patient) and hands the
 * resources to a {@link MappingRun}, where the readers of each resource kind run in a fixed order.
 * Thread-safe: all per-request state lives in the run.
 */
public final class FhirMapper {
    private final Terminology terminology;

    public FhirMapper(Terminology terminology) {
        this.terminology = Objects.requireNonNull(terminology);
    }

    /**
     * A Bundle of any type (collection, transaction, batch, searchset, document); exactly one Patient is required.
     * The same resource ({@code Type/id}) given in several entries counts once, as given last, as for loose resources
     * ({@link LooseResources}): real exports repeat entries, and each copy read as its own record would count one
     * disease, one operation or one therapy several times.
     */
    public ClinicalRecord map(Bundle bundle, LocalDate asOf) {
        if (bundle == null) throw new InvalidInputException(Problem.UNPROCESSABLE, "required", "A Bundle is required", "Bundle");
        MappingRun run = new MappingRun(terminology, asOf);
        List<Patient> patients = new ArrayList<>();
        List<Integer> patientEntries = new ArrayList<>();
        Map<String, Integer> lastCopy = lastCopies(bundle);
        int i = 0;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            String key = r == null ? null : typeId(r, e.getFullUrl());
            if (r != null && (key == null || lastCopy.get(key) == i)) {
                run.add(r, e.getFullUrl());
                if (r instanceof Patient p) {
                    patients.add(p);
                    patientEntries.add(i);
                }
            }
            i++;
        }
        if (patients.isEmpty()) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "required", "The Bundle must contain exactly one Patient; it contains none", "Bundle.entry");
        }
        if (patients.size() > 1) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "invalid", "The Bundle must contain exactly one Patient; it contains "
                    + patients.size(), "Bundle.entry[" + patientEntries.get(1) + "].resource");
        }
        return run.map(patients.get(0), null);
    }

    /** For each {@code Type/id} given in the Bundle, the index of the entry that gives it last. */
    private static Map<String, Integer> lastCopies(Bundle bundle) {
        Map<String, Integer> last = new HashMap<>();
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Resource r = entries.get(i).getResource();
            String key = r == null ? null : typeId(r, entries.get(i).getFullUrl());
            if (key != null) last.put(key, i);
        }
        return last;
    }

    /** {@code Type/id}, or null for a resource without id (each such resource is its own). */
    private static String typeId(Resource r, String fullUrl) {
        String id = ResourceIndex.idOf(r, fullUrl);
        return id == null ? null : r.fhirType() + "/" + id;
    }

    /**
     * Loose resources (CDS Hooks prefetch, draft orders, resources fetched from a FHIR server) for the
     * patient {@code patientId}; Bundles among them are flattened.
     */
    public ClinicalRecord map(List<? extends Resource> resources, String patientId, LocalDate asOf) {
        if (patientId == null || patientId.isBlank()) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "required", "A patient id is required", "patientId");
        }
        String id = patientId.startsWith("Patient/") ? patientId.substring("Patient/".length()) : patientId;
        MappingRun run = new MappingRun(terminology, asOf);
        Patient patient = null;
        Deque<Resource> todo = new ArrayDeque<>(resources == null ? List.of() : resources);
        while (!todo.isEmpty()) {
            Resource r = todo.poll();
            if (r == null) continue;
            if (r instanceof Bundle b) {
                for (Bundle.BundleEntryComponent e : b.getEntry()) {
                    if (e.getResource() == null) continue;
                    if (e.getResource() instanceof Bundle inner) todo.add(inner);
                    else run.add(e.getResource(), e.getFullUrl());
                    if (e.getResource() instanceof Patient p && id.equals(ResourceIndex.idOf(p, e.getFullUrl())) && patient == null) patient = p;
                }
                continue;
            }
            run.add(r, null);
            if (r instanceof Patient p && id.equals(ResourceIndex.idOf(p, null)) && patient == null) patient = p;
        }
        return run.map(patient, id);
    }
}

package org.primum.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.primum.audit.judge.PatientAuditor;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.PatientResult;
import org.primum.audit.read.LocatedResource;
import org.primum.audit.read.Route;
import org.primum.core.FhirInput;
import org.primum.core.Pipeline;
import org.primum.input.InvalidInputException;

import java.time.LocalDate;
import java.util.*;

/**
 * Pass two, reduce side: the lines of one patient, in input order (file, then line: of two copies of a resource
 * the later wins, as in the core), read as FHIR JSON, the Medications her medication resources point at added
 * (as {@code org.primum.audit.read.PatientGroups} does), and audited by the one-machine audit's
 * {@link PatientAuditor} on this JVM's pipeline. Lines of no patient are passed on as problems and counts.
 */
final class PatientJudge implements FlatMapGroupsFunction<String, RoutedLine, AuditRow> {

    private static final Set<String> MEDICATION_USERS = Set.of("MedicationRequest", "MedicationStatement",
            "MedicationAdministration", "MedicationDispense");

    private final Broadcast<InputIndex> index;
    private final KnowledgeBaseSource knowledgeBase;
    private final String knowledgeBaseVersion;
    private final LocalDate asOf;

    PatientJudge(Broadcast<InputIndex> index, KnowledgeBaseSource knowledgeBase, String knowledgeBaseVersion, LocalDate asOf) {
        this.index = index;
        this.knowledgeBase = knowledgeBase;
        this.knowledgeBaseVersion = knowledgeBaseVersion;
        this.asOf = asOf;
    }

    @Override
    public Iterator<AuditRow> call(String key, Iterator<RoutedLine> lines) {
        InputIndex input = index.value();
        List<AuditRow> out = new ArrayList<>();
        Map<String, Long> notUsed = new TreeMap<>();
        if (key.startsWith(RoutedLine.NO_PATIENT)) {
            while (lines.hasNext()) {
                RoutedLine l = lines.next();
                if (l.getProblem() != null) {
                    out.add(AuditRow.problem(new InputProblem(InputProblem.Kind.valueOf(l.getProblem()), input.name(l.getFile()),
                            l.getLine(), l.getPatient(), l.getDetail())));
                } else {
                    notUsed.merge(l.getType(), 1L, Long::sum);
                }
            }
        } else {
            List<InputProblem> problems = new ArrayList<>();
            PatientResult result = audit(key, lines, input, notUsed, problems);
            out.addAll(AuditRow.of(result));
            problems.forEach(p -> out.add(AuditRow.problem(p)));
        }
        notUsed.forEach((type, n) -> out.add(AuditRow.notUsed(type, n)));
        return out.iterator();
    }

    private PatientResult audit(String patientId, Iterator<RoutedLine> rows, InputIndex input, Map<String, Long> notUsed,
                                List<InputProblem> problems) {
        Pipeline pipeline = ExecutorPipeline.get(knowledgeBase);
        if (!knowledgeBaseVersion.equals(pipeline.knowledgeBase().version())) {
            // the version stamped on every row is the driver's: an executor with other rules must not answer under it
            throw new IllegalStateException("this executor's knowledge base is " + pipeline.knowledgeBase().version()
                    + ", the driver's " + knowledgeBaseVersion);
        }
        List<RoutedLine> lines = new ArrayList<>();
        rows.forEachRemaining(lines::add);
        lines.sort(Comparator.comparingInt(RoutedLine::getFile).thenComparingLong(RoutedLine::getLine));
        String patient = "Patient/" + patientId;
        List<LocatedResource> resources = new ArrayList<>(lines.size());
        Set<String> medicationsAdded = new HashSet<>();
        for (RoutedLine line : lines) {
            if (line.getJson() == null) {
                notUsed.merge(line.getType(), 1L, Long::sum);
                continue;
            }
            LocatedResource r = located(line.getJson(), input.name(line.getFile()), line.getLine(), patient, problems);
            if (r == null) continue;
            resources.add(r);
            String medication = medicationReference(r.input().json());
            if (medication != null && medicationsAdded.add(medication)) {
                InputIndex.Medication m = input.medication(medication);
                if (m != null) {
                    LocatedResource med = located(m.json(), m.file(), m.line(), patient, problems);
                    if (med != null) resources.add(med);
                }
            }
        }
        return new PatientAuditor(pipeline, asOf).audit(patientId, resources, problems::add);
    }

    private static LocatedResource located(byte[] json, String file, long line, String patient, List<InputProblem> problems) {
        try {
            return new LocatedResource(FhirInput.read(json, LocatedResource.location(file, line)), file, line);
        } catch (InvalidInputException e) {
            problems.add(new InputProblem(InputProblem.Kind.INVALID_RESOURCE, file, line, patient, e.getMessage()));
            return null;
        }
    }

    private static String medicationReference(JsonNode resource) {
        if (!MEDICATION_USERS.contains(resource.path("resourceType").asText())) return null;
        JsonNode ref = resource.path("medicationReference").path("reference");
        return ref.isTextual() ? Route.medicationId(ref.asText()) : null;
    }
}

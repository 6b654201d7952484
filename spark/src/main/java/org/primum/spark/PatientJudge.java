package org.primum.spark;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.primum.audit.judge.PatientAuditor;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.PatientResult;
import org.primum.audit.read.PatientResources;
import org.primum.core.Pipeline;

import java.time.LocalDate;
import java.util.*;

/**
 * Pass two, reduce side: the lines of one patient, in input order (file, then line: of two copies of a resource
 * the later wins, as in the core), read as FHIR JSON with the Medications her medication resources point at
 * ({@link PatientResources}, as the one-machine audit's {@code PatientGroups} does), and audited by the one-machine
 * audit's {@link PatientAuditor} on this JVM's pipeline. Lines of no patient are passed on as problems and counts.
 */
final class PatientJudge implements FlatMapGroupsFunction<String, RoutedLine, AuditRow> {

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
        PatientResources resources = new PatientResources(patientId, id -> medication(input, id), problems::add);
        for (RoutedLine line : lines) {
            if (line.getJson() == null) notUsed.merge(line.getType(), 1L, Long::sum);
            else resources.add(line.getJson(), input.name(line.getFile()), line.getLine());
        }
        return new PatientAuditor(pipeline, asOf).audit(patientId, resources.resources(), problems::add);
    }

    private static PatientResources.Medication medication(InputIndex input, String id) {
        InputIndex.Medication m = input.medication(id);
        return m == null ? null : new PatientResources.Medication(m.json(), m.file(), m.line());
    }
}

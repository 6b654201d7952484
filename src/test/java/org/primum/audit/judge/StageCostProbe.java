package org.primum.audit.judge;

import org.primum.audit.model.ProgressListener;
import org.primum.audit.read.Buckets;
import org.primum.audit.read.InputFiles;
import org.primum.audit.read.LocatedResource;
import org.primum.audit.read.Partitioner;
import org.primum.audit.read.PatientGroups;
import org.primum.core.LooseRecord;
import org.primum.core.Pipeline;
import org.primum.facts.*;
import org.primum.input.InvalidInputException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/**
 * Where an audited patient's CPU goes, stage by stage, once the JIT has settled: the cohort routed into
 * buckets once, then audited several rounds on one thread, each stage of {@link PatientAuditor#audit} timed by
 * the thread's CPU clock (robust to other load on the machine). Not a test (no {@code Test} in its name): run
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.primum.audit.judge.StageCostProbe COHORT [ROUNDS]}
 * from the repository (it reads {@code rules/} and {@code fhir-profiles/}). The stages repeat what
 * {@link PatientAuditor} does, so that each can be timed; the verdicts are not its concern.
 */
public final class StageCostProbe {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] STAGES = {"group + JSON trees", "HAPI (strict read)", "map", "interpret (scope)",
            "acts + record before", "interpret (per day)", "rules session (per day)"};

    public static void main(String[] args) throws Exception {
        org.primum.PrimumMain.quietLibraries();
        Path cohort = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        List<InputFiles.InputFile> files = InputFiles.list(List.of(cohort));
        Path work = Files.createTempDirectory("auditcost-probe");
        long routeStart = processCpu();
        Partitioner.Result routed = new Partitioner(files, p -> { }, ProgressListener.NONE, () -> false)
                .partition(new Buckets(work, 4), 1);
        System.out.printf("routing (pass one, process CPU, cold): %.2f s for %d lines%n", (processCpu() - routeStart) / 1e9, routed.lines());
        PatientGroups groups = new PatientGroups(files, routed.medications());
        for (int round = 1; round <= rounds; round++) {
            long[] ns = new long[STAGES.length];
            long[] counts = new long[3]; // patients, de novo with acts, days judged
            long total = thread();
            for (Path bucket : routed.buckets().paths()) {
                groups.forEach(bucket, p -> { }, patient -> {
                    ns[0] -= thread(); // the sink's own time is taken off the grouping's below
                    audit(pipeline, asOf, patient, ns, counts);
                    ns[0] += thread();
                });
            }
            ns[0] += thread() - total;
            double patients = counts[0];
            System.out.printf("round %d: %d patients, %d judged on %d days; µs per patient (of all patients):%n", round,
                    counts[0], counts[1], counts[2]);
            long sum = 0;
            for (int i = 0; i < STAGES.length; i++) {
                sum += ns[i];
                System.out.printf("  %-26s %7.1f%n", STAGES[i], ns[i] / 1e3 / patients);
            }
            System.out.printf("  %-26s %7.1f%n", "total", sum / 1e3 / patients);
        }
        try (var left = Files.walk(work)) { // the buckets: tens of MB per run
            left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void audit(Pipeline pipeline, LocalDate asOf, PatientGroups.Patient patient, long[] ns, long[] counts) {
        counts[0]++;
        long t = thread();
        LooseRecord loose = pipeline.looseRecord(Pipeline.Options.STRICT);
        for (LocatedResource r : patient.resources()) {
            try {
                loose.add(r.input());
            } catch (InvalidInputException e) {
                // left out, as the auditor does
            }
        }
        t = lap(ns, 1, t);
        ClinicalRecord record = pipeline.map(loose, patient.id(), asOf).record();
        t = lap(ns, 2, t);
        CaseFacts today = pipeline.interpret(record, asOf);
        Presentation now = today.first(Presentation.class).orElseThrow();
        t = lap(ns, 3, t);
        if (now.scope() != Scope.DE_NOVO) return;
        List<AuditedAct> acts = Acts.of(record, asOf, today.all(PrimaryTumour.class));
        List<ActMargin> margins = Acts.margins(Acts.courses(acts, pipeline.thresholds().radiotherapyCourseGapDays()), record.margins(), asOf, now.primaryDiagnosed(), MarginLinks.of(patient.resources()));
        t = lap(ns, 4, t);
        if (acts.isEmpty()) return;
        counts[1]++;
        Map<LocalDate, List<AuditedAct>> days = new LinkedHashMap<>();
        acts.forEach(a -> days.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(a));
        for (Map.Entry<LocalDate, List<AuditedAct>> day : days.entrySet()) {
            counts[2]++;
            LocalDate date = day.getKey() == null ? asOf : day.getKey();
            ClinicalRecord before = RecordBefore.of(record, day.getKey(), day.getValue());
            List<Fact> facts = new ArrayList<>(day.getValue());
            facts.addAll(margins);
            t = lap(ns, 4, t);
            pipeline.interpret(before, date);
            long interpreted = thread() - t;
            ns[5] += interpreted;
            t = thread();
            pipeline.judge(before, date, facts); // interprets again: that second interpretation is taken off below
            ns[6] += thread() - t - interpreted;
            t = thread();
        }
    }

    private static long lap(long[] ns, int stage, long since) {
        long now = thread();
        ns[stage] += now - since;
        return now;
    }

    private static long thread() {
        return CPU.getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

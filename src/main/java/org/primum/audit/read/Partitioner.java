package org.primum.audit.read;

import org.primum.audit.model.InputProblem;
import org.primum.audit.model.AuditCancelledException;
import org.primum.audit.model.ProgressListener;

import java.io.IOException;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Pass one of the audit: reads every input line once, routes it by patient into {@link Buckets}, keeps the
 * Medications apart, and reports what it cannot route (file and line): an unreadable line, an unknown
 * resource type, a clinical resource without a patient. Resources of types the mapping never reads
 * (Encounter, Claim, Practitioner…) are counted by type and not copied (a patient named by one still
 * appears in the output). Where each line goes is {@link LineClassifier}'s decision (shared with the Spark job).
 */
public final class Partitioner {

    public record Result(Buckets buckets, Medications medications, long lines, long patientResources,
                         Map<String, Long> notUsedByType) {
    }

    private final List<InputFiles.InputFile> files;
    private final Consumer<InputProblem> problems;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    public Partitioner(List<InputFiles.InputFile> files, Consumer<InputProblem> problems, ProgressListener progress,
                       BooleanSupplier cancelled) {
        this.files = files;
        this.problems = problems;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    public Result partition(Buckets buckets) throws IOException {
        Medications medications = new Medications();
        Map<String, Long> notUsed = new TreeMap<>();
        long total = files.stream().mapToLong(InputFiles.InputFile::size).sum();
        AtomicLong bytes = new AtomicLong();
        long[] lines = {0}, patients = {0};
        byte[] none = new byte[0];
        for (int index = 0; index < files.size(); index++) {
            InputFiles.InputFile file = files.get(index);
            int fileIndex = index;
            try {
                LineSource.read(file, (line, json, length) -> {
                    if ((++lines[0] & 0x3FF) == 0) {
                        if (cancelled.getAsBoolean()) throw new AuditCancelledException();
                        progress.reading(lines[0], bytes.get(), total);
                    }
                    LineClassifier.Routed routed = LineClassifier.classify(json, length);
                    switch (routed.kind()) {
                        case PROBLEM -> problems.accept(routed.problemAt(file.name(), line));
                        case MEDICATION -> medications.put(routed.id(), fileIndex, line, Arrays.copyOf(json, length));
                        case MAPPED -> {
                            if ("Patient".equals(routed.type())) patients[0]++;
                            buckets.add(routed.patientId(), fileIndex, line, json, length);
                        }
                        case NOT_USED -> {
                            notUsed.merge(routed.countedAs(), 1L, Long::sum);
                            // not copied, but her id is: a patient named only by such resources still appears in the output
                            if (routed.patientId() != null) buckets.add(routed.patientId(), fileIndex, line, none, 0);
                        }
                    }
                }, (line, length) -> problem(InputProblem.Kind.UNREADABLE_LINE, file, line, null,
                        "a line of " + length + " bytes, longer than any resource is read (" + LineSource.MAX_LINE_BYTES + " bytes): not read"),
                        bytes::addAndGet);
            } catch (AuditCancelledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                problem(InputProblem.Kind.UNREADABLE_FILE, file, 0, null, "cannot read the file: " + LineClassifier.firstLine(e.getMessage()));
            }
        }
        progress.reading(lines[0], bytes.get(), total);
        buckets.close();
        return new Result(buckets, medications, lines[0], patients[0], notUsed);
    }

    private void problem(InputProblem.Kind kind, InputFiles.InputFile file, long line, String patient, String detail) {
        problems.accept(new InputProblem(kind, file.name(), line, patient, detail));
    }
}

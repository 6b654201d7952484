package org.primum.audit.read;

import org.primum.audit.model.InputProblem;
import org.primum.audit.model.AuditCancelledException;
import org.primum.audit.model.ProgressListener;
import org.primum.core.Pipeline;

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
 * appears in the output).
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
                    Route route;
                    try {
                        route = Route.of(json, length);
                    } catch (IOException e) {
                        problem(InputProblem.Kind.UNREADABLE_LINE, file, line, null, "not one JSON object: " + firstLine(e.getMessage()));
                        return;
                    }
                    if (route.type() == null) {
                        problem(InputProblem.Kind.UNREADABLE_LINE, file, line, null, "no resourceType");
                    } else if (!Pipeline.isResourceType(route.type())) {
                        problem(InputProblem.Kind.UNKNOWN_RESOURCE_TYPE, file, line, patientRef(route),
                                "resourceType " + route.type() + " is not a FHIR R4 resource type");
                    } else if ("Medication".equals(route.type())) {
                        if (route.id() != null) medications.put(route.id(), fileIndex, line, Arrays.copyOf(json, length));
                        else notUsed.merge("Medication (no id)", 1L, Long::sum);
                    } else if (route.patientId() == null) {
                        if (Pipeline.isMappedResourceType(route.type())) {
                            problem(InputProblem.Kind.NO_PATIENT_REFERENCE, file, line, null,
                                    route.type() + ("Patient".equals(route.type()) ? " without an id" : " names no patient (subject, patient)"));
                        } else {
                            notUsed.merge(route.type(), 1L, Long::sum);
                        }
                    } else if (Pipeline.isMappedResourceType(route.type())) {
                        if ("Patient".equals(route.type())) patients[0]++;
                        buckets.add(route.patientId(), fileIndex, line, json, length);
                    } else {
                        notUsed.merge(route.type(), 1L, Long::sum);
                        buckets.add(route.patientId(), fileIndex, line, none, 0);
                    }
                }, bytes::addAndGet);
            } catch (AuditCancelledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                problem(InputProblem.Kind.UNREADABLE_FILE, file, 0, null, "cannot read the file: " + firstLine(e.getMessage()));
            }
        }
        progress.reading(lines[0], bytes.get(), total);
        buckets.close();
        return new Result(buckets, medications, lines[0], patients[0], notUsed);
    }

    private void problem(InputProblem.Kind kind, InputFiles.InputFile file, long line, String patient, String detail) {
        problems.accept(new InputProblem(kind, file.name(), line, patient, detail));
    }

    private static String patientRef(Route route) {
        return route.patientId() == null ? null : "Patient/" + route.patientId();
    }

    /** Parser messages quote the offending text after a line break: keep the first line only (no values). */
    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

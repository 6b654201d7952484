package org.primum.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.primum.audit.model.InputProblem;
import org.primum.audit.read.Route;
import org.primum.core.Pipeline;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Pass two, map side: each line routed to its patient by the one-machine audit's rules
 * ({@code org.primum.audit.read.Partitioner}, same problem kinds and texts): a line that is not one JSON object or
 * has no resourceType is unreadable, a type FHIR R4 does not have is unknown, a clinical resource naming no
 * patient is reported, a type the mapping does not read is counted (and still names its patient); Medications were
 * taken by the {@link Survey}. Streams: one line in, at most one out.
 */
final class LineRouter implements MapPartitionsFunction<Row, RoutedLine> {

    private final Broadcast<InputIndex> index;

    LineRouter(Broadcast<InputIndex> index) {
        this.index = index;
    }

    @Override
    public Iterator<RoutedLine> call(Iterator<Row> rows) {
        InputIndex input = index.value();
        return new Iterator<>() {
            private final BlockCursor block = new BlockCursor();
            private long seq;
            private RoutedLine next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row row = rows.next();
                    String path = InputText.path(row);
                    long start = InputText.blockStart(row);
                    if (block.moveTo(path, start)) seq = 0;
                    long line = input.line(path, start, seq++);
                    byte[] json = NdjsonLine.json(InputText.bytes(row));
                    if (json != null) next = route(input.file(path), path + "@" + start, line, json);
                }
                return next != null;
            }

            @Override
            public RoutedLine next() {
                if (!hasNext()) throw new NoSuchElementException();
                RoutedLine r = next;
                next = null;
                return r;
            }
        };
    }

    /** The line's destination; null for a Medication with an id (already in the index). */
    static RoutedLine route(SourceFile file, String blockKey, long line, byte[] json) {
        int f = file.index();
        Route route;
        try {
            route = Route.of(json, json.length);
        } catch (IOException e) {
            return RoutedLine.problem(blockKey, f, line, InputProblem.Kind.UNREADABLE_LINE.name(), null,
                    "not one JSON object: " + firstLine(e.getMessage()));
        }
        String type = route.type();
        if (type == null) {
            return RoutedLine.problem(blockKey, f, line, InputProblem.Kind.UNREADABLE_LINE.name(), null, "no resourceType");
        }
        if (!Pipeline.isResourceType(type)) {
            return RoutedLine.problem(blockKey, f, line, InputProblem.Kind.UNKNOWN_RESOURCE_TYPE.name(),
                    route.patientId() == null ? null : "Patient/" + route.patientId(),
                    "resourceType " + type + " is not a FHIR R4 resource type");
        }
        if ("Medication".equals(type)) {
            return route.id() != null ? null : RoutedLine.notUsed(blockKey, f, line, "Medication (no id)");
        }
        if (route.patientId() == null) {
            if (Pipeline.isMappedResourceType(type)) {
                return RoutedLine.problem(blockKey, f, line, InputProblem.Kind.NO_PATIENT_REFERENCE.name(), null,
                        type + ("Patient".equals(type) ? " without an id" : " names no patient (subject, patient)"));
            }
            return RoutedLine.notUsed(blockKey, f, line, type);
        }
        return RoutedLine.ofPatient(route.patientId(), f, line, type, Pipeline.isMappedResourceType(type) ? json : null);
    }

    /** Parser messages quote the offending text after a line break: the first line only (no values of the record). */
    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

package org.primum.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.primum.audit.read.LineClassifier;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Pass two, map side: each line routed to its patient by the one-machine audit's classifier ({@link LineClassifier},
 * as its {@code Partitioner} does: same problem kinds and texts): a line that is not one JSON object or has no
 * resourceType is unreadable, a type FHIR R4 does not have is unknown, a clinical resource naming no patient is
 * reported, a type the mapping does not read is counted (and still names its patient); Medications were taken by
 * the {@link Survey}. Streams: one line in, at most one out.
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
        LineClassifier.Routed routed = LineClassifier.classify(json, json.length);
        return switch (routed.kind()) {
            case PROBLEM -> RoutedLine.problem(blockKey, f, line, routed.problem().name(), routed.patientReference(), routed.detail());
            case MEDICATION -> null;
            case MAPPED -> RoutedLine.ofPatient(routed.patientId(), f, line, routed.type(), json);
            // without its JSON: a patient named only by such lines still appears in the output, out of scope
            case NOT_USED -> routed.patientId() == null ? RoutedLine.notUsed(blockKey, f, line, routed.countedAs())
                    : RoutedLine.ofPatient(routed.patientId(), f, line, routed.countedAs(), null);
        };
    }
}

package org.primum.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.primum.audit.read.LineClassifier;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Pass one, over the text rows of {@link InputText}: the lines of each block (Spark's text reader gives no line
 * numbers; a block's first line number is the sum of the lines of the blocks before it in its file) and the
 * Medication resources (they belong to no patient: every patient whose medication points at one gets it, so they
 * must be known before patients are judged). Its output is small: a row per block and per Medication.
 */
final class Survey implements MapPartitionsFunction<Row, SurveyRow> {

    @Override
    public Iterator<SurveyRow> call(Iterator<Row> rows) {
        List<SurveyRow> out = new ArrayList<>();
        BlockCursor block = new BlockCursor();
        long lines = 0, nonBlank = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            String path = InputText.path(row);
            long start = InputText.blockStart(row);
            if (block.moveTo(path, start) && lines > 0) {
                out.add(SurveyRow.block(block.previousPath(), block.previousStart(), lines, nonBlank));
                lines = 0;
                nonBlank = 0;
            }
            long seq = lines++;
            byte[] json = NdjsonLine.json(InputText.bytes(row));
            if (json == null) continue;
            nonBlank++;
            if (!NdjsonLine.mayBeMedication(json)) continue;
            // an unreadable line is reported by pass two, with its line
            LineClassifier.Routed routed = LineClassifier.classify(json, json.length);
            if (routed.kind() == LineClassifier.Kind.MEDICATION) out.add(SurveyRow.medication(path, start, seq, routed.id(), json));
        }
        if (lines > 0) out.add(SurveyRow.block(block.path(), block.start(), lines, nonBlank));
        return out.iterator();
    }
}

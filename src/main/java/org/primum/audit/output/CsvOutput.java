package org.primum.audit.output;

import org.primum.audit.model.AuditReport;
import org.primum.audit.model.CriterionResult;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One row per patient and criterion judged (RFC 4180, UTF-8): patient, code, verdict, date, reason,
 * resource ids (separated by spaces). A patient out of scope has one row with no criterion: her scope and
 * reason, so that every input patient is in the file.
 */
public final class CsvOutput {
    private CsvOutput() {
    }

    public static final String HEADER = "patient,code,verdict,date,reason,resourceIds,scope";

    public static void write(AuditReport report, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(HEADER + "\r\n");
            report.forEachPatient(p -> {
                try {
                    if (!p.audited()) {
                        row(w, p.patient(), "", "", "", p.outOfScope(), "", p.scope());
                        return;
                    }
                    for (CriterionResult c : p.criteria()) {
                        row(w, p.patient(), c.code(), c.verdict().name(), c.date() == null ? "" : c.date().toString(), c.reason(),
                                String.join(" ", c.resourceIds()), p.scope());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) w.write(',');
            w.write(quoted(cells[i]));
        }
        w.write("\r\n");
    }

    static String quoted(String cell) {
        if (cell == null) return "";
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}

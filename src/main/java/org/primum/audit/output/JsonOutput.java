package org.primum.audit.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.primum.audit.model.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The audit as JSON, exactly as issue 12 gives it — {@code patients} (the audited ones, each with her
 * criteria), {@code summary}, {@code breastConservationRate}, {@code knowledgeBaseVersion} — followed by
 * what else the run knows: {@code asOf}, the patients {@code outOfScope} with the reason, the
 * {@code inputProblems} (counts by kind, then each kept problem with file and line) and the input counts.
 * Streamed: the patients are never all in memory.
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void write(AuditReport report, OutputStream out) {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("patients");
            report.forEachPatient(p -> {
                if (p.audited()) write(g, p);
            });
            g.writeEndArray();
            g.writeArrayFieldStart("summary");
            for (CriterionSummary s : report.summary()) {
                g.writeStartObject();
                g.writeStringField("code", s.code());
                g.writeNumberField("concordant", s.concordant());
                g.writeNumberField("discordant", s.discordant());
                g.writeNumberField("notEvaluable", s.notEvaluable());
                g.writeEndObject();
            }
            g.writeEndArray();
            BreastConservation bc = report.breastConservation();
            g.writeObjectFieldStart("breastConservationRate");
            g.writeNumberField("breastConservingSurgeries", bc.breastConservingSurgeries());
            g.writeNumberField("breastSurgeries", bc.breastSurgeries());
            if (bc.rate() == null) g.writeNullField("rate");
            else g.writeNumberField("rate", round(bc.rate()));
            g.writeNumberField("patients", bc.patients());
            g.writeEndObject();
            g.writeStringField("knowledgeBaseVersion", report.knowledgeBaseVersion());

            g.writeStringField("asOf", report.asOf().toString());
            g.writeObjectFieldStart("counts");
            g.writeNumberField("patients", report.patients());
            g.writeNumberField("audited", report.audited());
            g.writeNumberField("outOfScope", report.patients() - report.audited());
            g.writeNumberField("linesRead", report.linesRead());
            writeCounts(g, "outOfScopeByReason", report.outOfScope());
            writeCounts(g, "resourcesNotUsedByType", report.notUsed());
            g.writeEndObject();
            g.writeArrayFieldStart("outOfScope");
            report.forEachPatient(p -> {
                if (!p.audited()) {
                    try {
                        g.writeStartObject();
                        g.writeStringField("patient", p.patient());
                        g.writeStringField("scope", p.scope());
                        g.writeStringField("reason", p.outOfScope());
                        g.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            g.writeEndArray();
            g.writeObjectFieldStart("inputProblems");
            g.writeNumberField("total", report.problemCount());
            g.writeObjectFieldStart("byKind");
            for (InputProblem.Kind k : InputProblem.Kind.values()) {
                Long n = report.problemCounts().get(k);
                if (n != null) g.writeNumberField(k.name(), n);
            }
            g.writeEndObject();
            g.writeArrayFieldStart("items");
            for (InputProblem p : report.problems()) {
                g.writeStartObject();
                g.writeStringField("kind", p.kind().name());
                g.writeStringField("file", p.file());
                g.writeNumberField("line", p.line());
                if (p.patient() != null) g.writeStringField("patient", p.patient());
                g.writeStringField("detail", p.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, PatientResult p) {
        try {
            g.writeStartObject();
            g.writeStringField("patient", p.patient());
            g.writeArrayFieldStart("criteria");
            for (CriterionResult c : p.criteria()) {
                g.writeStartObject();
                g.writeStringField("code", c.code());
                g.writeStringField("verdict", c.verdict().name());
                g.writeStringField("reason", c.reason());
                if (c.date() == null) g.writeNullField("date");
                else g.writeStringField("date", c.date().toString());
                g.writeArrayFieldStart("resourceIds");
                for (String id : c.resourceIds()) g.writeString(id);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCounts(JsonGenerator g, String field, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(counts).entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    static double round(double rate) {
        return Math.round(rate * 10000) / 10000.0;
    }
}

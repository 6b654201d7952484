package org.primum.audit.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.BreastConservation;
import org.primum.audit.model.CriterionSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audit as a FHIR R4 MeasureReport (type summary) of {@code fhir-profiles/Measure-dnmbc-lrt-audit.json}:
 * one group per criterion (its catalogue code), with the initial population (patients the criterion applied
 * to), denominator (concordant + discordant), denominator exclusion (not evaluable) and numerator
 * (concordant), and the score; a last group gives the breast-conservation rate. Written as JSON with Jackson
 * (the audit uses no HAPI); a test validates it with HAPI's validator against the base specification.
 * The period runs from the earliest act judged to the audit's date.
 */
public final class MeasureReportOutput {
    private MeasureReportOutput() {
    }

    public static final String MEASURE = "http://primum.org/fhir/Measure/dnmbc-lrt-audit";
    static final String CRITERION_SYSTEM = "http://primum.org/fhir/CodeSystem/audit-criterion";
    private static final String POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void write(AuditReport report, OutputStream out) {
        write(report, earliestAct(report), out);
    }

    /**
     * {@code instant} as FHIR's dateTime to the second, in UTC. Not {@code OffsetDateTime#toString}: that leaves the
     * seconds out when they are zero ("2026-11-27T23:17Z"), which is no FHIR dateTime (a validator refused one run in
     * sixty); {@code Instant#toString} always writes them.
     */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The same, with the earliest act judged given (null: none) instead of read from the report's patients: for a
     * report that holds the cohort's figures only (the Spark job computes the earliest date where its verdicts are).
     */
    public static void write(AuditReport report, LocalDate earliestAct, OutputStream out) {
        LocalDate start = earliestAct == null || earliestAct.isAfter(report.asOf()) ? report.asOf() : earliestAct;
        ObjectNode r = JSON.createObjectNode();
        r.put("resourceType", "MeasureReport");
        r.put("status", "complete");
        r.put("type", "summary");
        r.put("measure", MEASURE);
        r.put("date", timestamp(Instant.now()));
        ObjectNode period = r.putObject("period");
        period.put("start", start.toString());
        period.put("end", report.asOf().toString());
        ArrayNode groups = r.putArray("group");
        for (CriterionSummary s : report.summary()) {
            ObjectNode g = group(groups, s.code(), s.title());
            population(g, "initial-population", s.concordant() + s.discordant() + s.notEvaluable());
            population(g, "denominator", s.denominator());
            population(g, "denominator-exclusion", s.notEvaluable());
            population(g, "numerator", s.concordant());
            score(g, s.rate());
        }
        BreastConservation bc = report.breastConservation();
        ObjectNode g = group(groups, "BREAST_CONSERVATION_RATE", "Breast conservation rate");
        population(g, "denominator", bc.breastSurgeries());
        population(g, "numerator", bc.breastConservingSurgeries());
        score(g, bc.rate());
        ArrayNode ext = r.putArray("extension");
        ObjectNode version = ext.addObject();
        version.put("url", "http://primum.org/fhir/StructureDefinition/knowledge-base-version");
        version.put("valueString", report.knowledgeBaseVersion());
        try {
            JSON.writeValue(new NonClosing(out), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode group(ArrayNode groups, String code, String title) {
        ObjectNode g = groups.addObject();
        ObjectNode cc = g.putObject("code");
        ObjectNode coding = cc.putArray("coding").addObject();
        coding.put("system", CRITERION_SYSTEM);
        coding.put("code", code);
        coding.put("display", title);
        cc.put("text", title);
        g.putArray("population");
        return g;
    }

    private static void population(ObjectNode group, String code, long count) {
        ObjectNode p = ((ArrayNode) group.get("population")).addObject();
        ObjectNode coding = p.putObject("code").putArray("coding").addObject();
        coding.put("system", POPULATION_SYSTEM);
        coding.put("code", code);
        p.put("count", count);
    }

    /** A proportion, 4 decimals; no score when nobody could be judged. */
    private static void score(ObjectNode group, Double rate) {
        if (rate == null) return;
        group.putObject("measureScore").put("value", BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP));
    }

    private static LocalDate earliestAct(AuditReport report) {
        AtomicReference<LocalDate> earliest = new AtomicReference<>(report.asOf());
        report.forEachPatient(p -> p.criteria().forEach(c -> {
            if (c.date() != null && c.date().isBefore(earliest.get())) earliest.set(c.date());
        }));
        return earliest.get();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

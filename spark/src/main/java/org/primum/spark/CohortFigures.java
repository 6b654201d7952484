package org.primum.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.primum.audit.model.*;

import java.time.LocalDate;
import java.util.*;

import static org.apache.spark.sql.functions.*;

/**
 * The cohort's figures, computed by Spark from the judged rows with the one-machine audit's counting
 * ({@code org.primum.audit.Aggregates}): a patient counts once per criterion under her worst verdict, breast
 * surgeries are summed over audited patients, out-of-scope patients are counted by scope; input problems by kind
 * (the first {@link #KEPT} in file and line order kept with their place) and by file; the earliest act judged.
 * Only these small results reach the driver.
 */
final class CohortFigures {

    /** Problems listed one by one in the summary; the counts cover them all (as in the one-machine audit). */
    static final int KEPT = 10_000;

    private final Dataset<AuditRow> rows;
    private final List<InputProblem> fileProblems;

    CohortFigures(Dataset<AuditRow> rows, List<InputProblem> fileProblems) {
        this.rows = rows;
        this.fileProblems = List.copyOf(fileProblems);
    }

    AuditReport report(String version, LocalDate asOf, Map<String, String> titles, long linesRead) {
        Dataset<AuditRow> patients = rows.filter(col("kind").equalTo(AuditRow.VERDICT).and(col("criterionIndex").equalTo(0)));
        Column audited = col("outOfScopeReason").isNull();

        long patientCount = patients.count();
        long auditedCount = patients.filter(audited).count();
        Map<String, Long> outOfScope = new TreeMap<>();
        for (Row r : patients.filter(not(audited)).groupBy("scope").count().collectAsList()) {
            outOfScope.put(r.getString(0), r.getLong(1));
        }
        Row bc = patients.filter(audited).agg(
                coalesce(sum("breastConserving"), lit(0L)),
                coalesce(sum("breastSurgeries"), lit(0L)),
                coalesce(sum(when(col("breastSurgeries").gt(0), 1).otherwise(0)), lit(0L))).first();
        BreastConservation conservation = new BreastConservation(bc.getLong(0), bc.getLong(1), bc.getLong(2));

        Map<InputProblem.Kind, Long> problemCounts = new EnumMap<>(InputProblem.Kind.class);
        Dataset<AuditRow> problems = rows.filter(col("kind").equalTo(AuditRow.PROBLEM));
        for (Row r : problems.groupBy("problemKind").count().collectAsList()) {
            problemCounts.put(InputProblem.Kind.valueOf(r.getString(0)), r.getLong(1));
        }
        fileProblems.forEach(p -> problemCounts.merge(p.kind(), 1L, Long::sum));
        List<InputProblem> kept = new ArrayList<>(fileProblems);
        for (AuditRow r : problems.orderBy("file", "line", "problemKind").limit(KEPT).collectAsList()) {
            kept.add(new InputProblem(InputProblem.Kind.valueOf(r.getProblemKind()), r.getFile(), r.getLine(), r.getPatient(), r.getDetail()));
        }
        kept.sort(Comparator.comparing(InputProblem::file).thenComparingLong(InputProblem::line).thenComparing(InputProblem::kind));
        if (kept.size() > KEPT) kept = kept.subList(0, KEPT);

        Map<String, Long> notUsed = new TreeMap<>();
        for (Row r : rows.filter(col("kind").equalTo(AuditRow.NOT_USED)).groupBy("resourceType").agg(sum("count")).collectAsList()) {
            notUsed.put(r.getString(0), r.getLong(1));
        }
        return new AuditReport(version, asOf, summary(titles), conservation, patientCount, auditedCount, outOfScope, problemCounts,
                kept, linesRead, notUsed, List.of(), null);
    }

    /** Per criterion, patients by their worst verdict; in the catalogue's order, every criterion listed. */
    private List<CriterionSummary> summary(Map<String, String> titles) {
        Column rank = when(col("verdict").equalTo(Verdict.DISCORDANT.name()), Verdict.DISCORDANT.ordinal())
                .when(col("verdict").equalTo(Verdict.NOT_EVALUABLE.name()), Verdict.NOT_EVALUABLE.ordinal())
                .otherwise(Verdict.CONCORDANT.ordinal());
        List<Row> counts = rows.filter(col("kind").equalTo(AuditRow.VERDICT).and(col("outOfScopeReason").isNull()).and(col("code").isNotNull()))
                .groupBy(col("patient"), col("code")).agg(min(rank).as("worst"))
                .groupBy("code", "worst").count().collectAsList();
        Map<String, long[]> byCode = new LinkedHashMap<>();
        Criteria.CODES.forEach(c -> byCode.put(c, new long[Verdict.values().length]));
        new TreeMap<>(group(counts)).forEach((code, n) -> byCode.merge(code, n, (a, b) -> {
            for (int i = 0; i < a.length; i++) a[i] += b[i];
            return a;
        }));
        List<CriterionSummary> list = new ArrayList<>();
        byCode.forEach((code, n) -> list.add(new CriterionSummary(code, titles.getOrDefault(code, code),
                n[Verdict.CONCORDANT.ordinal()], n[Verdict.DISCORDANT.ordinal()], n[Verdict.NOT_EVALUABLE.ordinal()])));
        return list;
    }

    private static Map<String, long[]> group(List<Row> counts) {
        Map<String, long[]> byCode = new HashMap<>();
        for (Row r : counts) byCode.computeIfAbsent(r.getString(0), k -> new long[Verdict.values().length])[r.getInt(1)] += r.getLong(2);
        return byCode;
    }

    /**
     * The earliest date of an act judged, where the FHIR MeasureReport's period starts (as the one-machine audit takes
     * it from its patients' results), or null when no criterion has a date: one aggregate, no rows to the driver.
     */
    LocalDate earliestAct() {
        Row earliest = rows.filter(col("kind").equalTo(AuditRow.VERDICT)).agg(min("date").cast("string")).first();
        return earliest.isNullAt(0) ? null : LocalDate.parse(earliest.getString(0));
    }

    /** Input problems per file and kind ("Condition.ndjson" → UNREADABLE_LINE → 3). */
    Map<String, Map<String, Long>> problemsByFile() {
        Map<String, Map<String, Long>> byFile = new TreeMap<>();
        for (Row r : rows.filter(col("kind").equalTo(AuditRow.PROBLEM)).groupBy("file", "problemKind").count().collectAsList()) {
            byFile.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
        }
        fileProblems.forEach(p -> byFile.computeIfAbsent(p.file(), k -> new TreeMap<>()).merge(p.kind().name(), 1L, Long::sum));
        return byFile;
    }
}

package org.primum.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.CriterionSummary;
import org.primum.audit.AuditOutputs;
import org.primum.audit.output.JsonOutput;
import org.primum.audit.output.MeasureReportOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * What the job writes into its output folder (any Hadoop path):
 * <ul>
 *   <li>{@code verdicts/} (Parquet) and {@code verdicts-csv/} (CSV with a header): a row per patient and criterion
 *   judged, or one per patient out of scope ({@code code} empty, {@code outOfScopeReason} set); every row stamped
 *   with the knowledge-base version and the audit's date;</li>
 *   <li>{@code problems/} (CSV): every input problem with its file and line;</li>
 *   <li>{@code audit-summary.json}: the one-machine audit's JSON ({@code JsonOutput}) of the cohort's figures:
 *   summary per criterion, breast-conservation rate, counts, input problems; its per-patient lists ({@code patients},
 *   {@code outOfScope}) are empty (the verdicts are in the tables above);</li>
 *   <li>{@code measure-report.json}: the one-machine audit's FHIR R4 MeasureReport ({@code MeasureReportOutput}) of the
 *   same figures;</li>
 *   <li>{@code summary.csv} (per criterion: patients by worst verdict, rate) and {@code problems-by-file.csv} (per file
 *   and kind).</li>
 * </ul>
 */
final class Outputs {

    static final String VERDICTS = "verdicts", VERDICTS_CSV = "verdicts-csv", PROBLEMS = "problems",
            SUMMARY_JSON = "audit-summary.json",
            MEASURE_REPORT = AuditOutputs.MEASURE_REPORT, SUMMARY_CSV = "summary.csv", PROBLEMS_BY_FILE = "problems-by-file.csv";

    private final SparkSession spark;
    private final String out;
    private final String version;
    private final LocalDate asOf;

    Outputs(SparkSession spark, String out, String version, LocalDate asOf) {
        this.spark = spark;
        this.out = out;
        this.version = version;
        this.asOf = asOf;
    }

    void verdicts(Dataset<AuditRow> rows) {
        Dataset<Row> verdicts = rows.filter(col("kind").equalTo(AuditRow.VERDICT)).select(
                col("patient"), col("scope"), col("outOfScopeReason"), col("criterionIndex"), col("code"), col("verdict"),
                col("reason"), col("date"), col("resourceIds"), col("breastSurgeries"), col("breastConserving"),
                lit(version).as("knowledgeBaseVersion"), lit(asOf).as("asOf"));
        verdicts.write().parquet(path(VERDICTS));
        verdicts.withColumn("resourceIds", array_join(col("resourceIds"), " "))
                .write().option("header", "true").csv(path(VERDICTS_CSV));
    }

    void problems(Dataset<AuditRow> rows) {
        Column[] columns = {col("problemKind").as("kind"), col("file"), col("line"), col("patient"), col("detail")};
        rows.filter(col("kind").equalTo(AuditRow.PROBLEM)).select(columns)
                .write().option("header", "true").csv(path(PROBLEMS));
    }

    /** The small outputs, written by the driver from the cohort's figures; {@code earliestAct}: the MeasureReport's period start. */
    void summary(AuditReport report, LocalDate earliestAct, Map<String, Map<String, Long>> problemsByFile) {
        write(SUMMARY_JSON, o -> JsonOutput.write(report, o));
        write(MEASURE_REPORT, o -> MeasureReportOutput.write(report, earliestAct, o));
        write(SUMMARY_CSV, o -> {
            Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
            w.write("code,title,concordant,discordant,notEvaluable,rate\n");
            for (CriterionSummary s : report.summary()) {
                w.write(String.join(",", s.code(), csv(s.title()), Long.toString(s.concordant()), Long.toString(s.discordant()),
                        Long.toString(s.notEvaluable()), s.rate() == null ? "" : Double.toString(Math.round(s.rate() * 10000) / 10000.0)));
                w.write('\n');
            }
            w.flush();
        });
        write(PROBLEMS_BY_FILE, o -> {
            Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
            w.write("file,kind,count\n");
            for (Map.Entry<String, Map<String, Long>> f : problemsByFile.entrySet()) {
                for (Map.Entry<String, Long> k : f.getValue().entrySet()) w.write(csv(f.getKey()) + "," + k.getKey() + "," + k.getValue() + "\n");
            }
            w.flush();
        });
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private void write(String name, Body body) {
        Path file = new Path(out, name);
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream o = fs.create(file, false)) {
                body.write(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String path(String name) {
        return new Path(out, name).toString();
    }

    private static String csv(String value) {
        if (value == null) return "";
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

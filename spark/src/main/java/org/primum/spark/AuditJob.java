package org.primum.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.primum.audit.AuditEngine;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.InputProblem;
import org.primum.core.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The guideline audit of a cohort on Spark: the one-machine audit's answers ({@code org.primum.audit}), patient by
 * patient, for inputs that outgrow one machine. Two passes over the NDJSON read by Spark's text reader: a
 * {@link Survey} (line numbers, Medications; small, collected), then routing each line to its patient
 * ({@link LineRouter}), grouping by patient in Spark's shuffle and judging each patient on the executors through
 * the core ({@link PatientJudge}). Nothing per patient comes to the driver; the outputs are written by Spark
 * ({@link Outputs}), the cohort's figures computed by Spark ({@link CohortFigures}).
 */
public final class AuditJob {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJob.class);

    private final SparkSession spark;

    public AuditJob(SparkSession spark) {
        this.spark = spark;
    }

    public JobResult run(JobOptions options) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        requireEmpty(hadoop, options.out());
        // the knowledge base on the driver first: a rule error stops the job before any input is read
        Pipeline pipeline = ExecutorPipeline.get(options.knowledgeBase());
        AuditEngine engine = new AuditEngine(pipeline);
        String version = pipeline.knowledgeBase().version();
        if (options.partitions() > 0) spark.conf().set("spark.sql.shuffle.partitions", options.partitions());

        List<SourceFile> files = InputListing.list(hadoop, options.inputs());
        List<SourceFile> ndjson = files.stream().filter(SourceFile::ndjson).toList();
        if (ndjson.isEmpty()) throw new IllegalArgumentException("no NDJSON file in " + options.inputs());
        LOG.info("audit of {} NDJSON files on {}, knowledge base {} ({})", ndjson.size(), options.asOf(), version,
                options.knowledgeBase());

        Dataset<Row> text = InputText.read(spark, ndjson);
        List<SurveyRow> survey = text.mapPartitions(new Survey(), Encoders.bean(SurveyRow.class)).collectAsList();
        InputIndex index = new InputIndex(files, survey);
        Broadcast<InputIndex> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(index);

        Dataset<AuditRow> rows = text.mapPartitions(new LineRouter(shared), Encoders.bean(RoutedLine.class))
                .groupByKey((MapFunction<RoutedLine, String>) RoutedLine::getKey, Encoders.STRING())
                .flatMapGroups(new PatientJudge(shared, options.knowledgeBase(), version, options.asOf()), Encoders.bean(AuditRow.class))
                // judged once: every output below reads these rows (spilled to disk, never recomputed)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Outputs outputs = new Outputs(spark, options.out(), version, options.asOf());
            outputs.verdicts(rows);
            outputs.problems(rows);
            List<InputProblem> fileProblems = fileProblems(files, index);
            CohortFigures figures = new CohortFigures(rows, fileProblems);
            AuditReport report = figures.report(version, options.asOf(), engine.titles(), index.linesRead());
            Map<String, Map<String, Long>> problemsByFile = figures.problemsByFile();
            outputs.summary(report, figures.earliestAct(), problemsByFile);
            LOG.info("{} patients, {} audited, {} input problems; outputs in {}", report.patients(), report.audited(),
                    report.problemCount(), options.out());
            return new JobResult(report, problemsByFile, options.out());
        } finally {
            rows.unpersist();
            shared.destroy();
        }
    }

    /** Files the job could not read at all: a Bundle (NDJSON only here), or NDJSON with bytes but no line read. */
    private static List<InputProblem> fileProblems(List<SourceFile> files, InputIndex index) {
        List<InputProblem> problems = new ArrayList<>();
        for (SourceFile f : files) {
            if (!f.ndjson()) {
                problems.add(new InputProblem(InputProblem.Kind.UNREADABLE_FILE, f.name(), 0, null,
                        "a FHIR Bundle (.json): the Spark job reads NDJSON only (the one-machine audit reads Bundles)"));
            }
        }
        for (SourceFile f : index.nothingRead()) {
            problems.add(new InputProblem(InputProblem.Kind.UNREADABLE_FILE, f.name(), 0, null,
                    "cannot read the file: no line could be read (a broken gzip?)"));
        }
        return problems;
    }

    private static void requireEmpty(Configuration hadoop, String out) {
        try {
            Path path = new Path(out);
            FileSystem fs = path.getFileSystem(hadoop);
            if (fs.exists(path)) {
                FileStatus[] inside = fs.listStatus(path);
                if (inside.length > 0) throw new IllegalArgumentException("--out " + out + " exists and is not empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

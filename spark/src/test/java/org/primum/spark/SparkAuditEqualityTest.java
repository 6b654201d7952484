package org.primum.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.AuditEngine;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.model.*;
import org.primum.audit.output.MeasureReportOutput;
import org.primum.core.Pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job in local mode ({@code local[2]}) and the one-machine audit ({@link AuditEngine}) on the same NDJSON
 * cohort ({@link TestCohort}): the same patients, the same verdicts criterion by criterion (code, verdict, reason,
 * date, resource ids, in order), the same out-of-scope reasons, the same cohort figures and the same input problems
 * with their file and line, the same FHIR MeasureReport. Small blocks (64 KB) make Spark split the files, so line numbers cross blocks.
 */
class SparkAuditEqualityTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path input;
    private static AuditReport expected;
    private static Map<String, PatientResult> expectedPatients;
    private static JobResult actual;

    @BeforeAll
    static void runBoth() throws Exception {
        input = tmp.resolve("cohort");
        TestCohort.write(input, 250);

        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        expected = new AuditEngine(pipeline).run(AuditInput.of(input), AuditOptions.defaults(AS_OF).withBucketBytes(1 << 16),
                ProgressListener.NONE, () -> false);
        expectedPatients = new TreeMap<>();
        expected.forEachPatient(p -> expectedPatients.put(p.patient(), p));

        spark = SparkSession.builder().master("local[2]").appName("primum-audit-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.warehouse.dir", tmp.resolve("warehouse").toUri().toString())
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.files.maxPartitionBytes", "65536")
                .config("spark.sql.files.openCostInBytes", "0")
                .getOrCreate();
        actual = new AuditJob(spark).run(new JobOptions(List.of(input.toString()), tmp.resolve("out").toString(), AS_OF,
                KnowledgeBaseSource.BUNDLED, 0));
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
        if (expected != null) expected.close();
    }

    @Test
    void the_cohort_exercises_what_is_compared() {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        expectedPatients.values().forEach(p -> p.criteria().forEach(c -> verdicts.add(c.verdict())));
        assertThat(verdicts).containsExactlyInAnyOrder(Verdict.values());
        assertThat(expected.audited()).isGreaterThan(100);
        assertThat(expected.outOfScope()).containsKeys("RECURRENT", "NO_BREAST_PRIMARY", "NO_ACT", "UNREADABLE");
        assertThat(expected.problemCounts()).containsKeys(InputProblem.Kind.UNREADABLE_LINE, InputProblem.Kind.UNKNOWN_RESOURCE_TYPE,
                InputProblem.Kind.NO_PATIENT_REFERENCE, InputProblem.Kind.INVALID_RESOURCE, InputProblem.Kind.NO_BREAST_CANCER);
        assertThat(expected.breastConservation().breastSurgeries()).isPositive();
    }

    @Test
    void same_verdicts_patient_by_patient_criterion_by_criterion() {
        Map<String, PatientResult> spark = VerdictTable.read(SparkAuditEqualityTest.spark, actual.out());
        assertThat(spark.keySet()).containsExactlyElementsOf(expectedPatients.keySet());
        for (Map.Entry<String, PatientResult> e : expectedPatients.entrySet()) {
            assertThat(spark.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void same_cohort_figures() {
        AuditReport r = actual.report();
        assertThat(r.knowledgeBaseVersion()).isEqualTo(expected.knowledgeBaseVersion());
        assertThat(r.summary()).containsExactlyElementsOf(expected.summary());
        assertThat(r.breastConservation()).isEqualTo(expected.breastConservation());
        assertThat(r.patients()).isEqualTo(expected.patients());
        assertThat(r.audited()).isEqualTo(expected.audited());
        assertThat(r.outOfScope()).isEqualTo(expected.outOfScope());
        assertThat(r.notUsed()).isEqualTo(expected.notUsed());
        assertThat(r.linesRead()).isEqualTo(expected.linesRead());
    }

    @Test
    void bad_input_is_counted_and_located_as_on_one_machine() {
        AuditReport r = actual.report();
        assertThat(r.problemCounts()).isEqualTo(expected.problemCounts());
        assertThat(r.problems()).containsExactlyElementsOf(expected.problems());
        assertThat(actual.problemsByFile().get("extra.ndjson"))
                .containsEntry("UNREADABLE_LINE", 3L).containsEntry("UNKNOWN_RESOURCE_TYPE", 1L).containsEntry("NO_PATIENT_REFERENCE", 2L);
        assertThat(actual.problemsByFile().get("Observation.ndjson"))
                .containsEntry("UNREADABLE_LINE", 1L).containsEntry("NO_PATIENT_REFERENCE", 1L).containsEntry("INVALID_RESOURCE", 1L);
    }

    @Test
    void every_row_carries_the_knowledge_base_version_and_the_csv_has_every_row() {
        Dataset<Row> parquet = spark.read().parquet(tmp.resolve("out").resolve(Outputs.VERDICTS).toString());
        assertThat(parquet.select("knowledgeBaseVersion").distinct().collectAsList())
                .extracting(row -> row.getString(0)).containsExactly(expected.knowledgeBaseVersion());
        long csv = spark.read().option("header", "true").csv(tmp.resolve("out").resolve(Outputs.VERDICTS_CSV).toString()).count();
        assertThat(csv).isEqualTo(parquet.count());
        assertThat(tmp.resolve("out").resolve(Outputs.SUMMARY_JSON)).exists();
    }

    @Test
    void same_measure_report_apart_from_when_it_was_written() throws IOException {
        ByteArrayOutputStream oneMachine = new ByteArrayOutputStream();
        MeasureReportOutput.write(expected, oneMachine);
        ObjectMapper json = new ObjectMapper();
        JsonNode want = json.readTree(oneMachine.toByteArray());
        JsonNode got = json.readTree(tmp.resolve("out").resolve(Outputs.MEASURE_REPORT).toFile());
        assertThat(got.path("date").asText()).isNotEmpty();
        ((ObjectNode) want).remove("date");
        ((ObjectNode) got).remove("date");
        assertThat(got).isEqualTo(want);
        // the period starts at the earliest act judged, taken from the patients' results: the job must compute it too
        assertThat(want.path("period").path("start").asText()).isLessThan(AS_OF.toString());
    }
}

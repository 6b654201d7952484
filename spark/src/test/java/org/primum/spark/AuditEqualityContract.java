package org.primum.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.primum.audit.AuditEngine;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.PatientResult;
import org.primum.audit.model.ProgressListener;
import org.primum.audit.output.MeasureReportOutput;
import org.primum.core.Pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job in local mode ({@code local[2]}) and the one-machine audit ({@link AuditEngine}) on the same NDJSON
 * input: the same patients, the same verdicts criterion by criterion (code, verdict, reason, date, resource ids, in
 * order), the same out-of-scope reasons, the same cohort figures, the same input problems with their file and line,
 * the same FHIR MeasureReport. Small blocks (64 KB) make Spark split the files, so line numbers cross blocks. One
 * subclass per cohort names its input and date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditEqualityContract {

    /** The class's working folder (the input written if need be, Spark's warehouse, the job's outputs). */
    Path tmp;

    SparkSession spark;
    AuditReport expected;
    Map<String, PatientResult> expectedPatients;
    JobResult actual;

    /** The input folders (written into {@code tmp} if need be). */
    abstract List<Path> input(Path tmp) throws IOException;

    abstract LocalDate asOf();

    @BeforeAll
    void runBoth(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        List<Path> input = input(tmp);
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        expected = new AuditEngine(pipeline).run(AuditInput.of(input.toArray(Path[]::new)),
                AuditOptions.defaults(asOf()).withBucketBytes(1 << 16), ProgressListener.NONE, () -> false);
        expectedPatients = new TreeMap<>();
        expected.forEachPatient(p -> expectedPatients.put(p.patient(), p));

        spark = SparkSession.builder().master("local[2]").appName("primum-audit-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.warehouse.dir", tmp.resolve("warehouse").toUri().toString())
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.files.maxPartitionBytes", "65536")
                .config("spark.sql.files.openCostInBytes", "0")
                .getOrCreate();
        actual = new AuditJob(spark).run(new JobOptions(input.stream().map(Path::toString).toList(),
                tmp.resolve("out").toString(), asOf(), KnowledgeBaseSource.BUNDLED, 0));
    }

    @AfterAll
    void stop() {
        if (spark != null) spark.stop();
        if (expected != null) expected.close();
    }

    @Test
    void same_verdicts_patient_by_patient_criterion_by_criterion() {
        Map<String, PatientResult> got = VerdictTable.read(spark, actual.out());
        assertThat(got.keySet()).containsExactlyElementsOf(expectedPatients.keySet());
        for (Map.Entry<String, PatientResult> e : expectedPatients.entrySet()) {
            assertThat(got.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
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
    void same_input_problems_in_the_same_places() {
        AuditReport r = actual.report();
        assertThat(r.problemCounts()).isEqualTo(expected.problemCounts());
        assertThat(r.problems()).containsExactlyElementsOf(expected.problems());
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
        assertThat(want.path("period").path("start").asText()).isLessThan(asOf().toString());
    }
}

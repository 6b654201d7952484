package org.primum.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated cohort with the public fixtures and bad input of every kind ({@link TestCohort}): what the contract
 * compares, and that the cohort exercises it.
 */
class SparkAuditEqualityTest extends AuditEqualityContract {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    @Override
    List<Path> input(Path tmp) throws IOException {
        Path input = tmp.resolve("cohort");
        TestCohort.write(input, 250);
        return List.of(input);
    }

    @Override
    LocalDate asOf() {
        return AS_OF;
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
    void bad_input_is_located_by_file() {
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
}

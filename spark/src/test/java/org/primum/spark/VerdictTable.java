package org.primum.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.primum.audit.model.CriterionResult;
import org.primum.audit.model.PatientResult;
import org.primum.audit.model.Verdict;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/** The job's verdicts table read back as the one-machine audit's {@link PatientResult}s, by "Patient/<id>" (small cohorts only). */
final class VerdictTable {
    private VerdictTable() {
    }

    static Map<String, PatientResult> read(SparkSession spark, String out) {
        List<Row> rows = spark.read().parquet(Path.of(out).resolve(Outputs.VERDICTS).toString())
                .orderBy("patient", "criterionIndex").collectAsList();
        Map<String, List<Row>> byPatient = new TreeMap<>();
        rows.forEach(r -> byPatient.computeIfAbsent(r.getAs("patient"), k -> new ArrayList<>()).add(r));
        Map<String, PatientResult> results = new TreeMap<>();
        byPatient.forEach((patient, list) -> {
            Row first = list.get(0);
            List<CriterionResult> criteria = new ArrayList<>();
            for (Row r : list) {
                if (r.getAs("code") == null) continue;
                java.sql.Date date = r.getAs("date");
                List<String> ids = r.getList(r.fieldIndex("resourceIds"));
                criteria.add(new CriterionResult(r.getAs("code"), Verdict.valueOf(r.getAs("verdict")), r.getAs("reason"),
                        date == null ? null : date.toLocalDate(), ids));
            }
            results.put(patient, new PatientResult(patient, criteria, first.getAs("scope"), first.getAs("outOfScopeReason"),
                    first.<Integer>getAs("breastSurgeries"), first.<Integer>getAs("breastConserving")));
        });
        return results;
    }
}

package org.primum.spark;

import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class org.primum.spark.SparkAudit primum-spark.jar --input … --out …} (README "Spark"):
 * the master, executors and memory come from spark-submit; the options are {@link JobOptions}'. Exit status 0 when
 * the audit ran (input problems are reported in the outputs, not failures), 2 on a wrong command line.
 */
public final class SparkAudit {
    private SparkAudit() {
    }

    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("primum-audit").getOrCreate();
        try {
            JobResult result = new AuditJob(spark).run(options);
            System.out.printf("%d patients, %d audited, %d input problems, knowledge base %s: %s%n", result.report().patients(),
                    result.report().audited(), result.report().problemCount(), result.report().knowledgeBaseVersion(), result.out());
        } finally {
            spark.stop();
        }
    }
}

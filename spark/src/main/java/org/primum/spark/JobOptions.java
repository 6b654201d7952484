package org.primum.spark;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's command line (README "Spark"):
 * {@code --input PATH[,PATH…] --out DIR [--as-of YYYY-MM-DD] [--rules DIR --profiles DIR] [--partitions N]}.
 *
 * @param inputs     NDJSON files or folders of them (any Hadoop path: file:, hdfs:, s3a:…), in input order
 * @param out        the output folder; must not exist yet or be empty
 * @param asOf       the audit's date (default: today)
 * @param knowledgeBase the knowledge base: bundled in the jar unless --rules and --profiles are given
 * @param partitions tasks that judge patients (the shuffle's partitions); 0: Spark's setting
 *                   ({@code spark.sql.shuffle.partitions}, coalesced by adaptive execution)
 */
public record JobOptions(List<String> inputs, String out, LocalDate asOf, KnowledgeBaseSource knowledgeBase, int partitions) {

    public static final String USAGE = "usage: spark-submit --class org.primum.spark.SparkAudit primum-spark.jar "
            + "--input PATH[,PATH...] --out DIR [--as-of YYYY-MM-DD] [--rules DIR --profiles DIR] [--partitions N]";

    public JobOptions {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) throw new IllegalArgumentException("--input is required");
        if (out == null) throw new IllegalArgumentException("--out is required");
        if (asOf == null) throw new IllegalArgumentException("--as-of is required");
        if (partitions < 0) throw new IllegalArgumentException("--partitions must not be negative");
    }

    public static JobOptions parse(String... args) {
        List<String> inputs = new ArrayList<>();
        String out = null, rules = null, profiles = null;
        LocalDate asOf = LocalDate.now();
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value");
            String value = args[++i];
            switch (name) {
                case "--input" -> {
                    for (String p : value.split(",")) if (!p.isBlank()) inputs.add(p.trim());
                }
                case "--out" -> out = value;
                case "--as-of" -> {
                    try {
                        asOf = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--as-of: not a date (YYYY-MM-DD): " + value);
                    }
                }
                case "--rules" -> rules = value;
                case "--profiles" -> profiles = value;
                case "--partitions" -> {
                    try {
                        partitions = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--partitions: not a number: " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new JobOptions(inputs, out, asOf, new KnowledgeBaseSource(rules, profiles), partitions);
    }
}

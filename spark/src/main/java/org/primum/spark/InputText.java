package org.primum.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The NDJSON files as Spark's own text reader gives them: one row per line, with the file and the start of the
 * block (split) it was read from. Lines end at {@code \n} only (as in the one-machine audit); gzip files are
 * read whole by one task. A file that cannot be read (a broken gzip) is skipped by Spark from the error on,
 * not a failed job; the survey reports a file of which no line was read.
 */
final class InputText {
    private InputText() {
    }

    static Dataset<Row> read(SparkSession spark, List<SourceFile> files) {
        String[] paths = files.stream().map(SourceFile::uri).toArray(String[]::new);
        return spark.read()
                .option("lineSep", "\n")
                .option("ignoreCorruptFiles", "true")
                .text(paths)
                // the raw bytes: a String would have replaced what is not UTF-8
                .select(col("value").cast("binary").as("bytes"),
                        col("_metadata.file_path").as("path"),
                        col("_metadata.file_block_start").as("blockStart"));
    }

    static byte[] bytes(Row row) {
        return row.getAs(0);
    }

    static String path(Row row) {
        return row.getString(1);
    }

    static long blockStart(Row row) {
        return row.getLong(2);
    }
}

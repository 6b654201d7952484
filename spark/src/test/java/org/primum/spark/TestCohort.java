package org.primum.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.primum.spark.cohort.CohortGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The NDJSON cohort the Spark test audits: a generated cohort ({@link CohortGenerator}), the repository's public
 * fixtures (real-world Bundles: Synthea, mCODE, MII) turned into Bulk Data lines, and bad input of every kind the
 * audit reports: lines that are not JSON, without a resourceType, of an unknown type, clinical resources without a
 * patient, an invalid resource, a patient named only by a resource the audit does not read (an Immunization), blank and CRLF lines, a later copy of a
 * resource, a Medication without id. One file is gzip; bad lines also sit deep in a large file, so that their line
 * numbers cross Spark's blocks.
 */
final class TestCohort {
    private TestCohort() {
    }

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final ObjectMapper JSON = new ObjectMapper();

    static void write(Path dir, int patients) throws IOException {
        CohortGenerator.generate(dir, patients, 7, 3);
        fixtures(dir.resolve("fixtures.ndjson"));
        gzip(dir.resolve("Encounter.ndjson"));
        append(dir.resolve("Observation.ndjson"),
                "{\"resourceType\":\"Observation\",\"id\":\"bad-date\",\"status\":\"final\",\"code\":{\"text\":\"weight\"},"
                        + "\"subject\":{\"reference\":\"Patient/p0000002\"},\"effectiveDateTime\":\"2025-13-45\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"crlf\",\"status\":\"final\",\"code\":{\"text\":\"note\"},"
                        + "\"subject\":{\"reference\":\"Patient/p0000003\"},\"effectiveDateTime\":\"2024-01-02\"}\r",
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"orphan\"}}",
                "   ",
                "{broken");
        append(dir.resolve("extra.ndjson"),
                "not json at all",
                "{\"id\":\"no-type\"}",
                "{\"resourceType\":\"Banana\",\"id\":\"b1\",\"subject\":{\"reference\":\"Patient/p0000001\"}}",
                "",
                "{\"resourceType\":\"Condition\",\"id\":\"orphan\",\"code\":{\"text\":\"something\"}}",
                "{\"resourceType\":\"Practitioner\",\"id\":\"dr\"}",
                "{\"resourceType\":\"Medication\",\"code\":{\"text\":\"no id\"}}",
                "{\"resourceType\":\"Patient\",\"gender\":\"female\"}",
                "{\"resourceType\":\"Patient\",\"id\":\"two\"} {\"resourceType\":\"Patient\",\"id\":\"values\"}",
                // (not an Encounter: one may record a tumour board, so the audit reads them)
                "{\"resourceType\":\"Immunization\",\"id\":\"lonely-imm\",\"status\":\"completed\",\"vaccineCode\":{\"text\":\"influenza\"},"
                        + "\"patient\":{\"reference\":\"Patient/lonely\"},\"occurrenceDateTime\":\"2024-10-01\"}",
                // a later copy of a generated operation: the later one wins, in both audits
                "{\"resourceType\":\"Procedure\",\"id\":\"p0000004-op\",\"status\":\"completed\",\"code\":{\"coding\":[{\"system\":"
                        + "\"http://snomed.info/sct\",\"code\":\"172043006\"}]},\"subject\":{\"reference\":\"Patient/p0000004\"},"
                        + "\"performedDateTime\":\"2024-06-01\"}");
    }

    /** Every Bundle entry's resource, one per line, fixtures in name order. */
    private static void fixtures(Path file) throws IOException {
        List<Path> bundles;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            bundles = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Path b : bundles) {
                for (JsonNode entry : JSON.readTree(b.toFile()).path("entry")) {
                    if (!entry.has("resource")) continue;
                    out.write(JSON.writeValueAsBytes(entry.get("resource")));
                    out.write('\n');
                }
            }
        }
    }

    private static void gzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(file + ".gz")))) {
            Files.copy(file, out);
        }
        Files.delete(file);
    }

    private static void append(Path file, String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String l : lines) text.append(l).append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

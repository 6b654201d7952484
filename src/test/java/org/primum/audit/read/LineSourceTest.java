package org.primum.audit.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** NDJSON lines as the audit reads them: one at a time with its number, a line too long to be a resource skipped whole. */
class LineSourceTest {

    @TempDir
    Path tmp;

    @Test
    void aLineLongerThanAnyResourceIsReportedAndTheNextLinesAreRead() throws Exception {
        Path file = tmp.resolve("cohort.ndjson");
        long huge = LineSource.MAX_LINE_BYTES + 100_000L;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"resourceType\":\"Patient\",\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < huge; written += chunk.length) out.write(chunk);
            out.write("\n\n{\"resourceType\":\"Patient\",\"id\":\"b\"}\r\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>();
        List<Long> tooLong = new ArrayList<>();
        LineSource.read(new InputFiles.InputFile(file, "cohort.ndjson", InputFiles.Format.NDJSON, false, Files.size(file)),
                (line, json, length) -> lines.add(line + ":" + new String(json, 0, length, StandardCharsets.UTF_8)),
                (line, bytes) -> tooLong.add(line), bytes -> { });

        assertThat(tooLong).containsExactly(2L);
        assertThat(lines).containsExactly("1:{\"resourceType\":\"Patient\",\"id\":\"a\"}", "4:{\"resourceType\":\"Patient\",\"id\":\"b\"}");
    }

    @Test
    void aLineJustWithinTheLimitIsRead() throws Exception {
        Path file = tmp.resolve("edge.ndjson");
        String head = "{\"resourceType\":\"Patient\",\"id\":\"c\",\"p\":\"", tail = "\"}";
        String padded = head + "y".repeat(LineSource.MAX_LINE_BYTES - head.length() - tail.length()) + tail;
        Files.writeString(file, padded);
        List<Integer> lengths = new ArrayList<>();
        List<Long> tooLong = new ArrayList<>();
        LineSource.read(new InputFiles.InputFile(file, "edge.ndjson", InputFiles.Format.NDJSON, false, Files.size(file)),
                (line, json, length) -> lengths.add(length), (line, bytes) -> tooLong.add(line), bytes -> { });
        assertThat(tooLong).isEmpty();
        assertThat(lengths).containsExactly(LineSource.MAX_LINE_BYTES);
    }
}

package org.primum.audit.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GzipUploadTest {

    @TempDir
    Path dir;

    @Test
    void decodesToTheFileTheAuditReads() throws IOException {
        byte[] plain = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path gz = write(gzip(plain, 1)), out = dir.resolve("upload.ndjson");
        assertThat(GzipUpload.decode(gz, out, plain.length)).isEqualTo(plain.length);
        assertThat(Files.readAllBytes(out)).isEqualTo(plain);
    }

    @Test
    void concatenatedMembersAreOneBody() throws IOException {
        byte[] a = "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"resourceType\":\"Patient\",\"id\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] ga = gzip(a, 1), gb = gzip(b, 1);
        byte[] both = Arrays.copyOf(ga, ga.length + gb.length);
        System.arraycopy(gb, 0, both, ga.length, gb.length);
        Path out = dir.resolve("upload.ndjson");
        GzipUpload.decode(write(both), out, 1000);
        assertThat(Files.readString(out)).isEqualTo(new String(a, StandardCharsets.UTF_8) + new String(b, StandardCharsets.UTF_8));
    }

    /** 64 MB of zeros in ~65 kB of gzip: decoding stops just past the limit, 413, and writes no more than the limit. */
    @Test
    void aGzipBombStopsAtTheLimit() throws IOException {
        Path gz = write(gzip(new byte[1 << 20], 64)), out = dir.resolve("upload.ndjson");
        assertThat(Files.size(gz)).isLessThan(200_000);
        long max = 100_000;
        assertThatThrownBy(() -> GzipUpload.decode(gz, out, max)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
        assertThat(Files.size(out)).isLessThanOrEqualTo(max);
    }

    @Test
    void dataThatIsNotGzipOrIsCutShortIs400() throws IOException {
        byte[] whole = gzip("{\"resourceType\":\"Patient\"}\n".repeat(100).getBytes(StandardCharsets.UTF_8), 1);
        for (byte[] bad : new byte[][]{"not gzip".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(whole, whole.length / 2)}) {
            Path out = dir.resolve("upload-" + bad.length + ".ndjson");
            assertThatThrownBy(() -> GzipUpload.decode(write(bad), out, 1 << 20)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED));
        }
    }

    private Path write(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(dir, "upload", ".gz");
        Files.write(p, bytes);
        return p;
    }

    private static byte[] gzip(byte[] block, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < times; i++) out.write(block);
        }
        return bytes.toByteArray();
    }
}

package org.primum.api;

import org.junit.jupiter.api.Test;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentEncodingTest {

    @Test
    void readsTheCodingsTheServiceDecodes() {
        assertThat(ContentEncoding.of(null)).isEqualTo(ContentEncoding.IDENTITY);
        assertThat(ContentEncoding.of(" ")).isEqualTo(ContentEncoding.IDENTITY);
        assertThat(ContentEncoding.of("identity")).isEqualTo(ContentEncoding.IDENTITY);
        assertThat(ContentEncoding.of("gzip")).isEqualTo(ContentEncoding.GZIP);
        assertThat(ContentEncoding.of("GZip")).isEqualTo(ContentEncoding.GZIP);
        assertThat(ContentEncoding.of("x-gzip")).isEqualTo(ContentEncoding.GZIP);
        assertThat(ContentEncoding.of("identity, gzip")).isEqualTo(ContentEncoding.GZIP);
    }

    @Test
    void refusesOtherCodingsWith415() {
        for (String coding : new String[]{"br", "deflate", "zstd", "gzip, gzip", "gzip, deflate"}) {
            assertThatThrownBy(() -> ContentEncoding.of(coding)).as(coding).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).problem()).isEqualTo(Problem.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Test
    void decodesGzip() throws IOException {
        byte[] plain = "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(GzipRequestBodies.decode(new ByteArrayInputStream(gzip(plain, 1)), 1000)).isEqualTo(plain);
        assertThat(GzipRequestBodies.decode(new ByteArrayInputStream(gzip(plain, 1)), plain.length)).isEqualTo(plain);
    }

    /** Decoding stops just past the limit: a bomb is never inflated, however large it would be. */
    @Test
    void stopsAtTheLimitOfTheDecodedSize() throws IOException {
        byte[] bomb = gzip(new byte[1 << 20], 64); // 64 MB of zeros
        CountingStream in = new CountingStream(new ByteArrayInputStream(bomb));
        assertThatThrownBy(() -> GzipRequestBodies.decode(in, 100_000)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problem()).isEqualTo(Problem.TOO_LARGE);
        // 64 MB of zeros is ~65 kB of gzip; 100 kB decoded take a few hundred bytes of it (plus one 8 kB read buffer)
        assertThat(in.read).isLessThan(bomb.length / 4);
    }

    @Test
    void dataThatIsNotGzipIsMalformed() {
        for (byte[] notGzip : new byte[][]{"{\"a\":1}".getBytes(StandardCharsets.UTF_8), new byte[0], new byte[]{0x1f, (byte) 0x8b, 8}}) {
            assertThatThrownBy(() -> GzipRequestBodies.decode(new ByteArrayInputStream(notGzip), 1000)).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).problem()).isEqualTo(Problem.MALFORMED);
        }
    }

    private static byte[] gzip(byte[] block, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < times; i++) out.write(block);
        }
        return bytes.toByteArray();
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) read += n;
            return n;
        }
    }
}

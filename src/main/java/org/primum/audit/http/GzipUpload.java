package org.primum.audit.http;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An audit upload sent with {@code Content-Encoding: gzip}, decoded from the file it was received into to the file
 * the audit reads, under the upload limit counted on the decoded bytes: decoding stops at the first byte past it, so
 * a gzip bomb (a few MB inflating to terabytes) costs at most the limit on disk and the time to inflate it.
 */
final class GzipUpload {
    private GzipUpload() {
    }

    /** Decodes {@code gzip} into {@code out} (created); returns the decoded bytes. 413 past {@code max}, 400 for data that is not gzip. */
    static long decode(Path gzip, Path out, long max) throws IOException {
        long decoded = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip), buffer.length);
             OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                decoded += n;
                if (decoded > max) {
                    throw new InvalidInputException(Problem.TOO_LARGE, "too-costly", "the upload decoded from gzip is over " + max
                            + " bytes, the limit of primum.audit.max-upload-bytes", "request body");
                }
                o.write(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw new InvalidInputException(Problem.MALFORMED, "structure",
                    "the upload is not valid gzip data (Content-Encoding: gzip)", "request body");
        }
        return decoded;
    }
}

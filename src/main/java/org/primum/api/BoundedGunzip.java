package org.primum.api;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A body sent with {@code Content-Encoding: gzip}, decoded under a limit on the decoded bytes: decoding stops at the
 * first byte past it (413), so a gzip bomb (a few hundred kB inflating to gigabytes) costs at most the limit, in
 * memory or on disk; data that is not gzip, or is cut short, is a 400. The one decoder of the evaluate endpoints'
 * bodies ({@link GzipRequestBodies}) and of audit uploads.
 */
public final class BoundedGunzip {

    private BoundedGunzip() {
    }

    /**
     * Decodes {@code gzipped} into {@code out} and returns the decoded byte count; {@code what} names the body and
     * {@code setting} the limit's setting, for the OperationOutcome.
     */
    public static long copy(InputStream gzipped, OutputStream out, long maxBytes, String what, String setting) throws IOException {
        long decoded = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = new GZIPInputStream(gzipped, buffer.length)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                decoded += n;
                if (decoded > maxBytes) {
                    throw new InvalidInputException(Problem.TOO_LARGE, "too-costly", "the " + what + " decoded from gzip is over "
                            + maxBytes + " bytes, the limit (" + setting + ")", "request body");
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw new InvalidInputException(Problem.MALFORMED, "structure",
                    "the " + what + " is not valid gzip data (Content-Encoding: gzip)", "request body");
        }
        return decoded;
    }
}

package org.primum.audit.http;

import org.primum.api.BoundedGunzip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An audit upload sent with {@code Content-Encoding: gzip}, decoded from the file it was received into to the file
 * the audit reads, under the upload limit counted on the decoded bytes ({@link BoundedGunzip}): a gzip bomb costs
 * at most the limit on disk and the time to inflate it.
 */
final class GzipUpload {
    private GzipUpload() {
    }

    /** Decodes {@code gzip} into {@code out} (created); returns the decoded bytes. 413 past {@code max}, 400 for data that is not gzip. */
    static long decode(Path gzip, Path out, long max) throws IOException {
        try (InputStream in = Files.newInputStream(gzip);
             OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            return BoundedGunzip.copy(in, o, max, "upload", "primum.audit.max-upload-bytes");
        }
    }
}

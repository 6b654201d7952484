package org.primum.api;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.Locale;

/**
 * The request's {@code Content-Encoding} (RFC 9110 §8.4): the service decodes gzip ({@link GzipRequestBodies}) and
 * nothing else, so any other coding (deflate, br, zstd, several codings stacked) is a 415 (RFC 9110 §15.5.16:
 * "the content has a content coding the server does not accept").
 */
public enum ContentEncoding {
    IDENTITY, GZIP;

    public static final String HEADER = "Content-Encoding";

    /** The coding named by the header's value ({@code null} or blank: identity). */
    public static ContentEncoding of(String header) {
        ContentEncoding found = IDENTITY;
        if (header == null) return found;
        for (String token : header.split(",")) {
            String coding = token.trim().toLowerCase(Locale.ROOT);
            if (coding.isEmpty() || coding.equals("identity")) continue;
            if ((coding.equals("gzip") || coding.equals("x-gzip")) && found == IDENTITY) {
                found = GZIP;
                continue;
            }
            throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "Content-Encoding " + header.trim()
                    + " is not supported: send the body as it is or gzip-compressed (Content-Encoding: gzip)", HEADER);
        }
        return found;
    }
}

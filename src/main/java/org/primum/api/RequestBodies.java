package org.primum.api;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Size limit and log-safe fingerprint of request bodies. The body itself is never logged: a
 * SHA-256 prefix lets an operator match a log line with a payload the client still holds.
 */
public final class RequestBodies {

    /**
     * Cloned per fingerprint: {@code MessageDigest.getInstance} looks the provider up on every call, which cost more
     * than hashing a typical body; a clone of a ready instance skips that (the prototype itself is never updated).
     */
    private static final MessageDigest SHA_256 = sha256();

    private RequestBodies() {
    }

    /** 413 when the body read is larger than {@code maxBytes} (covers chunked requests without Content-Length). */
    public static void requireWithinLimit(byte[] body, long maxBytes) {
        if (body != null && body.length > maxBytes) throw tooLarge(body.length, maxBytes);
    }

    public static InvalidInputException tooLarge(long size, long maxBytes) {
        return new InvalidInputException(Problem.TOO_LARGE, "too-costly", "the request body is " + size + " bytes; the limit is "
                + maxBytes + " bytes (primum.max-body-bytes)", "request body");
    }

    /** The first 12 hex digits of the body's SHA-256: enough to recognise a payload, nothing of its content. */
    public static String fingerprint(byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            sha256 = sha256(); // a provider whose digest cannot be cloned: the lookup per call, as before
        }
        byte[] digest = sha256.digest(body == null ? new byte[0] : body);
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.primum.audit.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The decision log's name for a patient: SHA-256 of the salt and {@code Patient/<id>}, in hex. The log
 * never holds the id; an auditor who knows it finds the patient's decisions by hashing it the same way.
 */
public final class PatientHash {

    private final byte[] salt;

    public PatientHash(String salt) {
        this.salt = Objects.requireNonNull(salt, "salt").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code id} as {@code abc} or {@code Patient/abc}: the same hash. */
    public String of(String id) {
        String reference = id.startsWith("Patient/") ? id : "Patient/" + id;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(reference.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

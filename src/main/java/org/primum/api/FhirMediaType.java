package org.primum.api;

import jakarta.ws.rs.core.MediaType;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.Map;

/**
 * The HTTP side of "is this FHIR R4 JSON?": media types that do not announce it are refused (415) before
 * the body is read. A {@code fhirVersion} parameter other than 4.0 and the DSTU2/STU3 media type
 * {@code application/json+fhir} each get a message saying that only FHIR R4 is accepted.
 */
public final class FhirMediaType {

    public static final String R4_VERSION = "4.0";

    private FhirMediaType() {
    }

    /** Accepts {@code application/fhir+json} or {@code application/json}, with an optional {@code fhirVersion=4.0} parameter. */
    public static void check(MediaType type) {
        if (type == null) {
            throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported",
                    "no Content-Type: send the FHIR R4 resource as application/fhir+json", "Content-Type");
        }
        String subtype = type.getSubtype().toLowerCase();
        if (!"application".equalsIgnoreCase(type.getType()) || !(subtype.equals("fhir+json") || subtype.equals("json"))) {
            String hint = subtype.equals("json+fhir")
                    ? " (application/json+fhir is the DSTU2/STU3 media type; Primum accepts FHIR R4 only)" : "";
            throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "unsupported media type " + type.getType() + "/" + type.getSubtype()
                    + hint + ": send FHIR R4 JSON as application/fhir+json", "Content-Type");
        }
        for (Map.Entry<String, String> p : type.getParameters().entrySet()) {
            if (p.getKey().equalsIgnoreCase("fhirVersion")) {
                String v = p.getValue() == null ? "" : p.getValue().trim();
                if (!(v.equals(R4_VERSION) || v.startsWith(R4_VERSION + "."))) {
                    throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "fhirVersion=" + v
                            + " is not supported: Primum accepts FHIR R4 (fhirVersion=4.0) only", "Content-Type");
                }
            }
        }
    }
}

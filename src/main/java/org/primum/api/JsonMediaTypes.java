package org.primum.api;

import jakarta.ws.rs.core.MediaType;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.nio.charset.StandardCharsets;

/**
 * What counts as a JSON request body: {@code application/json} or any {@code application/…+json}
 * ({@code application/fhir+json}, {@code application/cds-hooks+json}), parameters allowed; a {@code charset}
 * must be UTF-8, the only encoding of JSON exchanged between systems (RFC 8259 §8.1).
 */
public final class JsonMediaTypes {

    private JsonMediaTypes() {
    }

    public static boolean isJson(MediaType type) {
        if (type == null || !"application".equalsIgnoreCase(type.getType())) return false;
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return subtype.equals("json") || (subtype.endsWith("+json") && subtype.length() > "+json".length());
    }

    /** 415 unless {@code type} is JSON in UTF-8 (or without a charset). */
    public static void require(MediaType type) {
        if (!isJson(type)) {
            throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "unsupported media type "
                    + (type == null ? "(no Content-Type)" : type.getType() + "/" + type.getSubtype())
                    + ": this endpoint takes a JSON body (application/json)", "Content-Type");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.trim().replace("\"", "").equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "charset " + charset
                    + " is not supported: JSON is read as UTF-8", "Content-Type");
        }
    }
}

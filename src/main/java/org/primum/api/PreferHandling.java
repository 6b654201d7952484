package org.primum.api;

import org.primum.input.Handling;

import java.util.List;
import java.util.Locale;

/**
 * FHIR's {@code Prefer: handling=strict|lenient} (RFC 7240 preference, FHIR RESTful API "Prefer" header): how the
 * client wants invalid content handled. Absent, unknown or malformed preferences mean the service's default,
 * lenient (RFC 7240: a preference the server does not understand is ignored); the first {@code handling}
 * given counts. Several preferences may share one header ({@code return=minimal, handling=strict}) or come in
 * several headers.
 */
public final class PreferHandling {

    public static final String HEADER = "Prefer";

    private PreferHandling() {
    }

    /** The handling asked for in the values of the {@code Prefer} headers of a request ({@code null}: none). */
    public static Handling of(List<String> preferHeaders) {
        if (preferHeaders == null) return Handling.LENIENT;
        for (String header : preferHeaders) {
            if (header == null) continue;
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0];
                int eq = token.indexOf('=');
                if (eq < 0 || !token.substring(0, eq).trim().equalsIgnoreCase("handling")) continue;
                String value = token.substring(eq + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (value.equals("strict")) return Handling.STRICT;
                if (value.equals("lenient")) return Handling.LENIENT;
            }
        }
        return Handling.LENIENT;
    }
}

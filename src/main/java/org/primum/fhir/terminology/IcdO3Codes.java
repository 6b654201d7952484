package org.primum.fhir.terminology;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The written forms of ICD-O-3 codes ({@link CodeSystems#ICDO3}) brought to one: registries export the topography
 * without its dot (NAACCR Primary Site {@code C504}) and the morphology as five digits (NAACCR Histology + Behavior
 * {@code 85003}) or with the "M" of the printed classification ({@code M-8500/3}); FHIR producers write {@code C50.4}
 * and {@code 8500/3}. Both are compared as the latter, so the files list each code once.
 */
final class IcdO3Codes {
    private static final Pattern TOPOGRAPHY = Pattern.compile("C\\d{2}(\\.\\d?)?");
    private static final Pattern UNDOTTED_TOPOGRAPHY = Pattern.compile("C\\d{3}");
    private static final Pattern MORPHOLOGY_5_DIGITS = Pattern.compile("\\d{5}");
    private static final Pattern PRINTED_MORPHOLOGY = Pattern.compile("M-?(\\d{4}/?\\d)");

    private IcdO3Codes() {
    }

    /** C504 → C50.4, c50.4 → C50.4; 85003 → 8500/3, M-8500/3 → 8500/3; anything else upper-cased and trimmed. */
    static String normalise(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() > 16) return c;   // no ICD-O-3 code is longer: leave it unmatched without parsing it
        if (UNDOTTED_TOPOGRAPHY.matcher(c).matches()) return c.substring(0, 3) + "." + c.substring(3);
        var printed = PRINTED_MORPHOLOGY.matcher(c);
        if (printed.matches()) c = printed.group(1);
        if (MORPHOLOGY_5_DIGITS.matcher(c).matches()) return c.substring(0, 4) + "/" + c.substring(4);
        return c;
    }

    /** A topography code (C50, C50.4), as opposed to a morphology code (8500/3). */
    static boolean isTopography(String normalisedCode) {
        return TOPOGRAPHY.matcher(normalisedCode).matches();
    }
}

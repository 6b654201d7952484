package org.primum.fhir.terminology;

import org.primum.facts.TnmAxis;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * AJCC staging values normalised by their pattern rather than listed: the prefix (c, p, yc, yp, r, a)
 * dropped, "cT3" → "T3", a stage group in Arabic or Roman numerals → Roman ("c3A" / "3A" → "IIIA"). A stage
 * group written as text may carry the word ("Stage IV", "stage: 3A", "AJCC stage IIB"), which is dropped.
 */
public final class AjccCodes {
    private static final Pattern ROMAN_STAGE = Pattern.compile("(0|I{1,3}|IV)[A-C]?\\d?");
    /** The words before a stage group in text: "Stage", "AJCC stage", "clinical stage", "TNM stage", with a colon. */
    private static final Pattern STAGE_WORD = Pattern.compile("^(?:(?:ajcc|uicc|tnm|clinical|pathological|pathologic|prognostic|anatomic)\\s+)*stage(?:\\s+group)?\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE);

    private AjccCodes() {
    }

    /** The category on {@code axis} without its prefix, or null when the code is of another axis or no stage. */
    public static String normalise(String code, TnmAxis axis) {
        String c = code.trim();
        if (axis == TnmAxis.STAGE_GROUP) c = STAGE_WORD.matcher(c).replaceFirst("");
        // lower-case prefixes: c, p, yc, yp, r, a (clinical, pathological, post-therapy, recurrence, autopsy)
        int i = 0;
        while (i < c.length() && "cpyra".indexOf(c.charAt(i)) >= 0) i++;
        c = c.substring(i);
        if (c.isEmpty()) return null;
        if (axis == TnmAxis.STAGE_GROUP) {
            String upper = c.toUpperCase(Locale.ROOT);
            int d = 0;
            while (d < upper.length() && Character.isDigit(upper.charAt(d))) d++;
            if (d == 0) return ROMAN_STAGE.matcher(upper).matches() ? upper : null;
            String roman = switch (upper.substring(0, d)) {
                case "0" -> "0";
                case "1" -> "I";
                case "2" -> "II";
                case "3" -> "III";
                case "4" -> "IV";
                default -> null;
            };
            return roman == null ? null : roman + upper.substring(d);
        }
        char axisLetter = axis.name().charAt(0);
        return Character.toUpperCase(c.charAt(0)) == axisLetter ? axisLetter + c.substring(1) : null;
    }
}

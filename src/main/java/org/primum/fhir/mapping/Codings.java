package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

import java.util.function.BiPredicate;

/** Value helpers for codes and their words: first code, display, text of a CodeableConcept, profiles. */
final class Codings {
    private Codings() {
    }

    /** The first code of a CodeableConcept (status elements: one system), or null. */
    static String code(CodeableConcept cc) {
        if (cc == null) return null;
        for (Coding c : cc.getCoding()) if (c.hasCode()) return c.getCode();
        return null;
    }

    /** Whether some coding of {@code cc} passes {@code test(system, code)}. */
    static boolean anyCoding(CodeableConcept cc, BiPredicate<String, String> test) {
        for (Coding k : cc.getCoding()) if (test.test(k.getSystem(), k.getCode())) return true;
        return false;
    }

    /** What a person would read: the text, else the first display, else "". */
    static String text(CodeableConcept cc) {
        if (cc == null) return "";
        if (cc.hasText()) return cc.getText();
        for (Coding k : cc.getCoding()) if (k.hasDisplay()) return k.getDisplay();
        return "";
    }

    /** The text and every display, for word searches. */
    static String allText(CodeableConcept cc) {
        if (cc == null) return "";
        StringBuilder b = new StringBuilder(nz(cc.getText()));
        for (Coding k : cc.getCoding()) if (k.hasDisplay()) b.append(' ').append(k.getDisplay());
        return b.toString();
    }

    /** The display of the coding, else the concept's text, else the code. */
    static String display(Coding k, CodeableConcept cc) {
        if (k != null && k.hasDisplay()) return k.getDisplay();
        if (cc != null && cc.hasText()) return cc.getText();
        return k == null ? null : k.getCode();
    }

    /** Whether the resource claims a profile whose URL contains {@code suffix} (any version, any publisher's copy). */
    static boolean hasProfile(Resource r, String suffix) {
        for (CanonicalType p : r.getMeta().getProfile()) {
            String v = p.getValue();
            if (v != null && v.contains(suffix)) return true;
        }
        return false;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}

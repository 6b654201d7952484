package org.primum.audit.model;

import java.util.List;

/**
 * The criteria of catalogue section F, by their stable codes, in the catalogue's order (the order of every
 * output). The engine checks at construction that the knowledge base judges exactly these.
 */
public final class Criteria {
    private Criteria() {
    }

    public static final List<String> CODES = List.of(
            "AUDIT_SYSTEMIC_BEFORE_LRT",
            "AUDIT_NO_LRT_DURING_PROGRESSION",
            "AUDIT_LRT_AFTER_RESPONSE_WINDOW",
            "AUDIT_NO_CONTRALATERAL_PROPHYLACTIC_MASTECTOMY",
            "AUDIT_AXILLARY_DISSECTION_ONLY_NODE_POSITIVE",
            "AUDIT_CLEAR_MARGINS",
            "AUDIT_MULTIDISCIPLINARY_DISCUSSION");

    /** Position in the catalogue (unknown codes last). */
    public static int order(String code) {
        int i = CODES.indexOf(code);
        return i < 0 ? CODES.size() : i;
    }
}

package org.primum.testdata;

import org.primum.audit.model.CriterionResult;
import org.primum.audit.model.PatientResult;

import java.util.ArrayList;
import java.util.List;

/** How the table-driven audit tests write what the audit made of one patient, so that a row reads as the expectation. */
public final class AuditLines {

    private AuditLines() {
    }

    /**
     * A patient's result as lines: out of scope, "out of scope SCOPE"; audited, one line per criterion result
     * ("CODE VERDICT date ids", the code without its AUDIT_ prefix, "undated" for an undated act) and, when she had
     * breast surgery of the primary, "breast surgeries N, conserving M".
     */
    public static List<String> of(PatientResult p) {
        if (!p.audited()) return List.of("out of scope " + p.scope());
        List<String> lines = new ArrayList<>();
        for (CriterionResult c : p.criteria()) {
            lines.add(c.code().replaceFirst("^AUDIT_", "") + " " + c.verdict() + " " + (c.date() == null ? "undated" : c.date())
                    + " " + String.join(" ", c.resourceIds()));
        }
        if (p.breastSurgeries() > 0) lines.add("breast surgeries " + p.breastSurgeries() + ", conserving " + p.breastConserving());
        return lines;
    }
}

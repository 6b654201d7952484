package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.primum.fhir.terminology.Profiles;

/**
 * Whether a Condition is a diagnosis the record may count. Refuted and entered-in-error ones are as if not recorded;
 * so are tentative ones (FHIR R4 unconfirmed "not sufficient evidence to treat this as a confirmed condition",
 * provisional, differential; the ICD-10-GM certainty "V", suspected: ValueSet tentative-diagnosis), with a note: the
 * catalogue's dnMBC is a metastasis diagnosed, and a suspected one under work-up must neither make a patient
 * metastatic nor break bone-only. German records give the certainty on the code's coding instead of a verification
 * status ("A", excluded: read as refuted; ValueSet excluded-diagnosis-certainty); a verification status decides first.
 */
final class DiagnosisCertainty {
    /** The code system of Condition.verificationStatus (required binding): assumed when a coding leaves it out. */
    private static final String VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private final MappingContext ctx;

    DiagnosisCertainty(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** Whether {@code c} is left out of the record (a tentative diagnosis with a note). */
    boolean leftOut(Condition c) {
        for (Coding status : c.getVerificationStatus().getCoding()) {
            if (!status.hasCode()) continue;
            String code = status.getCode();
            if ("refuted".equals(code) || "entered-in-error".equals(code)) return true;
            return tentative(c, status.hasSystem() ? status.getSystem() : VERIFICATION_STATUS, code);
        }
        for (Coding k : c.getCode().getCoding()) {
            for (Extension e : k.getExtension()) {
                if (!(e.getValue() instanceof Coding certainty)) continue;
                if (ctx.t.contains(Profiles.EXCLUDED_DIAGNOSIS_CERTAINTY, certainty.getSystem(), certainty.getCode())) return true;
                if (tentative(c, certainty.getSystem(), certainty.getCode())) return true;
            }
        }
        return false;
    }

    private boolean tentative(Condition c, String system, String code) {
        if (!ctx.t.contains(Profiles.TENTATIVE_DIAGNOSIS, system, code)) return false;
        ctx.report.note("tentative diagnosis", "A diagnosis not confirmed (verification status unconfirmed, provisional or "
                + "differential, or a suspected diagnosis) was left out: it does not count until confirmed.", ctx.id(c));
        return true;
    }
}

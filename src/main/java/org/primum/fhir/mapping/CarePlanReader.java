package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ProcedureKind;
import org.primum.fhir.terminology.Profiles;

/**
 * Pass 4, CarePlans: a plan a tumour board made (the German MII "Tumorkonferenz": its profile, mapping setting
 * tumour-board-profile, or its category, ValueSet tumour-board-care-plan) records a multidisciplinary review on the
 * date the plan was created (catalogue F AUDIT_MULTIDISCIPLINARY_DISCUSSION). A plan revoked or entered in error
 * records none. Other CarePlans are not read.
 */
final class CarePlanReader {
    private final MappingContext ctx;

    CarePlanReader(MappingContext ctx) {
        this.ctx = ctx;
    }

    void read(CarePlan c) {
        CarePlan.CarePlanStatus s = c.getStatus();
        if (s == CarePlan.CarePlanStatus.REVOKED || s == CarePlan.CarePlanStatus.ENTEREDINERROR) return;
        Coding category = tumourBoardCategory(c);
        if (category == null && !hasTumourBoardProfile(c)) return;
        String code = category == null ? null : category.getCode();
        ctx.out.procedures.add(new ProcedureDone(ctx.id(c), ProcedureKind.TUMOUR_BOARD_REVIEW, code, null, false,
                ctx.dates.date(c.getCreatedElement())));
    }

    private Coding tumourBoardCategory(CarePlan c) {
        for (CodeableConcept cc : c.getCategory()) {
            for (Coding k : cc.getCoding()) {
                if (ctx.t.contains(Profiles.TUMOUR_BOARD_CARE_PLAN, k.getSystem(), k.getCode())) return k;
            }
        }
        return null;
    }

    /** Any version of the profile (a canonical may carry "|version"). */
    private boolean hasTumourBoardProfile(CarePlan c) {
        return ctx.t.tumourBoardProfiles().stream().anyMatch(url -> Codings.hasProfile(c, url));
    }
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.primum.facts.Laterality;
import org.primum.fhir.terminology.Terminology;

import java.util.List;

/**
 * The side of a tumour or a procedure: from the body site (its laterality qualifier extension, as mCODE
 * writes it, else a lateralised structure code), else from the code itself (C50.912, "mastectomy of
 * right breast", or the side an extension of the coding names). Left and right together are bilateral.
 */
final class Lateralities {
    private final Terminology t;

    Lateralities(Terminology t) {
        this.t = t;
    }

    /** A Condition's side: its body sites first, then its code. */
    Laterality of(List<CodeableConcept> bodySites, CodeableConcept code) {
        Laterality side = ofBodySites(bodySites);
        if (side != null) return side;
        return ofCode(code);
    }

    /** A procedure's side: a bilateral code stays bilateral; a site on the other side than the code makes it bilateral. */
    Laterality ofProcedure(List<CodeableConcept> bodySites, CodeableConcept code) {
        Laterality side = ofCode(code);
        if (side == Laterality.BILATERAL) return side;
        Laterality site = ofBodySites(bodySites);
        if (site == null) return side;
        if (side == null || side == site) return site;
        return Laterality.BILATERAL;
    }

    private Laterality ofCode(CodeableConcept code) {
        for (Coding k : code.getCoding()) {
            Laterality l = t.laterality(k.getSystem(), k.getCode());
            if (l != null) return l;
            // a side written on the coding itself (German records: ICD-10-GM and OPS with the Seitenlokalisation R/L/B)
            for (Extension ext : k.getExtension()) {
                if (ext.getValue() instanceof Coding side && (l = t.laterality(side.getSystem(), side.getCode())) != null) return l;
            }
        }
        return null;
    }

    private Laterality ofBodySites(List<CodeableConcept> sites) {
        Laterality found = null;
        for (CodeableConcept b : sites) {
            Laterality l = null;
            for (Extension ext : b.getExtension()) {
                if (ext.getValue() instanceof CodeableConcept q) {
                    for (Coding k : q.getCoding()) {
                        Laterality x = t.laterality(k.getSystem(), k.getCode());
                        if (x != null) l = x;
                    }
                }
            }
            if (l == null) {
                for (Coding k : b.getCoding()) {
                    Laterality x = t.laterality(k.getSystem(), k.getCode());
                    if (x != null) l = x;
                }
            }
            if (l != null) found = found == null || found == l ? l : Laterality.BILATERAL;
        }
        return found;
    }
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.primum.fhir.terminology.Terminology;

import java.util.List;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * A symptom of the breast tumour itself (pain, ulceration, bleeding, fungation...) in a Condition or an
 * Observation (catalogue "symptomatic primary"): the symptom must be located at the breast, chest wall or
 * axilla, by its body site or by a code that names it. A body site elsewhere (bone, head) rules it out,
 * whatever the code or text says; without a body site, a code of the breast (53430007 breast pain) or words
 * naming the breast count, and a bare "pain" does not: a symptom of unknown site would silence the safety
 * checks (deferral, progression), so it is not taken as the primary's.
 */
final class Symptoms {
    private enum Site { LOCOREGIONAL, ELSEWHERE, NONE }

    private final Terminology t;

    Symptoms(Terminology t) {
        this.t = t;
    }

    /** The symptom ("pain", "ulceration"...), or null. */
    String of(CodeableConcept code, List<CodeableConcept> bodySites) {
        Site site = site(bodySites);
        if (site == Site.ELSEWHERE) return null;
        for (Coding k : code.getCoding()) {
            // the codes of the primary-symptom map name the breast themselves
            String s = t.symptom(k.getSystem(), k.getCode());
            if (s != null) return s;
        }
        String s = t.symptomByText(allText(code));
        if (s == null) return null;
        return site == Site.LOCOREGIONAL || t.mentionsBreastSite(allText(code)) ? s : null;
    }

    /** A symptom (by code or words) whose body site is somewhere other than the breast, chest wall or axilla. */
    boolean elsewhere(CodeableConcept code, List<CodeableConcept> bodySites) {
        if (site(bodySites) != Site.ELSEWHERE) return false;
        for (Coding k : code.getCoding()) {
            if (t.symptom(k.getSystem(), k.getCode()) != null) return true;
        }
        return t.symptomByText(allText(code)) != null;
    }

    /** Where the body sites put the symptom: the breast, chest wall or regional nodes; somewhere else; or nowhere said. */
    private Site site(List<CodeableConcept> bodySites) {
        boolean any = false;
        for (CodeableConcept b : bodySites) {
            if (b.isEmpty()) continue;
            any = true;
            for (Coding k : b.getCoding()) {
                if (t.locoregionalRegion(k.getSystem(), k.getCode()) != null) return Site.LOCOREGIONAL;
            }
            if (t.mentionsBreastSite(allText(b))) return Site.LOCOREGIONAL;
        }
        return any ? Site.ELSEWHERE : Site.NONE;
    }
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.primum.fhir.terminology.Terminology;

import java.util.List;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * A symptom of the breast tumour itself (pain, ulceration, bleeding, fungation...) in a Condition or an
 * Observation: by code, or by its words together with a breast or chest-wall site (in the body site or
 * the text), since "ulcer" alone could be anywhere.
 */
final class Symptoms {
    private final Terminology t;

    Symptoms(Terminology t) {
        this.t = t;
    }

    /** The symptom ("pain", "ulceration"...), or null. */
    String of(CodeableConcept code, List<CodeableConcept> bodySites) {
        for (Coding k : code.getCoding()) {
            String s = t.symptom(k.getSystem(), k.getCode());
            if (s != null) return s;
        }
        String text = allText(code);
        String s = t.symptomByText(text);
        if (s == null) return null;
        boolean breastSite = false;
        for (CodeableConcept b : bodySites) {
            for (Coding k : b.getCoding()) {
                String region = t.locoregionalRegion(k.getSystem(), k.getCode());
                if ("breast".equals(region) || "chest-wall".equals(region)) breastSite = true;
            }
            if (!breastSite && t.mentionsBreastSite(allText(b))) breastSite = true;
        }
        return breastSite || t.mentionsBreastSite(text) ? s : null;
    }
}

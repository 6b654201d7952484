package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.primum.fhir.terminology.Terminology;

import java.util.Optional;

/**
 * mCODE 4.0.0's histology-morphology-behavior extension on a Condition (both cancer-condition profiles slice it:
 * {@code Condition.extension:histologyMorphologyBehavior}, valueCodeableConcept from mcode-histology-morphology-behavior-vs,
 * a SNOMED CT morphology or an ICD-O-3 morphology whose behaviour suffix is /3 for a primary and /6 for a secondary
 * cancer). Read for the behaviour only, through the same ValueSets as a morphology written as the code:
 * metastatic (secondary-malignancy-site-by-body-site: 128462008, 14799000, ICD-O-3 /6), malignant of primary site
 * (malignant-neoplasm-site-by-body-site: ICD-O-3 8000-8589/3, the SNOMED carcinoma morphologies), or uncertain
 * (uncertain-primary-or-metastatic-morphology: ICD-O-3 /9, which says neither: never guessed).
 */
final class Histology {
    static final String URL = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";

    enum Behaviour { PRIMARY, METASTATIC, UNCERTAIN }

    /** The behaviour the extension gives, and the morphology coding that gave it. */
    record Read(Behaviour behaviour, Coding coding) {
    }

    private Histology() {
    }

    static Optional<Read> of(Condition c, Terminology t) {
        for (Extension e : c.getExtension()) {
            if (!URL.equals(e.getUrl()) || !(e.getValue() instanceof CodeableConcept cc)) continue;
            for (Coding k : cc.getCoding()) {
                if (t.isGenericSecondary(k.getSystem(), k.getCode())) return Optional.of(new Read(Behaviour.METASTATIC, k));
                if (t.isUncertainPrimaryOrMetastatic(k.getSystem(), k.getCode())) return Optional.of(new Read(Behaviour.UNCERTAIN, k));
                if (t.isGenericMalignancy(k.getSystem(), k.getCode())) return Optional.of(new Read(Behaviour.PRIMARY, k));
            }
        }
        return Optional.empty();
    }
}

package org.primum;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.primum.facts.Thresholds;

/**
 * Everything an operator may tune. The clinical thresholds default to the catalogue's definitions;
 * change them in application.properties or with environment variables (PRIMUM_THRESHOLDS_...).
 */
@ConfigMapping(prefix = "primum")
public interface PrimumConfig {

    KnowledgeBase knowledgeBase();

    ClinicalThresholds thresholds();

    /** Largest request body accepted, in bytes (default 5 MB); larger bodies get 413. */
    @WithDefault("5242880")
    long maxBodyBytes();

    interface KnowledgeBase {
        /** Folder with the DRL files, citations.json and VERSION. */
        @WithDefault("rules")
        String rulesDir();

        /** Folder with the ValueSets and ConceptMaps the mapping recognises codes with. */
        @WithDefault("fhir-profiles")
        String profilesDir();
    }

    interface ClinicalThresholds {
        /** Metastasis within this many days of the primary diagnosis is de novo; later is recurrent. */
        @WithDefault("90")
        int deNovoWindowDays();

        /** Weeks of systemic therapy before locoregional therapy is weighed (start of the response window). */
        @WithDefault("16")
        int responseWindowMinWeeks();

        @WithDefault("32")
        int responseWindowMaxWeeks();

        /** At most this many lesions in a single organ is oligometastatic. */
        @WithDefault("3")
        int oligometastaticMaxLesions();

        /** ECOG at or above this is poor performance status. */
        @WithDefault("3")
        int poorEcogMin();

        /** Karnofsky at or below this is poor performance status. */
        @WithDefault("40")
        int poorKarnofskyMax();

        /** A distant lesion first recorded later than this many weeks after therapy start is a new lesion (progression). */
        @WithDefault("4")
        int newLesionGraceWeeks();

        default Thresholds toFact() {
            return new Thresholds(deNovoWindowDays(), responseWindowMinWeeks(), responseWindowMaxWeeks(),
                    oligometastaticMaxLesions(), poorEcogMin(), poorKarnofskyMax(), newLesionGraceWeeks());
        }
    }
}

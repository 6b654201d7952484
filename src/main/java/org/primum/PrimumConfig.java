package org.primum;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.primum.facts.Thresholds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything an operator may tune. The clinical thresholds are part of the knowledge base
 * ({@code rules/thresholds.properties}); {@link #thresholds()} only overrides some of them.
 */
@ConfigMapping(prefix = "primum")
public interface PrimumConfig {

    KnowledgeBase knowledgeBase();

    /** Overrides of the knowledge base's thresholds (none by default). */
    ClinicalThresholds thresholds();

    /** Largest request body accepted, in bytes (default 5 MB); larger bodies get 413. */
    @WithDefault("5242880")
    long maxBodyBytes();

    Startup startup();

    interface Startup {
        /** Evaluate a built-in synthetic record once in the background at start-up (see PipelineWarmUp). */
        @WithDefault("true")
        boolean warmUp();
    }

    interface KnowledgeBase {
        /** Folder with the DRL files, citations.json, thresholds.properties and VERSION. */
        @WithDefault("rules")
        String rulesDir();

        /** Folder with the ValueSets and ConceptMaps the mapping recognises codes with. */
        @WithDefault("fhir-profiles")
        String profilesDir();
    }

    /**
     * Overrides of the clinical thresholds, each optional: the values are defined once, in the knowledge
     * base ({@code rules/thresholds.properties}, where each is explained); set one here
     * ({@code primum.thresholds.response-window-min-weeks=20}) or in the environment
     * ({@code PRIMUM_THRESHOLDS_RESPONSE_WINDOW_MIN_WEEKS=20}) only to depart from the catalogue. The
     * names are those of {@link Thresholds}, kebab-cased.
     */
    interface ClinicalThresholds {
        OptionalInt deNovoWindowDays();

        OptionalInt responseWindowMinWeeks();

        OptionalInt responseWindowMaxWeeks();

        OptionalInt responseAssessmentMinWeeks();

        OptionalInt oligometastaticMaxLesions();

        OptionalInt poorEcogMin();

        OptionalInt poorKarnofskyMax();

        OptionalInt therapyHistoryMarginDays();

        OptionalInt progressionGrowthMinPercent();

        OptionalInt radiotherapyCourseGapDays();

        /** The thresholds set in the configuration, by their {@link Thresholds} name (for {@code KnowledgeBase.load}). */
        default Map<String, Integer> overrides() {
            Map<String, Integer> set = new LinkedHashMap<>();
            deNovoWindowDays().ifPresent(v -> set.put("deNovoWindowDays", v));
            responseWindowMinWeeks().ifPresent(v -> set.put("responseWindowMinWeeks", v));
            responseWindowMaxWeeks().ifPresent(v -> set.put("responseWindowMaxWeeks", v));
            responseAssessmentMinWeeks().ifPresent(v -> set.put("responseAssessmentMinWeeks", v));
            oligometastaticMaxLesions().ifPresent(v -> set.put("oligometastaticMaxLesions", v));
            poorEcogMin().ifPresent(v -> set.put("poorEcogMin", v));
            poorKarnofskyMax().ifPresent(v -> set.put("poorKarnofskyMax", v));
            therapyHistoryMarginDays().ifPresent(v -> set.put("therapyHistoryMarginDays", v));
            progressionGrowthMinPercent().ifPresent(v -> set.put("progressionGrowthMinPercent", v));
            radiotherapyCourseGapDays().ifPresent(v -> set.put("radiotherapyCourseGapDays", v));
            return set;
        }
    }
}

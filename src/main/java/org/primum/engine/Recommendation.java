package org.primum.engine;

import java.util.List;

/** One recommendation of the answer, with everything a clinician needs to see why. */
public record Recommendation(String code, String title, String statement, Indicator indicator, String evidenceLevel,
                             String section, List<Citation> citations, List<Because> because, String rule,
                             String knowledgeBaseVersion) {

    /** A fact behind the recommendation and the FHIR resources it came from. */
    public record Because(String fact, String description, List<String> resourceIds) {
    }
}

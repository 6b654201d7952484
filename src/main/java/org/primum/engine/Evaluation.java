package org.primum.engine;

import org.primum.facts.CaseFacts;

import java.util.List;

/** The engine's answer for one case: recommendations, most urgent first, and what data is missing. */
public record Evaluation(String knowledgeBaseVersion, CaseFacts facts, List<Recommendation> recommendations,
                         List<MissingData> missingData) {

    public List<String> codes() {
        return recommendations.stream().map(Recommendation::code).toList();
    }
}

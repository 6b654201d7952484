package org.primum.cdshooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** {@code POST /cds-services/{id}/feedback} body: {@code {"feedback": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackRequest(List<Item> feedback) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String card, String outcome, List<AcceptedSuggestion> acceptedSuggestions,
                       OverrideReason overrideReason, String outcomeTimestamp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AcceptedSuggestion(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverrideReason(Coding reason, String userComment) {
    }
}

package org.primum.cdshooks.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A CDS Hooks card. {@code summary} stays under 140 characters; {@code detail} is GitHub-flavoured
 * markdown; {@code selectionBehavior} is set exactly when there are suggestions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(String uuid, String summary, String detail, String indicator, Source source,
                   List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons,
                   List<Link> links) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String label, String url, String icon, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
    }

    /** {@code resource} is a FHIR resource already serialised to a JSON tree. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String type, String description, Object resource, String resourceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String label, String url, String type, String appContext) {
    }
}

package org.primum.facts;

import java.util.List;

/**
 * A part of the FHIR record that is invalid (an impossible date, a JSON type where FHIR expects another, two
 * values of one choice element, a code outside a required binding, a resource type R4 does not know) and was
 * left out of the evaluation when the record was read leniently. {@code location} names the element inside
 * the whole input ({@code Bundle.entry[4].resource.value[x]},
 * {@code prefetch.observations.entry[2].resource.effectiveDateTime}); {@code leftOut} says whether the
 * element alone or its whole resource was left out (the whole resource when the mapping reads that element:
 * a record read in part could say something its source does not). {@code sourceIds}: the resource
 * ({@code Type/id}) when its id is known. {@code problem} says what is wrong without quoting the value.
 */
public record InvalidElement(String location, String resourceType, String problem, LeftOut leftOut,
                             List<String> sourceIds) implements Fact {

    /** What was left out of the evaluation. */
    public enum LeftOut {
        /** The invalid element only; the rest of its resource was read. */
        ELEMENT,
        /** The whole resource holding the invalid element. */
        RESOURCE
    }

    public InvalidElement {
        sourceIds = List.copyOf(sourceIds);
    }

    @Override
    public String describe() {
        String resource = !sourceIds.isEmpty() ? sourceIds.get(0) : (resourceType != null ? resourceType : "resource") + " (no id)";
        return (leftOut == LeftOut.RESOURCE ? resource + " left out of the evaluation: "
                : "An element of " + resource + " left out of the evaluation: ") + problem + " at " + location;
    }
}

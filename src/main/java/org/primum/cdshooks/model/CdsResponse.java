package org.primum.cdshooks.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The answer to a hook call: {@code {"cards": [...]}} plus {@code systemActions} when there are any.
 * {@code cards} is always present (also when empty); an empty {@code systemActions} is left out, as
 * HL7's CDSHooksResponse logical model asks (json-empty-behavior present / absent).
 */
public record CdsResponse(List<Card> cards,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Card.Action> systemActions) {
    public static CdsResponse of(List<Card> cards) {
        return new CdsResponse(List.copyOf(cards), List.of());
    }
}

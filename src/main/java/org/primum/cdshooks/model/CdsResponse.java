package org.primum.cdshooks.model;

import java.util.List;

/** The answer to a hook call: {@code {"cards": [...], "systemActions": []}}. */
public record CdsResponse(List<Card> cards, List<Card.Action> systemActions) {
    public static CdsResponse of(List<Card> cards) {
        return new CdsResponse(List.copyOf(cards), List.of());
    }
}

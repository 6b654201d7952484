package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules are given: the facts as understood on {@code asOf} (records dated after it removed,
 * the latest result of each kind chosen, the catalogue's definitions applied), plus the notes and
 * unrecognised codes the answer must show.
 */
public record CaseFacts(LocalDate asOf, List<Fact> facts, List<MappingNote> notes, List<UnrecognisedCode> unrecognised) {
    public CaseFacts {
        facts = List.copyOf(facts);
        notes = List.copyOf(notes);
        unrecognised = List.copyOf(unrecognised);
    }

    public <T extends Fact> List<T> all(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends Fact> java.util.Optional<T> first(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}

package org.primum.cdshooks;

import java.nio.file.Path;

/**
 * The CDS Hooks service's own part of {@code fhir-profiles/}: what the order checks suggest and the
 * override reasons of the cards. Read once at start-up ({@link CdsProfilesProducer}); immutable.
 */
public record CdsProfiles(OrderSuggestionMap orderSuggestions, OverrideReasons overrideReasons) {

    /** Reads both files from the profiles folder; a missing or invalid one throws {@link IllegalStateException}. */
    public static CdsProfiles load(Path profilesDir) {
        return new CdsProfiles(OrderSuggestionMap.read(profilesDir), OverrideReasons.read(profilesDir));
    }
}

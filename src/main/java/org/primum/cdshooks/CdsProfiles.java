package org.primum.cdshooks;

import java.nio.file.Path;

/**
 * The CDS Hooks service's own part of {@code fhir-profiles/}: what the order checks suggest, the override
 * reasons of the cards, the codes after which a patient gets no card ({@value #NO_CARD_FILE}), the order of
 * the recommendations in a grouped card ({@value #GROUP_LEAD_ORDER_FILE}) and the data gaps the order hooks show beside a
 * locoregional order of the primary ({@value #ORDER_DATA_GAPS_FILE}). Read once at start-up
 * ({@link CdsProfilesProducer}); immutable.
 */
public record CdsProfiles(OrderSuggestionMap orderSuggestions, OverrideReasons overrideReasons, CatalogueCodes noCard,
                          CatalogueCodes groupLeadOrder, CatalogueCodes orderDataGaps) {
    public static final String NO_CARD_FILE = "ValueSet-cds-no-card.json";
    public static final String GROUP_LEAD_ORDER_FILE = "ValueSet-cds-group-lead-order.json";
    public static final String ORDER_DATA_GAPS_FILE = "ValueSet-cds-order-data-gaps.json";

    /** Reads the files from the profiles folder; a missing or invalid one throws {@link IllegalStateException}. */
    public static CdsProfiles load(Path profilesDir) {
        return new CdsProfiles(OrderSuggestionMap.read(profilesDir), OverrideReasons.read(profilesDir),
                CatalogueCodes.read(profilesDir, NO_CARD_FILE), CatalogueCodes.read(profilesDir, GROUP_LEAD_ORDER_FILE),
                CatalogueCodes.read(profilesDir, ORDER_DATA_GAPS_FILE));
    }
}

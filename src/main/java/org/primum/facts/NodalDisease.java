package org.primum.facts;

import java.time.LocalDate;

/**
 * A secondary cancer in lymph nodes that is not by itself distant disease (catalogue "distant vs regional"):
 * regional nodes (ipsilateral axillary, internal mammary, supra/infraclavicular; {@code ambiguous} false,
 * {@code side} from the body site), or a node record whose code and body site do not settle regional versus
 * distant ({@code ambiguous} true: ICD-10-CM C77.0, C77.1, C77.9 without a body site). ClinicalInterpreter
 * makes a contralateral one, and an ambiguous one with a cM1/pM1 or stage IV, distant.
 */
public record NodalDisease(String sourceId, boolean ambiguous, Laterality side, String display, LocalDate onset) {
}

package org.primum.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A primary breast cancer of the record that is not the one the metastatic presentation is about: an earlier
 * cancer (years before, treated then) beside the primary diagnosed with the metastasis. History, like
 * {@link TherapyHistory}: shown, so the clinician sees it was read, but its side is not "the primary's side" (a
 * mastectomy of that breast now is of the breast opposite the primary; its axillary nodes now are contralateral).
 */
public record EarlierPrimary(String sourceId, String code, String display, LocalDate diagnosed, DateBasis dateBasis,
                             Laterality laterality) implements Fact {
    public static EarlierPrimary of(PrimaryTumour p) {
        return new EarlierPrimary(p.sourceId(), p.code(), p.display(), p.diagnosed(), p.dateBasis(), p.laterality());
    }

    public List<String> sourceIds() { return List.of(sourceId); }

    public String describe() {
        return "earlier primary breast cancer" + (laterality == null ? "" : " (" + laterality.name().toLowerCase() + ")")
                + (diagnosed == null ? "" : ", diagnosed " + diagnosed)
                + ": history, not the cancer the metastatic disease was diagnosed with";
    }
}

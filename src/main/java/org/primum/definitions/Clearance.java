package org.primum.definitions;

import org.primum.facts.DistantClearance;
import org.primum.facts.Metastasis;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ProcedureKind;
import org.primum.facts.Response;
import org.primum.facts.ResponseAssessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Resection of the primary would leave no evidence of disease" (catalogue "ablated metastasis"): every known
 * distant site ablated (metastasectomy, SBRT/SRS, thermal or chemical ablation aimed at that site), or the
 * distant disease assessed as no evidence of disease (a status about some metastases only clears those). Palliative radiotherapy of a metastasis is not ablation;
 * an ablation whose target site is not recorded ablates no known site, and a metastasis without a site is
 * never cleared.
 */
final class Clearance {

    /**
     * @param assessedOnly the metastasis records a "no evidence of disease" status names; empty: it speaks of the
     *                     distant disease as a whole. A status about some metastases clears those records only: the
     *                     others must be ablated or assessed too ("every known distant site").
     */
    static Optional<DistantClearance> of(List<Metastasis> metastases, List<ProcedureDone> procedures, Optional<ResponseAssessment> distant,
                                         List<String> assessedOnly) {
        List<ProcedureDone> ablations = procedures.stream().filter(p -> p.kind() == ProcedureKind.METASTASIS_ABLATION).toList();
        boolean ned = distant.map(d -> d.response() == Response.NO_EVIDENCE_OF_DISEASE).orElse(false);
        if (metastases.isEmpty() || (ablations.isEmpty() && !ned)) return Optional.empty();
        boolean nedOfAll = ned && (assessedOnly.isEmpty() || metastases.stream().allMatch(m -> assessedOnly.contains(m.sourceId())));
        List<String> ablated = ablations.stream().map(ProcedureDone::site).filter(Objects::nonNull).distinct().sorted().toList();
        List<String> residual = metastases.stream().filter(m -> !(ned && assessedOnly.contains(m.sourceId())))
                .map(Metastasis::site).distinct().filter(s -> !ablated.contains(s)).sorted().toList();
        boolean clear = nedOfAll || residual.isEmpty();
        List<String> ids = new ArrayList<>();
        ablations.forEach(a -> ids.add(a.sourceId()));
        if (ned) ids.addAll(distant.get().sourceIds());
        String basis = nedOfAll ? "distant disease assessed as no evidence of disease"
                : ned && residual.isEmpty() ? "every distant site ablated or assessed as no evidence of disease"
                + (ablated.isEmpty() ? "" : " (ablated: " + String.join(", ", ablated) + ")")
                : ned ? "no evidence of disease assessed for some metastases only; neither ablated nor assessed: " + String.join(", ", residual)
                : residual.isEmpty() ? "every distant site ablated (" + String.join(", ", ablated) + ")"
                : "not ablated: " + String.join(", ", residual);
        return Optional.of(new DistantClearance(clear, ablated, nedOfAll ? List.of() : residual, basis, ids));
    }

    private Clearance() {
    }
}

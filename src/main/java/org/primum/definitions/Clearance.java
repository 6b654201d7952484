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
 * distant disease assessed as no evidence of disease. Palliative radiotherapy of a metastasis is not ablation;
 * an ablation whose target site is not recorded ablates no known site, and a metastasis without a site is
 * never cleared.
 */
final class Clearance {

    static Optional<DistantClearance> of(List<Metastasis> metastases, List<ProcedureDone> procedures, Optional<ResponseAssessment> distant) {
        List<ProcedureDone> ablations = procedures.stream().filter(p -> p.kind() == ProcedureKind.METASTASIS_ABLATION).toList();
        boolean ned = distant.map(d -> d.response() == Response.NO_EVIDENCE_OF_DISEASE).orElse(false);
        if (metastases.isEmpty() || (ablations.isEmpty() && !ned)) return Optional.empty();
        List<String> ablated = ablations.stream().map(ProcedureDone::site).filter(Objects::nonNull).distinct().sorted().toList();
        List<String> residual = metastases.stream().map(Metastasis::site).distinct().filter(s -> !ablated.contains(s)).sorted().toList();
        boolean clear = ned || residual.isEmpty();
        List<String> ids = new ArrayList<>();
        ablations.forEach(a -> ids.add(a.sourceId()));
        if (ned) ids.addAll(distant.get().sourceIds());
        String basis = ned ? "distant disease assessed as no evidence of disease"
                : residual.isEmpty() ? "every distant site ablated (" + String.join(", ", ablated) + ")"
                : "not ablated: " + String.join(", ", residual);
        return Optional.of(new DistantClearance(clear, ablated, ned ? List.of() : residual, basis, ids));
    }

    private Clearance() {
    }
}

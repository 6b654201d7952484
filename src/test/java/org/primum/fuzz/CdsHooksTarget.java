package org.primum.fuzz;

import org.primum.cdshooks.CdsServiceCatalog;
import org.primum.cdshooks.TestJwt;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * {@code POST /cds-services/{id}} for the three hooks, with prefetch and draft orders, damaged; each call
 * signed with a valid client JWT of the test EHR (fresh {@code jti}, {@code aud} the URL called), as an EHR does,
 * so that the damaged body, not the token, is what the service judges.
 */
final class CdsHooksTarget implements Target {
    private final URI base;
    private final TestJwt keys = TestJwt.shared();
    private final List<Seeds.Seed> seeds = Seeds.hookRequests();

    CdsHooksTarget(URI base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "cds-hooks";
    }

    @Override
    public List<Seeds.Seed> seeds() {
        return seeds;
    }

    @Override
    public Mutant.Shape shape() {
        return Mutant.Shape.JSON;
    }

    @Override
    public Answer send(Seeds.Seed seed, byte[] input) throws Exception {
        String hook = seed.name().substring(0, seed.name().indexOf(' '));
        String path = "/cds-services/" + switch (hook) {
            case "patient-view" -> CdsServiceCatalog.PATIENT_VIEW;
            case "order-select" -> CdsServiceCatalog.ORDER_SELECT;
            default -> CdsServiceCatalog.ORDER_SIGN;
        };
        URI uri = base.resolve(path);
        HttpResponse<byte[]> r = Http.post(uri, "application/json", input, "Authorization", keys.token(uri.toString()).header());
        return Answer.http(r.statusCode(), r.body());
    }
}

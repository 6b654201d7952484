package org.primum.fuzz;

import org.primum.cdshooks.CdsServiceCatalog;
import org.primum.cdshooks.TestJwt;

import java.net.URI;
import java.net.http.HttpResponse;

/**
 * {@code POST /cds-services/{id}} for the three hooks, with prefetch and draft orders, damaged; each call
 * signed with a valid client JWT of the test EHR (fresh {@code jti}, {@code aud} the URL called), as an EHR does,
 * so that the damaged body, not the token, is what the service judges.
 */
final class CdsHooksTarget extends Target {
    private final URI base;
    private final TestJwt keys = TestJwt.shared();

    CdsHooksTarget(URI base) {
        super("cds-hooks", Seeds.hookRequests(), Mutant.Shape.JSON);
        this.base = base;
    }

    /** Half the calls read the prefetch strictly ({@code Prefer: handling=strict}: invalid FHIR is a 400, not left out). */
    private static boolean strict(FuzzCase c) {
        return Math.floorMod(c.salt(), 2L) == 1;
    }

    @Override
    String variant(FuzzCase c) {
        return strict(c) ? "Prefer handling=strict" : "";
    }

    @Override
    Answer send(Seeds.Seed seed, FuzzCase c, byte[] input) throws Exception {
        String hook = seed.name().substring(0, seed.name().indexOf(' '));
        String path = "/cds-services/" + switch (hook) {
            case "patient-view" -> CdsServiceCatalog.PATIENT_VIEW;
            case "order-select" -> CdsServiceCatalog.ORDER_SELECT;
            default -> CdsServiceCatalog.ORDER_SIGN;
        };
        URI uri = base.resolve(path);
        String token = keys.token(uri.toString()).header();
        HttpResponse<byte[]> r = strict(c) ? Http.post(uri, "application/json", input, "Authorization", token, "Prefer", "handling=strict")
                : Http.post(uri, "application/json", input, "Authorization", token);
        return Answer.http(r.statusCode(), r.body());
    }
}

package org.primum.cdshooks;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.primum.api.OperationOutcomes;

/** The one answer to every failed client authentication (CDS Hooks 2.0: no detail leaks to the caller). */
public final class CdsErrors {
    private CdsErrors() {
    }

    /** The same 401 for every authentication failure: the reason goes to the log, never to the caller. */
    public static Response unauthorized() {
        return Response.fromResponse(OperationOutcomes.response(401, "security", "authentication failed", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}

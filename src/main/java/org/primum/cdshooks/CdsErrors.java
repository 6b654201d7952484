package org.primum.cdshooks;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.primum.api.OperationOutcomes;
import org.primum.api.RequestLog;

/**
 * Error answers of the CDS Hooks endpoints: FHIR OperationOutcomes built by the shared
 * {@link OperationOutcomes} helper (other errors, such as an {@code InvalidInputException} from the
 * mapping, go through the shared {@code org.primum.api} mappers).
 */
public class CdsErrors {
    private static final Logger LOG = Logger.getLogger(CdsErrors.class);

    public static Response response(CdsHookException e) {
        Response r = OperationOutcomes.response(e.status(), e.issueCode(), e.getMessage(), e.location());
        return e.status() == 401 ? Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build() : r;
    }

    /** The same 401 for every authentication failure: the reason goes to the log, never to the caller. */
    public static Response unauthorized() {
        return response(new CdsHookException(401, "security", "authentication failed"));
    }

    @ServerExceptionMapper
    public Response map(CdsHookException e, ContainerRequestContext request) {
        // status, issue code and location are logged; the message is not (it can name request values)
        LOG.infof("request %s %s %s -> %d %s%s", RequestLog.id(request), request.getMethod(), request.getUriInfo().getPath(),
                e.status(), e.issueCode(), e.location() == null ? "" : " at " + e.location());
        return response(e);
    }
}

package org.primum.cdshooks;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error answers of the CDS Hooks endpoints as FHIR OperationOutcome JSON. Kept in one place so that it
 * can switch to the shared {@code org.primum.api} helper without touching the endpoints.
 */
public final class CdsErrors {
    private CdsErrors() {
    }

    public static final String FHIR_JSON = "application/fhir+json";

    public static Map<String, Object> operationOutcome(String issueCode, String diagnostics, String location) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", issueCode);
        issue.put("diagnostics", diagnostics);
        if (location != null) issue.put("expression", List.of(location));
        Map<String, Object> oo = new LinkedHashMap<>();
        oo.put("resourceType", "OperationOutcome");
        oo.put("issue", new ArrayList<>(List.of(issue)));
        return oo;
    }

    public static Response response(CdsHookException e) {
        Response.ResponseBuilder b = Response.status(e.status()).type(FHIR_JSON)
                .entity(operationOutcome(e.issueCode(), e.getMessage(), e.location()));
        if (e.status() == 401) b.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return b.build();
    }

    /** The same 401 for every authentication failure: the reason goes to the log (at debug), never to the caller. */
    public static Response unauthorized() {
        return response(new CdsHookException(401, "security", "authentication failed"));
    }

    @Provider
    public static class Mapper implements ExceptionMapper<CdsHookException> {
        @Override
        public Response toResponse(CdsHookException e) {
            return response(e);
        }
    }
}

package org.primum.cdshooks.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.primum.api.OperationOutcomes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link ClientJwtVerifier} for every endpoint marked {@link ClientJwt}. The expected audience is
 * the URL of the endpoint called: the configured public base URL (or the request's own base) plus the
 * request path; a feedback call may also name its service's URL. Any failure is the same bare 401
 * ({@link #unauthorized()}).
 */
public class ClientJwtFilter {
    private static final Logger LOG = Logger.getLogger(ClientJwtFilter.class);

    private final CdsSecurity security;
    private final CurrentClient current;
    private final Optional<String> publicBase;

    public ClientJwtFilter(CdsSecurity security, CurrentClient current, CdsSecurityConfig config) {
        this.security = security;
        this.current = current;
        this.publicBase = config.publicBaseUrl().map(ClientJwtVerifier::normalise);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) return Optional.empty();
        ClientJwt marker = resource.getResourceMethod().getAnnotation(ClientJwt.class);
        if (marker == null) return Optional.empty();
        if (!security.enabled() || (marker.discovery() && !security.discoveryRequiresAuth())) {
            current.set(ClientIdentity.UNAUTHENTICATED);
            return Optional.empty();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String base = publicBase.orElseGet(() -> ClientJwtVerifier.normalise(request.getUriInfo().getBaseUri().toString()));
        String endpoint = ClientJwtVerifier.normalise(base + (path.startsWith("/") ? path : "/" + path));
        List<String> audiences = endpoint.endsWith("/feedback")
                ? List.of(endpoint, endpoint.substring(0, endpoint.length() - "/feedback".length()))
                : List.of(endpoint);
        try {
            ClientIdentity client = security.verifier().verify(request.getHeaderString(HttpHeaders.AUTHORIZATION), audiences);
            current.set(client);
            return Optional.empty();
        } catch (AuthenticationFailed e) {
            LOG.infof("CDS Hooks call to %s refused: %s (token %s)", path, e.getMessage(),
                    fingerprint(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
            return Optional.of(unauthorized());
        }
    }

    /** The same 401 for every authentication failure (CDS Hooks 2.0): the reason goes to the log, never to the caller. */
    static Response unauthorized() {
        return Response.fromResponse(OperationOutcomes.response(401, "security", "authentication failed", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A short hash, to correlate log lines without logging the token. */
    static String fingerprint(String header) {
        if (header == null) return "-";
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            return "?";
        }
    }
}

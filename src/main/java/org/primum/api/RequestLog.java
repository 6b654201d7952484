package org.primum.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.primum.PrimumConfig;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids, the early size check and the access log. Log lines carry ids, sizes, counts, status
 * codes and body fingerprints only: never names, dates, codes or free text of a patient.
 */
public class RequestLog {

    public static final String HEADER = "X-Request-Id";
    static final String PROPERTY = "primum.requestId";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final Logger LOG = Logger.getLogger(RequestLog.class);

    private final long maxBodyBytes;

    public RequestLog(PrimumConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    /** The request's id: the client's {@code X-Request-Id} when it is a plain token, else a new one. */
    public static String id(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(PROPERTY);
        return id == null ? "-" : id.toString();
    }

    static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    /** Before matching and before the body is read: announced bodies over the limit are refused at once. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> begin(ContainerRequestContext request) {
        String clientId = request.getHeaderString(HEADER);
        String id = clientId != null && CLIENT_ID.matcher(clientId).matches() ? clientId : newId();
        request.setProperty(PROPERTY, id);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long announced;
            try {
                announced = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return Optional.of(OperationOutcomes.response(400, "invalid", "Content-Length is not a number", "Content-Length"));
            }
            if (announced > maxBodyBytes) {
                var tooLarge = RequestBodies.tooLarge(announced, maxBodyBytes);
                LOG.infof("request %s %s %s refused: %d bytes announced, limit %d", id, request.getMethod(),
                        request.getUriInfo().getPath(), announced, maxBodyBytes);
                return Optional.of(OperationOutcomes.response(tooLarge));
            }
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        String id = id(request);
        response.getHeaders().putSingle(HEADER, id);
        LOG.debugf("request %s %s %s -> %d", id, request.getMethod(), request.getUriInfo().getPath(), response.getStatus());
    }
}

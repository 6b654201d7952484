package org.primum.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.primum.input.InvalidInputException;

import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link JsonBody}: a request with a body (POST, PUT, PATCH) to a marked endpoint must announce JSON,
 * else 415 with an OperationOutcome. Runs after authentication (an unauthenticated caller learns nothing
 * about the endpoint's media types) and before the endpoint reads the body.
 */
public class JsonBodyFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(priority = Priorities.HEADER_DECORATOR)
    public Optional<Response> requireJson(ContainerRequestContext request, ResourceInfo resource) {
        if (!WITH_BODY.contains(request.getMethod()) || !marked(resource)) return Optional.empty();
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unparseable) {
            type = null;
        }
        try {
            JsonMediaTypes.require(type);
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(OperationOutcomes.response(e));
        }
    }

    private static boolean marked(ResourceInfo resource) {
        if (resource == null) return false;
        return (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(JsonBody.class))
                || (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(JsonBody.class));
    }
}

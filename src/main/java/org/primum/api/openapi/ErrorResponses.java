package org.primum.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Adds to every operation of the OpenAPI document the errors the api layer gives every endpoint, so that no
 * resource has to repeat them: 405 (with {@code Allow}) and 500 everywhere; 400, 413 and 415 wherever a request
 * body is read. Each refers to the OperationOutcome answer of {@code META-INF/openapi.yaml}; an endpoint that
 * describes one of these codes itself keeps its own. Run when the document is built
 * ({@code mp.openapi.filter}).
 */
public class ErrorResponses implements OASFilter {

    static final Map<String, String> EVERY_OPERATION = Map.of("405", "MethodNotAllowed", "500", "ServerError");
    static final Map<String, String> WITH_A_BODY = Map.of("400", "BadRequest", "413", "PayloadTooLarge", "415", "UnsupportedMediaType");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) continue;
            for (Operation operation : item.getOperations().values()) add(operation);
        }
    }

    private static void add(Operation operation) {
        if (operation.getResponses() == null) operation.setResponses(OASFactory.createAPIResponses());
        APIResponses responses = operation.getResponses();
        EVERY_OPERATION.forEach((status, name) -> addIfAbsent(responses, status, name));
        if (operation.getRequestBody() != null) WITH_A_BODY.forEach((status, name) -> addIfAbsent(responses, status, name));
    }

    private static void addIfAbsent(APIResponses responses, String status, String name) {
        if (!responses.hasAPIResponse(status)) responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
    }
}

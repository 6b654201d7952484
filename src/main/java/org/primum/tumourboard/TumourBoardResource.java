package org.primum.tumourboard;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.primum.api.OperationOutcomes;
import org.primum.api.PreferHandling;
import org.primum.api.RequestLog;
import org.primum.core.Pipeline;

/**
 * {@code POST /tumour-board/evaluate[?asOf=YYYY-MM-DD]}: a FHIR R4 Bundle with one patient's record →
 * the recommendations about locoregional therapy of the intact primary (see {@link TumourBoardAnswer}).
 * Errors are OperationOutcomes (see org.primum.api). Invalid elements of the record are left out and reported
 * (DATA_INVALID_RECORD) unless the client sends {@code Prefer: handling=strict}, which refuses them (400).
 */
@Path("/tumour-board")
public class TumourBoardResource {

    private final TumourBoardService service;

    public TumourBoardResource(TumourBoardService service) {
        this.service = service;
    }

    @POST
    @Path("/evaluate")
    @Consumes({OperationOutcomes.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response evaluate(byte[] body, @RestQuery String asOf, @Context ContainerRequestContext request) {
        Pipeline.Options options = new Pipeline.Options(PreferHandling.of(request.getHeaders().get(PreferHandling.HEADER)));
        TumourBoardAnswer answer = service.evaluate(body, request.getMediaType(), asOf, RequestLog.id(request), options);
        return Response.ok(service.toJson(answer), MediaType.APPLICATION_JSON_TYPE).build();
    }
}

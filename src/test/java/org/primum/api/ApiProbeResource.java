package org.primum.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.primum.fhir.FhirJsonReader;

import java.util.List;
import java.util.Map;

/**
 * Test-only endpoints that exercise the shared error handling independently of any feature:
 * a Jackson-bound body, a FHIR body read with {@link FhirJsonReader}, and a server fault.
 */
@Path("/test-api")
public class ApiProbeResource {

    public record Probe(String name, int count, List<String> items) {
    }

    @POST
    @Path("/json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> json(Probe probe) {
        return Map.of("name", probe.name(), "count", probe.count());
    }

    @POST
    @Path("/fhir")
    @Consumes({OperationOutcomes.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> fhir(byte[] body, HttpHeaders headers) {
        FhirMediaType.check(headers.getMediaType());
        var parsed = new FhirJsonReader().read(body);
        return Map.of("resourceType", parsed.resource().fhirType(), "resources", parsed.resourceCount());
    }

    /** A server fault whose message quotes patient data: the client must not see it, nor the log. */
    @GET
    @Path("/boom")
    @Produces(MediaType.APPLICATION_JSON)
    public String boom() {
        throw new IllegalStateException("SECRET-PATIENT-NAME Jane Example born 1970-01-01",
                new IllegalArgumentException("SECRET-CAUSE"));
    }
}

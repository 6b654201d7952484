package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one place the card code touches the parsed FHIR model: it turns the draft ServiceRequests of a
 * {@link HookCall} (HAPI resources, as the request reader gives them) into {@link DraftOrder}s, plain
 * JSON, so that suggestions and cards are built without a FHIR library. Part of reading the request.
 */
final class DraftOrderReader {
    private DraftOrderReader() {
    }

    /** The draft ServiceRequests named by {@code references} ({@code Type/id}), in the order of the request. */
    static List<DraftOrder> serviceRequests(HookCall call, Set<String> references, ObjectMapper json) {
        List<DraftOrder> out = new ArrayList<>();
        for (Resource d : call.draftOrders()) {
            if (d instanceof ServiceRequest sr && references.contains(HookCall.reference(d))) {
                out.add(new DraftOrder(HookCall.reference(sr), display(sr), tree(sr, json)));
            }
        }
        return out;
    }

    private static String display(ServiceRequest o) {
        if (o.getCode().hasText()) return o.getCode().getText();
        return o.getCode().getCoding().stream().map(Coding::getDisplay).filter(Objects::nonNull).findFirst().orElse("proposed");
    }

    private static ObjectNode tree(ServiceRequest sr, ObjectMapper json) {
        try {
            return (ObjectNode) json.readTree(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(sr));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one place the card code touches the parsed FHIR model: it turns the draft procedure orders of a
 * {@link HookCall} (HAPI resources, as the request reader gives them) into {@link DraftOrder}s, plain
 * JSON, so that suggestions and cards are built without a FHIR library. Part of reading the request. A procedure order
 * is a ServiceRequest, or a Procedure in preparation as some EHRs send their surgical orders (the mapping judges both).
 */
final class DraftOrderReader {
    private DraftOrderReader() {
    }

    /** The draft procedure orders named by {@code references} ({@code Type/id}), in the order of the request. */
    static List<DraftOrder> procedureOrders(HookCall call, Set<String> references, ObjectMapper json) {
        List<DraftOrder> out = new ArrayList<>();
        for (Resource d : call.draftOrders()) {
            if (!references.contains(HookCall.reference(d))) continue;
            if (d instanceof ServiceRequest sr) out.add(new DraftOrder(HookCall.reference(sr), display(sr.getCode()), tree(sr, json)));
            if (d instanceof Procedure p) out.add(new DraftOrder(HookCall.reference(p), display(p.getCode()), tree(p, json)));
        }
        return out;
    }

    private static String display(CodeableConcept code) {
        if (code.hasText()) return code.getText();
        return code.getCoding().stream().map(Coding::getDisplay).filter(Objects::nonNull).findFirst().orElse("proposed");
    }

    private static ObjectNode tree(Resource order, ObjectMapper json) {
        try {
            return (ObjectNode) json.readTree(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(order));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

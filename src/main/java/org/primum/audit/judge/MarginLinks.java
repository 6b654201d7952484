package org.primum.audit.judge;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.audit.read.LocatedResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operation each margin result says it reports on: {@code Observation.partOf} naming a Procedure (FHIR R4's
 * link from a result to the event it is part of). A pathology report often arrives after the next operation (a
 * completion mastectomy a few days after the lumpectomy), so no dating rule can give it to the right one; the
 * link can. Read from the raw resources because the mapped record keeps a margin's value and date only.
 */
final class MarginLinks {
    private MarginLinks() {
    }

    /** Observation source id ("Observation/x") → the Procedure it is partOf ("Procedure/y"), for every Observation that names one. */
    static Map<String, String> of(List<LocatedResource> resources) {
        Map<String, String> links = new HashMap<>();
        for (LocatedResource r : resources) {
            if (!"Observation".equals(r.resourceType())) continue;
            JsonNode json = r.input().json();
            String id = json.path("id").asText(null);
            if (id == null) continue;
            for (JsonNode part : json.path("partOf")) {
                String procedure = procedureId(part.path("reference").asText(null));
                if (procedure != null) {
                    links.put("Observation/" + id, procedure);
                    break;
                }
            }
        }
        return links;
    }

    /**
     * "Procedure/&lt;id&gt;" of a relative, absolute ({@code https://host/fhir/Procedure/1}, with or without
     * {@code _history}) or {@code urn:uuid:} reference (a Bundle's, taken as the Procedure's id as the audit's
     * routing takes a Patient's); null for a reference to anything else.
     */
    static String procedureId(String reference) {
        if (reference == null || reference.isBlank()) return null;
        if (reference.startsWith("urn:uuid:")) {
            String id = reference.substring("urn:uuid:".length());
            return id.isBlank() ? null : "Procedure/" + id;
        }
        int at = reference.lastIndexOf("Procedure/");
        if (at < 0 || (at > 0 && reference.charAt(at - 1) != '/')) return null;
        String rest = reference.substring(at + "Procedure/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.isBlank() ? null : "Procedure/" + id;
    }
}

package org.primum.audit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PatientResult} as one JSON object: how results are kept on disk during a run (one line each)
 * and, for audited patients, exactly the output's {@code patients[]} entry.
 */
public final class PatientResultCodec {
    private PatientResultCodec() {
    }

    public static final ObjectMapper JSON = new ObjectMapper();

    public static ObjectNode toJson(PatientResult p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("patient", p.patient());
        ArrayNode criteria = o.putArray("criteria");
        for (CriterionResult c : p.criteria()) criteria.add(toJson(c));
        if (!p.audited()) {
            o.put("scope", p.scope());
            o.put("reason", p.outOfScope());
        }
        if (p.breastSurgeries() > 0) {
            o.put("breastSurgeries", p.breastSurgeries());
            o.put("breastConserving", p.breastConserving());
        }
        return o;
    }

    /** {@code {"code","verdict","reason","date","resourceIds"}}, in that order. */
    public static ObjectNode toJson(CriterionResult c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("code", c.code());
        o.put("verdict", c.verdict().name());
        o.put("reason", c.reason());
        if (c.date() == null) o.putNull("date");
        else o.put("date", c.date().toString());
        ArrayNode ids = o.putArray("resourceIds");
        c.resourceIds().forEach(ids::add);
        return o;
    }

    public static PatientResult fromJson(byte[] line) throws IOException {
        JsonNode o = JSON.readTree(line);
        List<CriterionResult> criteria = new ArrayList<>();
        for (JsonNode c : o.path("criteria")) {
            List<String> ids = new ArrayList<>();
            c.path("resourceIds").forEach(id -> ids.add(id.asText()));
            criteria.add(new CriterionResult(c.get("code").asText(), Verdict.valueOf(c.get("verdict").asText()),
                    c.get("reason").asText(), c.path("date").isTextual() ? LocalDate.parse(c.get("date").asText()) : null, ids));
        }
        return new PatientResult(o.get("patient").asText(), criteria,
                o.path("scope").isTextual() ? o.get("scope").asText() : "DE_NOVO",
                o.path("reason").isTextual() ? o.get("reason").asText() : null,
                o.path("breastSurgeries").asInt(0), o.path("breastConserving").asInt(0));
    }
}

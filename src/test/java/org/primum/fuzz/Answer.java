package org.primum.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a target answered to one input, and whether that answer is allowed: a 2xx, or a 4xx whose body is a
 * FHIR OperationOutcome with at least one issue; never a 5xx, never no answer within the time allowed.
 */
record Answer(int status, String detail) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** No answer in time. */
    static Answer hang(String what) {
        return new Answer(-1, "no answer within " + FuzzRunner.CALL_TIMEOUT.toSeconds() + " s: " + what);
    }

    /** An HTTP answer: allowed, or why not. */
    static Answer http(int status, byte[] body) {
        if (status >= 200 && status < 300) return new Answer(status, null);
        if (status >= 400 && status < 500) {
            return new Answer(status, isOperationOutcome(body) ? null : "a " + status + " without an OperationOutcome: " + head(body));
        }
        return new Answer(status, "status " + status + ": " + head(body));
    }

    static boolean isOperationOutcome(byte[] body) {
        try {
            JsonNode oo = JSON.readTree(body);
            return oo != null && "OperationOutcome".equals(oo.path("resourceType").asText()) && oo.path("issue").size() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    boolean allowed() {
        return detail == null;
    }

    private static String head(byte[] body) {
        String s = body == null ? "" : new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return s.replace('\n', ' ');
    }
}

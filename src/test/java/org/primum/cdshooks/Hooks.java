package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Calling the CDS services as an EHR does (signed client JWT per call) and reading the cards. */
final class Hooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("catalogue code `([A-Z_]+)`");
    static final SpecShape RESPONSE = SpecShape.load("CDSHooksResponse");
    static final SpecShape REQUEST = SpecShape.load("CDSHooksRequest");

    private Hooks() {
    }

    static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    static Response post(String serviceId, JsonNode body) {
        String path = "/cds-services/" + serviceId;
        return given().header("Authorization", TestJwt.shared().token(url(path)).header())
                .contentType("application/json").body(body.toString()).post(path);
    }

    /** A successful call: 200 and a response conformant to the CDSHooksResponse model (summaries under 140 characters). */
    static JsonNode cards(String serviceId, JsonNode body) {
        assertThat(REQUEST.check(body)).as("the test's own request").isEmpty();
        String hook = body.path("hook").asText();
        SpecShape context = SpecShape.load(switch (hook) {
            case "patient-view" -> "CDSHookPatientViewContext";
            case "order-select" -> "CDSHookOrderSelectContext";
            default -> "CDSHookOrderSignContext";
        });
        assertThat(context.check(body.path("context"))).as("the test's own request context").isEmpty();
        Response r = post(serviceId, body);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        JsonNode response = read(r.asString());
        assertThat(RESPONSE.check(response)).as(response.toPrettyString()).isEmpty();
        return response.path("cards");
    }

    static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /** The catalogue codes a card carries (a grouped card carries several). */
    static List<String> codes(JsonNode card) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(card.path("detail").asText());
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static List<String> allCodes(JsonNode cards) {
        List<String> out = new ArrayList<>();
        cards.forEach(c -> out.addAll(codes(c)));
        return out;
    }

    /** The single card whose topic is this code. */
    static JsonNode card(JsonNode cards, String code) {
        List<JsonNode> found = new ArrayList<>();
        cards.forEach(c -> {
            if (code.equals(c.path("source").path("topic").path("code").asText())) found.add(c);
        });
        assertThat(found).as("one card with topic " + code + " in " + cards.toPrettyString()).hasSize(1);
        return found.get(0);
    }
}

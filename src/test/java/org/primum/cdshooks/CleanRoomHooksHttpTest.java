package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-room requests as an EHR sends them over HTTP (signed client JWT, today's date): every request's dates
 * moved by the days from the cases' {@code asOf} to today, so the record is the same age; the same cards as
 * {@link CleanRoomHooksTest}, and feedback on every card taken (a suggestion accepted, or the card overridden with its
 * own first override reason). Broken variants of the requests are 4xx OperationOutcomes, never 5xx.
 */
@QuarkusTest
class CleanRoomHooksHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})");

    @Test
    void theSameCardsOverHttpAndFeedbackOnEachIsTaken() throws Exception {
        LocalDate asOf = LocalDate.parse(JSON.readTree(CleanRoomHooksTest.DIR.resolve("cases.json").toFile()).path("asOf").asText());
        long shift = ChronoUnit.DAYS.between(asOf, LocalDate.now());
        int called = 0;
        for (CleanRoomHooksTest.Case c : CleanRoomHooksTest.cases()) {
            String text = Files.readString(CleanRoomHooksTest.DIR.resolve(c.file()));
            if (c.status() != 200 || text.contains("{{fhirServer}}")) continue;
            JsonNode body = JSON.readTree(shifted(text, shift));
            Response r = Hooks.post(c.service(), body);
            assertThat(r.statusCode()).as(c + ": " + r.asString()).isEqualTo(200);
            JsonNode cards = Hooks.read(r.asString()).path("cards");
            Set<String> codes = new TreeSet<>(Hooks.allCodes(cards));
            assertThat(codes).as(c.toString()).isEqualTo(c.expected().keySet());
            if (!cards.isEmpty()) feedback(c, cards);
            called++;
        }
        assertThat(called).isGreaterThanOrEqualTo(40);
    }

    /**
     * Every card's feedback in one request, as the specification shapes it: a card with suggestions accepted (its
     * first suggestion), one without overridden (with its first override reason, if it offers any); 200.
     */
    private static void feedback(CleanRoomHooksTest.Case c, JsonNode cards) {
        StringBuilder items = new StringBuilder();
        for (JsonNode card : cards) {
            if (!items.isEmpty()) items.append(',');
            items.append("{\"card\":\"").append(card.path("uuid").asText()).append("\",\"outcomeTimestamp\":\"2026-11-28T04:00:00Z\",");
            if (!card.path("suggestions").isEmpty()) {
                items.append("\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"")
                        .append(card.path("suggestions").get(0).path("uuid").asText()).append("\"}]}");
            } else if (!card.path("overrideReasons").isEmpty()) {
                items.append("\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":")
                        .append(card.path("overrideReasons").get(0).toString()).append(",\"userComment\":\"clean-room\"}}");
            } else {
                items.append("\"outcome\":\"overridden\"}");
            }
        }
        Response r = CdsHooksFeedbackTest.postFeedback(c.service(), "{\"feedback\":[" + items + "]}");
        assertThat(r.statusCode()).as(c + ": feedback " + r.asString()).isEqualTo(200);
    }

    /** Broken variants of a valid request: each a 4xx OperationOutcome, none a 5xx. */
    @Test
    void brokenRequestsAreClientErrors() throws Exception {
        String sign = Files.readString(CleanRoomHooksTest.DIR.resolve("44-sign-21-weeks-mastectomy-beside-medication.json"));
        String select = Files.readString(CleanRoomHooksTest.DIR.resolve("31-os-21-weeks-mastectomy-selected.json"));
        Map<String, String[]> variants = new LinkedHashMap<>();
        variants.put("selections naming an order not in draftOrders",
                new String[]{CdsServiceCatalog.ORDER_SELECT, edit(select, b -> ((ObjectNode) b.path("context")).putArray("selections").add("ServiceRequest/elsewhere"))});
        variants.put("order-select without selections",
                new String[]{CdsServiceCatalog.ORDER_SELECT, edit(select, b -> ((ObjectNode) b.path("context")).remove("selections"))});
        variants.put("draftOrders a single resource, not a Bundle",
                new String[]{CdsServiceCatalog.ORDER_SIGN, edit(sign, b -> ((ObjectNode) b.path("context")).set("draftOrders",
                        b.path("context").path("draftOrders").path("entry").get(0).path("resource")))});
        variants.put("an order-sign request sent to order-select",
                new String[]{CdsServiceCatalog.ORDER_SELECT, sign});
        variants.put("no context.patientId",
                new String[]{CdsServiceCatalog.ORDER_SIGN, edit(sign, b -> ((ObjectNode) b.path("context")).remove("patientId"))});
        variants.put("a prefetch value that is a string",
                new String[]{CdsServiceCatalog.ORDER_SIGN, edit(sign, b -> ((ObjectNode) b.path("prefetch")).put("conditions", "Condition?patient=pat-cr"))});
        variants.put("a prefetch Bundle whose entry is an object",
                new String[]{CdsServiceCatalog.ORDER_SIGN, edit(sign, b -> ((ObjectNode) b.path("prefetch").path("conditions")).putObject("entry"))});
        for (Map.Entry<String, String[]> v : variants.entrySet()) {
            String path = "/cds-services/" + v.getValue()[0];
            Response r = given().header("Authorization", TestJwt.shared().token(Hooks.url(path)).header())
                    .contentType("application/json").body(v.getValue()[1]).post(path);
            assertThat(r.statusCode()).as(v.getKey() + ": " + r.statusCode()).isBetween(400, 499);
            assertThat(Hooks.read(r.asString()).path("resourceType").asText()).as(v.getKey()).isEqualTo("OperationOutcome");
        }
    }

    private interface Edit {
        void apply(JsonNode body);
    }

    private static String edit(String request, Edit edit) throws Exception {
        JsonNode body = JSON.readTree(request);
        edit.apply(body);
        return body.toString();
    }

    /** Every date of the request moved by {@code days}; an impossible date (a case's invalid element) stays as it is. */
    static String shifted(String text, long days) {
        Matcher m = DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String moved;
            try {
                moved = LocalDate.parse(m.group(1)).plusDays(days).toString();
            } catch (java.time.format.DateTimeParseException e) {
                moved = m.group(1);
            }
            m.appendReplacement(out, "\"" + moved);
        }
        m.appendTail(out);
        return out.toString();
    }
}

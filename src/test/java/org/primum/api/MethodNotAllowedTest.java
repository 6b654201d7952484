package org.primum.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path of the service × every method it does not answer: 405, an {@code Allow} header listing exactly the
 * methods it does answer (RFC 9110 §15.5.6), and an OperationOutcome.
 */
@QuarkusTest
class MethodNotAllowedTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    /** Each public path (a concrete example of its template) and the methods it answers. */
    static final Map<String, Set<String>> ROUTES = Map.ofEntries(
            Map.entry("/tumour-board/evaluate", Set.of("POST", "OPTIONS")),
            Map.entry("/tumour-board/report", Set.of("POST", "OPTIONS")),
            Map.entry("/tumour-board/report/0123456789abcdef", Set.of("GET", "HEAD", "OPTIONS")),
            Map.entry("/rules", Set.of("GET", "HEAD", "OPTIONS")),
            Map.entry("/rules/SYSTEMIC_THERAPY_FIRST", Set.of("GET", "HEAD", "OPTIONS")),
            Map.entry("/cds-services", Set.of("GET", "HEAD", "OPTIONS")),
            Map.entry("/cds-services/dnmbc-lrt-patient-view", Set.of("POST", "OPTIONS")),
            Map.entry("/cds-services/dnmbc-lrt-patient-view/feedback", Set.of("POST", "OPTIONS")),
            Map.entry("/cds-services/feedback/summary", Set.of("GET", "HEAD", "OPTIONS")),
            Map.entry("/audit", Set.of("POST")),
            Map.entry("/audit/decisions", Set.of("GET", "HEAD", "OPTIONS")),
            Map.entry("/audit/replay", Set.of("POST", "OPTIONS")),
            Map.entry("/audit/feedback", Set.of("GET", "HEAD", "OPTIONS")),
            Map.entry("/audit/jobs/0b6c2f1e-1111-4222-8333-444455556666", Set.of("GET", "HEAD", "DELETE", "OPTIONS")));

    @Inject
    AllowedMethods allowedMethods;

    static Stream<Arguments> wrongMethods() {
        List<Arguments> cases = new ArrayList<>();
        ROUTES.forEach((path, allowed) -> METHODS.stream().filter(m -> !allowed.contains(m))
                .forEach(m -> cases.add(Arguments.of(m, path, allowed))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void wrongMethodIs405WithTheAllowedMethods(String method, String path, Set<String> allowed) {
        Response r = given().contentType("application/json").body("{}").request(method, path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(405);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("not-supported");
        assertThat(methods(r.header("Allow"))).isEqualTo(new TreeSet<>(allowed));
    }

    /** The table above covers every route the service has: a new endpoint is added here, and so gets tested. */
    @Test
    void everyRouteOfTheServiceIsInTheTable() {
        for (AllowedMethods.Route route : allowedMethods.routes()) {
            if (route.path().template().startsWith("/test-api") || route.path().template().startsWith("/q/")) continue;
            assertThat(ROUTES.keySet()).as("a path of the table for " + route.path().template())
                    .anyMatch(path -> route.path().matches(path));
        }
    }

    @Test
    void allowedMethodsStillAnswer() {
        assertThat(given().get("/rules").statusCode()).isEqualTo(200);
        assertThat(given().head("/rules").statusCode()).isEqualTo(200);
        assertThat(given().options("/rules").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsStay404() {
        Response r = given().put("/no/such/path");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.header("Allow")).isNull();
        assertThat(given().get("/tumour-board/report/unknown-id").statusCode()).isEqualTo(404);
    }

    private static Set<String> methods(String allow) {
        assertThat(allow).as("Allow header").isNotBlank();
        Set<String> out = new TreeSet<>();
        for (String m : allow.split(",")) out.add(m.trim());
        return out;
    }
}

package org.primum.cdshooks;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jose4j.jws.AlgorithmIdentifiers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.primum.cdshooks.security.AuthenticationFailed;
import org.primum.cdshooks.security.CdsSecurity;
import org.primum.cdshooks.security.CdsSecurityConfig;
import org.primum.cdshooks.security.ClientJwtVerifier;

import javax.sql.DataSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client-JWT verification over HTTP with real signed tokens: the good ones pass, each bad variant gets
 * the same bare 401 (no reason in the body), and the issuer's JWKS is fetched once, not per request.
 */
@QuarkusTest
@QuarkusTestResource(CdsHooksTestEnvironment.class)
class CdsHooksAuthTest {

    @Inject
    CdsSecurityConfig config;

    @Inject
    DataSource dataSource;

    static final String FEEDBACK_PATH = "/cds-services/" + CdsServiceCatalog.PATIENT_VIEW + "/feedback";

    static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    static TestJwt.Token token() {
        return TestJwt.shared().token(url(FEEDBACK_PATH));
    }

    /** Feedback on a card issued to the client named by the token's (unverified) iss, so that a passing token gets 200. */
    static String feedbackBody(String authorization) {
        String card = Arc.container().instance(FeedbackStore.class).get().cardId(List.of("SYSTEMIC_THERAPY_FIRST"), issuerOf(authorization)).toString();
        return "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-01-02T10:00:00Z\"}]}";
    }

    static String issuerOf(String authorization) {
        try {
            String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
            return Hooks.read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).path("iss").asText(null);
        } catch (RuntimeException e) {
            return null; // not a JWT: refused before the card matters
        }
    }

    static Response post(String authorization) {
        var spec = given().contentType("application/json").body(feedbackBody(authorization));
        if (authorization != null) spec.header("Authorization", authorization);
        return spec.post(FEEDBACK_PATH);
    }

    static void refused(String authorization) {
        Response r = post(authorization);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        // one generic OperationOutcome for every cause: nothing tells the caller what was wrong
        assertThat(r.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(r.jsonPath().getString("issue[0].code")).isEqualTo("security");
        assertThat(r.jsonPath().getString("issue[0].diagnostics")).isEqualTo("authentication failed");
    }

    @Test
    void goodEs384TokenPasses() {
        Response r = post(token().header());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }

    @Test
    void goodRs384TokenPasses() {
        Response r = post(token().key("rsa-1").header());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }

    @Test
    void goodTokenOfTheInlineKeyIssuerPasses() {
        Response r = post(token().issuer(TestJwt.INLINE_ISSUER).key("inline-1").header());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }

    @Test
    void audienceMayBeAnArrayAndNameTheServiceEndpoint() {
        Response r = post(token().audience("https://elsewhere.example/x", url("/cds-services/" + CdsServiceCatalog.PATIENT_VIEW)).header());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }

    @Test
    void allowListedJkuIsHonoured() {
        Response r = post(token().key("jku-1").jku(TestJwt.jwksBase() + "/allowed-jku/jwks.json").header());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }

    @Test
    void jkuNotOnTheAllowListIsNotHonoured() {
        refused(token().key("evil-1").jku(TestJwt.jwksBase() + "/evil/jwks.json").header());
        assertThat(given().get(TestJwt.jwksBase() + "/stats").asString()).doesNotContain("/evil/");
    }

    @Test
    void noTokenIsRefused() {
        refused(null);
        refused("Basic dXNlcjpwYXNz");
        refused("Bearer ");
        refused("Bearer not.a.jwt");
    }

    @Test
    void unknownIssuerIsRefused() {
        refused(token().issuer("https://unknown-ehr.example/").header());
    }

    @Test
    void badSignatureIsRefused() {
        // signed by another key that claims the trusted key's kid
        refused(token().key("rogue-ec-1").header());
        // RS384-signed, naming the trusted EC key
        refused(token().key("rsa-1").kid("ec-1").header());
        // payload altered after signing
        String[] parts = token().compact().split("\\.");
        String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("ehr-client", "ehr-admin").getBytes()) + "." + parts[2];
        refused("Bearer " + altered);
    }

    @Test
    void algorithmNoneIsRefused() {
        refused(token().alg(AlgorithmIdentifiers.NONE).header());
    }

    @Test
    void symmetricAlgorithmIsRefused() {
        refused(token().hmac("a-shared-secret-that-is-long-enough-for-hs384-0123456789abcdef").header());
    }

    @Test
    void expiredTokenIsRefused() {
        refused(token().issuedSecondsAgo(600).lifetimeSeconds(240).header());
    }

    @Test
    void tokenWithoutExpiryOrWithTooLongLifetimeIsRefused() {
        refused(token().noExp().header());
        refused(token().lifetimeSeconds(3600).header());
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        refused(token().issuedSecondsAgo(-600).header());
    }

    @Test
    void wrongAudienceIsRefused() {
        refused(token().audience("https://other-service.example/cds-services/x").header());
        // a token for another of our services
        refused(token().audience(url("/cds-services/" + CdsServiceCatalog.ORDER_SIGN)).header());
    }

    @Test
    void replayedJtiIsRefused() {
        String jti = UUID.randomUUID().toString();
        assertThat(post(token().jti(jti).header()).statusCode()).isEqualTo(200);
        refused(token().jti(jti).header()); // a new token, same jti
        TestJwt.Token same = token();
        String header = same.header();
        assertThat(post(header).statusCode()).isEqualTo(200);
        refused(header); // the very same token again
    }

    @Test
    void aTokenUsedOnThisInstanceIsRefusedByAnotherOnTheSameDatabase() throws Exception {
        CdsSecurity other = new CdsSecurity(config, dataSource); // a second instance of the service, as configured here
        List<String> audience = List.of(ClientJwtVerifier.normalise(url(FEEDBACK_PATH)));
        String usedHere = token().header();
        assertThat(post(usedHere).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> other.verifier().verify(usedHere, audience)).isInstanceOf(AuthenticationFailed.class).hasMessage("jti replayed");

        String usedThere = token().header();
        assertThat(other.verifier().verify(usedThere, audience).issuer()).isEqualTo(TestJwt.ISSUER);
        refused(usedThere);
    }

    @Test
    void tokenWithoutJtiIsRefused() {
        refused(token().noJti().header());
    }

    @Test
    void jwksIsFetchedOnceNotPerRequest() {
        for (int i = 0; i < 5; i++) assertThat(post(token().header()).statusCode()).isEqualTo(200);
        String stats = given().get(TestJwt.jwksBase() + "/stats").asString();
        int fetches = Integer.parseInt(stats.replaceAll(".*\"/issuer/jwks.json\":(\\d+).*", "$1"));
        assertThat(fetches).isBetween(1, 2);
    }

    @Test
    void hookCallsNeedATokenToo() {
        Response r = given().contentType("application/json").body("{}").post("/cds-services/" + CdsServiceCatalog.PATIENT_VIEW);
        assertThat(r.statusCode()).isEqualTo(401);
        Response s = given().get("/cds-services/feedback/summary");
        assertThat(s.statusCode()).isEqualTo(401);
    }

    @Test
    void discoveryIsOpenByDefault() {
        assertThat(given().get("/cds-services").statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightFromAnEhrWebClientIsAnswered() {
        Response r = given().header("Origin", "https://ehr-web.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/cds-services/" + CdsServiceCatalog.PATIENT_VIEW);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://ehr-web.example");
        assertThat(r.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization");
    }
}

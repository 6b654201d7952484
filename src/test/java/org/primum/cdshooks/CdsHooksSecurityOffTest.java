package org.primum.cdshooks;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.primum.cdshooks.security.ClientIdentity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Security switched off by the explicit flag: calls pass without a token (the start-up warning: {@link CdsSecurityConfigTest}). */
@QuarkusTest
@TestProfile(CdsHooksSecurityOffTest.Off.class)
class CdsHooksSecurityOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("primum.cdshooks.security.enabled", "false");
        }
    }

    @Inject
    FeedbackStore store;

    @Test
    void callsWithoutATokenPassWhenSecurityIsOff() {
        Response fb = given().contentType("application/json")
                .body("{\"feedback\":[{\"card\":\"" + store.cardId(List.of("SYSTEMIC_THERAPY_FIRST"), ClientIdentity.UNAUTHENTICATED.issuer())
                        + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-23T10:00:00Z\"}]}")
                .post("/cds-services/" + CdsServiceCatalog.PATIENT_VIEW + "/feedback");
        assertThat(fb.statusCode()).as(fb.asString()).isEqualTo(200);
        TestPatient p = TestPatient.deNovo("off-1", 50).letrozole(6);
        Response r = given().contentType("application/json").body(p.request("patient-view", p.prefetchAll(), List.of()).toString())
                .post("/cds-services/" + CdsServiceCatalog.PATIENT_VIEW);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }
}

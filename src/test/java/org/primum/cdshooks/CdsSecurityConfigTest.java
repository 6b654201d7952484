package org.primum.cdshooks;

import org.junit.jupiter.api.Test;
import org.primum.cdshooks.security.CdsSecurity;
import org.primum.cdshooks.security.CdsSecurityConfig;
import org.primum.cdshooks.security.ClientIdentity;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.*;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The security configuration: on by default, off only with a warning, bad settings stop start-up. */
class CdsSecurityConfigTest {

    /** A configuration as application.properties would give it (defaults of CdsSecurityConfig), with overrides. */
    static CdsSecurityConfig config(Map<String, Object> security, Map<String, CdsSecurityConfig.TrustedIssuer> issuers) {
        Map<String, Object> s = new HashMap<>(Map.of("enabled", true, "discoveryRequiresAuth", false,
                "algorithms", List.of("ES384", "RS384"), "clockSkew", Duration.ofSeconds(30), "maxTokenLifetime", Duration.ofMinutes(5),
                "jwksCacheTtl", Duration.ofMinutes(10), "jwksMinRefreshInterval", Duration.ofSeconds(30),
                "jwksFetchTimeout", Duration.ofSeconds(3), "maxRememberedTokenIds", 1000, "issuers", issuers));
        s.put("allowAnyFhirServer", false);
        s.putAll(security);
        CdsSecurityConfig.Security sec = (CdsSecurityConfig.Security) Proxy.newProxyInstance(CdsSecurityConfig.class.getClassLoader(),
                new Class<?>[]{CdsSecurityConfig.Security.class}, (proxy, m, args) -> s.get(m.getName()));
        return (CdsSecurityConfig) Proxy.newProxyInstance(CdsSecurityConfig.class.getClassLoader(), new Class<?>[]{CdsSecurityConfig.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "security" -> sec;
                    case "publicBaseUrl" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static CdsSecurityConfig.TrustedIssuer issuer(String iss, String jwks, String url) {
        return issuer(iss, jwks, url, null);
    }

    static CdsSecurityConfig.TrustedIssuer issuer(String iss, String jwks, String url, List<String> fhirServers) {
        return (CdsSecurityConfig.TrustedIssuer) Proxy.newProxyInstance(CdsSecurityConfig.class.getClassLoader(),
                new Class<?>[]{CdsSecurityConfig.TrustedIssuer.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "issuer" -> iss;
                    case "jwks" -> Optional.ofNullable(jwks);
                    case "jwksUrl" -> Optional.ofNullable(url);
                    case "fhirServers" -> Optional.ofNullable(fhirServers);
                    default -> Optional.empty();
                });
    }

    static List<LogRecord> capture(Runnable r) {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger(CdsSecurity.class.getName());
        Handler h = new Handler() {
            @Override public void publish(LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(h);
        try {
            r.run();
        } finally {
            logger.removeHandler(h);
        }
        return records;
    }

    @Test
    void switchingSecurityOffLogsAWarningAtStartUp() {
        CdsSecurity[] built = new CdsSecurity[1];
        List<LogRecord> logs = capture(() -> built[0] = new CdsSecurity(config(Map.of("enabled", false), Map.of())));
        assertThat(built[0].enabled()).isFalse();
        assertThat(logs).anySatisfy(l -> {
            assertThat(l.getLevel().intValue()).isGreaterThanOrEqualTo(Level.WARNING.intValue());
            assertThat(l.getMessage()).contains("OFF");
        });
    }

    @Test
    void securityIsOnByDefaultAndTrustsOnlyConfiguredIssuers() {
        TestJwt keys = TestJwt.generate();
        CdsSecurity security = new CdsSecurity(config(Map.of(), Map.of("a", issuer("https://a.example/", keys.publicJwks("ec-1"), null))));
        assertThat(security.enabled()).isTrue();
        assertThat(security.verifier().issuer("https://a.example/")).isPresent();
        assertThat(security.verifier().issuer("https://b.example/")).isEmpty();
        // no fhir-servers allow-list: the service fetches nothing for this issuer
        assertThat(security.fhirServerRefusal(new ClientIdentity("https://a.example/", "x", null), "https://fhir.a.example/r4"))
                .hasValueSatisfying(why -> assertThat(why).contains("fhir-servers"));
    }

    @Test
    void symmetricOrNoneAlgorithmsCannotBeConfigured() {
        for (String alg : List.of("HS256", "none", "HS512")) {
            assertThatThrownBy(() -> new CdsSecurity(config(Map.of("algorithms", List.of("ES384", alg)), Map.of())))
                    .hasMessageContaining(alg);
        }
    }

    @Test
    void anIssuerWithoutKeysOrWithAnUnreadableJwksStopsStartUp() {
        assertThatThrownBy(() -> new CdsSecurity(config(Map.of(), Map.of("a", issuer("https://a.example/", null, null)))))
                .hasMessageContaining("has no keys");
        assertThatThrownBy(() -> new CdsSecurity(config(Map.of(), Map.of("a", issuer("https://a.example/", "{not a jwks", null)))))
                .hasMessageContaining("not a JWK Set");
    }

    /** The per-issuer fhir-servers allow-list, compared as the next links are ({@link org.primum.cdshooks.security.FhirServerUrl}). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} allows {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            https://ehr.example                           | https://ehr.example/fhir/r4          | true
            https://ehr.example                           | https://ehr.example:443/fhir         | true
            https://ehr.example                           | https://ehr.example.evil.io/fhir     | false
            https://ehr.example                           | https://ehr.example@evil.io/fhir     | false
            https://ehr.example                           | http://ehr.example/fhir              | false
            https://ehr.example/fhir                      | https://ehr.example/fhir-evil        | false
            https://ehr.example/fhir                      | https://ehr.example/fhir/r4          | true
            http://127.0.0.1:2000                         | http://127.0.0.1:20007/fhir          | false
            http://127.0.0.1:2000                         | http://127.0.0.1:2000/fhir           | true
            https://other.example, https://ehr.example/r4 | https://ehr.example/r4               | true
            https://other.example, https://ehr.example/r4 | https://ehr.example/r5               | false
            """)
    void theFhirServersAllowListIsComparedParsed(String allowList, String fhirServer, boolean allowed) {
        TestJwt keys = TestJwt.generate();
        List<String> list = Arrays.stream(allowList.split(",")).map(String::trim).toList();
        CdsSecurity security = new CdsSecurity(config(Map.of(), Map.of("a", issuer("https://a.example/", keys.publicJwks("ec-1"), null, list))));
        assertThat(security.fhirServerRefusal(new ClientIdentity("https://a.example/", "x", null), fhirServer).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void withoutAnAllowListNothingIsFetchedUnlessConfiguredOtherwiseAndStartUpWarns() {
        TestJwt keys = TestJwt.generate();
        ClientIdentity client = new ClientIdentity("https://a.example/", "x", null);
        Map<String, CdsSecurityConfig.TrustedIssuer> issuers = Map.of("a", issuer("https://a.example/", keys.publicJwks("ec-1"), null));
        CdsSecurity[] built = new CdsSecurity[1];
        List<LogRecord> logs = capture(() -> built[0] = new CdsSecurity(config(Map.of(), issuers)));
        assertThat(built[0].fhirServerRefusal(client, "https://ehr.example/fhir")).hasValueSatisfying(why -> assertThat(why).contains("fhir-servers"));
        assertThat(logs).anySatisfy(l -> assertThat(l.getMessage()).contains("no fhir-servers allow-list"));

        CdsSecurity any = new CdsSecurity(config(Map.of("allowAnyFhirServer", true), issuers));
        assertThat(any.fhirServerRefusal(client, "https://ehr.example/fhir")).isEmpty();
        // an issuer not trusted may fetch from nowhere; with security off there is no client to check
        assertThat(any.fhirServerRefusal(new ClientIdentity("https://b.example/", "x", null), "https://ehr.example/fhir")).isPresent();
        assertThat(new CdsSecurity(config(Map.of("enabled", false), Map.of())).fhirServerRefusal(null, "https://ehr.example/fhir")).isEmpty();
    }

    @Test
    void anAllowListEntryThatIsNotAnHttpUrlStopsStartUp() {
        TestJwt keys = TestJwt.generate();
        assertThatThrownBy(() -> new CdsSecurity(config(Map.of(), Map.of("a", issuer("https://a.example/", keys.publicJwks("ec-1"), null,
                List.of("ehr.example/fhir")))))).hasMessageContaining("fhir-servers");
    }
}

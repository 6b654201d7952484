package org.primum.cdshooks;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test keys generated per run and the JWK Sets of the test EHRs, served over HTTP on a random loopback
 * port: {@code /issuer/jwks.json} (the trusted issuer's configured JWKS URL: ec-1, rsa-1),
 * {@code /allowed-jku/jwks.json} (on the issuer's jku allow-list: jku-1), {@code /evil/jwks.json}
 * (not allow-listed: evil-1), {@code /stats} (fetch counts). A second trusted issuer has its JWK Set
 * inline (inline-1). The first issuer may have data fetched from the shared {@link TestFhirServer} only (its
 * {@code fhir-servers}); the second has no allow-list, so nothing is fetched for it.
 */
public class CdsHooksTestEnvironment implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        TestJwt keys = TestJwt.generate();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        serve("/issuer/jwks.json", keys.publicJwks("ec-1", "rsa-1"));
        serve("/allowed-jku/jwks.json", keys.publicJwks("jku-1"));
        serve("/evil/jwks.json", keys.publicJwks("evil-1"));
        server.createContext("/stats", ex -> {
            StringBuilder sb = new StringBuilder("{");
            fetches.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v.get()));
            byte[] body = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) { out.write(body); }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        System.setProperty(TestJwt.KEYS_PROPERTY, keys.privateJwks());
        System.setProperty(TestJwt.JWKS_BASE_PROPERTY, base);
        return Map.of(
                "primum.cdshooks.security.issuers.test-ehr.issuer", TestJwt.ISSUER,
                "primum.cdshooks.security.issuers.test-ehr.jwks-url", base + "/issuer/jwks.json",
                "primum.cdshooks.security.issuers.test-ehr.jku-allow-list", base + "/allowed-jku/jwks.json",
                "primum.cdshooks.security.issuers.test-ehr.fhir-servers", TestFhirServer.shared().baseUrl(),
                "primum.cdshooks.security.issuers.inline-ehr.issuer", TestJwt.INLINE_ISSUER,
                "primum.cdshooks.security.issuers.inline-ehr.jwks", keys.publicJwks("inline-1"),
                "primum.cdshooks.fetch-timeout", "5s",
                // the key set comes from this JVM's own server, but a loaded build machine answered it after the
                // 3 s default once: a second security instance then had no key for the token's kid
                "primum.cdshooks.security.jwks-fetch-timeout", "10s");
    }

    private void serve(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, ex -> {
            fetches.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) { out.write(bytes); }
        });
    }

    @Override
    public void stop() {
        if (server != null) server.stop(0);
    }
}

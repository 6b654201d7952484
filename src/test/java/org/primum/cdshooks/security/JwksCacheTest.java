package org.primum.cdshooks.security;

import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that needs a key while the set is being fetched (a second instance's start-up warm-up) waits for that
 * fetch instead of being refused "no key for kid": found by CI, where the second instance's first token was refused.
 */
class JwksCacheTest {

    private HttpServer server;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private final AtomicInteger fetches = new AtomicInteger();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private String url;

    @BeforeEach
    void slowJwksServer() throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId("k1");
        byte[] body = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            requested.countDown();
            try {
                answer.await(5, TimeUnit.SECONDS);   // the fetch is under way until the test lets it answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    @AfterEach
    void stop() {
        answer.countDown();
        server.stop(0);
        background.shutdownNow();
    }

    @Test
    void aRequestDuringTheWarmUpFetchWaitsForItAndFindsTheKey() throws Exception {
        JwksCache cache = new JwksCache(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(5), background,
                Clock.systemUTC());
        background.execute(() -> cache.warmUp(url));
        assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();   // the warm-up's fetch is under way

        // the server answers a moment after the request has started waiting
        Executors.newSingleThreadScheduledExecutor().schedule(answer::countDown, 200, TimeUnit.MILLISECONDS);
        Optional<JsonWebKey> key = cache.key(url, "k1");

        assertThat(key).map(JsonWebKey::getKeyId).contains("k1");
        assertThat(fetches.get()).as("one fetch, shared").isEqualTo(1);
    }

    @Test
    void aKeyIdTheSetDoesNotHoldIsNotFoundAndTheSetIsNotFetchedAgainWithinTheInterval() throws Exception {
        answer.countDown();
        JwksCache cache = new JwksCache(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(5), background,
                Clock.systemUTC());
        assertThat(cache.key(url, "k1")).isPresent();
        assertThat(cache.key(url, "other")).isEmpty();
        assertThat(fetches.get()).isEqualTo(1);
    }
}

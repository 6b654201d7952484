package org.primum.cdshooks.security;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JWK Sets fetched from URLs (an issuer's configured JWKS URL or an allow-listed {@code jku}) and kept in
 * memory. A request never waits for a fetch while the cached set has its key: a set older than the TTL is
 * refreshed in the background. Only a key id missing from the set (key rotation) or a set never fetched
 * makes the request fetch, at most once per {@code minRefreshInterval} per URL. A request that arrives while such a
 * fetch runs (the start-up warm-up, another request's) waits for it rather than find no key: a second instance's
 * first token was refused "no key for kid" while its warm-up fetch was under way.
 */
public final class JwksCache {
    private static final Logger LOG = Logger.getLogger(JwksCache.class);

    private record Entry(List<JsonWebKey> keys, Instant fetchedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAttempt = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> refreshing = new ConcurrentHashMap<>();
    /** The fetch of a set under way, per URL, that a request missing its key waits for. */
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration ttl;
    private final Duration minRefreshInterval;
    private final Duration fetchTimeout;
    private final Executor background;
    private final Clock clock;

    public JwksCache(Duration ttl, Duration minRefreshInterval, Duration fetchTimeout, Executor background, Clock clock) {
        this.ttl = ttl;
        this.minRefreshInterval = minRefreshInterval;
        this.fetchTimeout = fetchTimeout;
        this.background = background;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(fetchTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The key with this id (or the only key, when the token names none) from the set at {@code url}. */
    public Optional<JsonWebKey> key(String url, String kid) {
        Entry entry = entries.get(url);
        if (entry != null) {
            if (clock.instant().isAfter(entry.fetchedAt().plus(ttl))) refreshInBackground(url);
            Optional<JsonWebKey> key = find(entry.keys(), kid);
            if (key.isPresent()) return key;
        }
        fetchUnlessRecent(url);
        Entry fresh = entries.get(url);
        return fresh == null ? Optional.empty() : find(fresh.keys(), kid);
    }

    /** Fetches now (start-up warm-up); failures are logged, not thrown. */
    public void warmUp(String url) {
        fetchUnlessRecent(url);
    }

    /**
     * Fetches the set at {@code url} unless it was tried within {@code minRefreshInterval}; a caller arriving while
     * a fetch of it runs waits for that one (at most the fetch timeout) instead of fetching again or giving up.
     * The fetch is claimed before the interval is checked, so no caller can fall between the two.
     */
    private void fetchUnlessRecent(String url) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.putIfAbsent(url, mine);
        if (running != null) {
            await(running);
            return;
        }
        try {
            if (fetchAllowed(url)) fetchNow(url);
        } finally {
            inFlight.remove(url, mine);
            mine.complete(null);
        }
    }

    private void await(CompletableFuture<Void> fetch) {
        try {
            // the fetch itself gives up after fetchTimeout (connect and response); the margin covers reading the body
            fetch.get(fetchTimeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debugf("JWKS: a fetch under way did not finish in time (%s)", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Optional<JsonWebKey> find(List<JsonWebKey> keys, String kid) {
        if (kid == null) return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
        return keys.stream().filter(k -> kid.equals(k.getKeyId())).findFirst();
    }

    private boolean fetchAllowed(String url) {
        Instant now = clock.instant();
        Instant last = lastAttempt.get(url);
        if (last != null && now.isBefore(last.plus(minRefreshInterval))) return false;
        return last == null ? lastAttempt.putIfAbsent(url, now) == null : lastAttempt.replace(url, last, now);
    }

    private void refreshInBackground(String url) {
        AtomicBoolean flag = refreshing.computeIfAbsent(url, u -> new AtomicBoolean());
        if (!flag.compareAndSet(false, true)) return;
        background.execute(() -> {
            try {
                lastAttempt.put(url, clock.instant());
                fetchNow(url);
            } finally {
                flag.set(false);
            }
        });
    }

    private void fetchNow(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(fetchTimeout)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("JWKS %s answered HTTP %d; keeping the cached keys", url, response.statusCode());
                return;
            }
            List<JsonWebKey> keys = new JsonWebKeySet(response.body()).getJsonWebKeys();
            entries.put(url, new Entry(List.copyOf(keys), clock.instant()));
            LOG.debugf("JWKS %s: %d keys", url, keys.size());
        } catch (IOException | JoseException | IllegalArgumentException e) {
            LOG.warnf("JWKS %s could not be fetched (%s); keeping the cached keys", url, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

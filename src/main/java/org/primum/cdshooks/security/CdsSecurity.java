package org.primum.cdshooks.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.util.*;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The client-JWT check as configured ({@code primum.cdshooks.security.*}): trusted issuers, their keys,
 * the allowed algorithms. Built at start-up so a bad configuration (an unreadable inline JWKS, HS256 in
 * the algorithm list) stops the service; JWKS URLs are fetched in the background at start-up.
 */
@Singleton
@Startup
public class CdsSecurity {
    private static final Logger LOG = Logger.getLogger(CdsSecurity.class);

    private final boolean enabled;
    private final boolean discoveryRequiresAuth;
    private final ClientJwtVerifier verifier;
    private final ExecutorService background;

    public CdsSecurity(CdsSecurityConfig config) {
        CdsSecurityConfig.Security s = config.security();
        this.enabled = s.enabled();
        this.discoveryRequiresAuth = s.discoveryRequiresAuth();
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "primum-jwks-refresh");
            t.setDaemon(true);
            return t;
        });
        Clock clock = Clock.systemUTC();
        JwksCache cache = new JwksCache(s.jwksCacheTtl(), s.jwksMinRefreshInterval(), s.jwksFetchTimeout(), background, clock);
        List<ClientJwtVerifier.TrustedIssuer> issuers = new ArrayList<>();
        s.issuers().forEach((alias, i) -> issuers.add(trusted(alias, i)));
        this.verifier = new ClientJwtVerifier(issuers, s.algorithms(), cache, new ReplayGuard(s.maxRememberedTokenIds()),
                clock, s.clockSkew(), s.maxTokenLifetime(), bouncyCastle());
        if (!enabled) {
            LOG.warn("CDS Hooks client authentication is OFF (primum.cdshooks.security.enabled=false): ANY caller can "
                    + "call the CDS services. Use only on a closed test bench.");
        } else {
            if (issuers.isEmpty()) LOG.warn("CDS Hooks: no trusted issuer configured (primum.cdshooks.security.issuers.*): every hook call will get 401");
            LOG.infof("CDS Hooks client authentication on: %d trusted issuer(s), algorithms %s", issuers.size(), s.algorithms());
            issuers.forEach(i -> i.jwksUrl().ifPresent(url -> background.execute(() -> cache.warmUp(url))));
        }
    }

    /**
     * BouncyCastle for ECDSA verification (ES384 costs ~0.8 ms instead of ~3 ms with JDK 17's SunEC), registered
     * at the lowest priority so that no other default changes; the JDK's provider if it cannot be registered.
     */
    static String bouncyCastle() {
        try {
            if (java.security.Security.getProvider("BC") == null) {
                java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
            }
            return "BC";
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf("BouncyCastle not available (%s): ECDSA client JWTs verified with the JDK's provider", e.getClass().getSimpleName());
            return null;
        }
    }

    private static ClientJwtVerifier.TrustedIssuer trusted(String alias, CdsSecurityConfig.TrustedIssuer i) {
        List<JsonWebKey> inline = List.of();
        if (i.jwks().isPresent()) {
            try {
                inline = List.copyOf(new JsonWebKeySet(i.jwks().get()).getJsonWebKeys());
            } catch (JoseException e) {
                throw new IllegalStateException("primum.cdshooks.security.issuers." + alias + ".jwks is not a JWK Set: " + e.getMessage(), e);
            }
        }
        if (inline.isEmpty() && i.jwksUrl().isEmpty() && i.jkuAllowList().map(List::isEmpty).orElse(true)) {
            throw new IllegalStateException("primum.cdshooks.security.issuers." + alias + " has no keys: set jwks-url, jwks or jku-allow-list");
        }
        return new ClientJwtVerifier.TrustedIssuer(i.issuer(), inline, i.jwksUrl(),
                Set.copyOf(i.jkuAllowList().orElse(List.of())), Set.copyOf(i.subjects().orElse(List.of())),
                List.copyOf(i.fhirServers().orElse(List.of())));
    }

    public boolean enabled() { return enabled; }

    public boolean discoveryRequiresAuth() { return discoveryRequiresAuth; }

    public ClientJwtVerifier verifier() { return verifier; }

    /** Whether a request from this client may use this FHIR server (the issuer's fhir-servers allow-list, if any). */
    public boolean fhirServerAllowed(ClientIdentity client, String fhirServer) {
        if (!enabled || client == null) return true;
        return verifier.issuer(client.issuer())
                .map(i -> i.fhirServers().isEmpty() || i.fhirServers().stream().anyMatch(fhirServer::startsWith))
                .orElse(false);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}

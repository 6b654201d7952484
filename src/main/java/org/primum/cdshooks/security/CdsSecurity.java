package org.primum.cdshooks.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import javax.sql.DataSource;
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
    private final boolean allowAnyFhirServer;
    private final ExecutorService background;

    /** Without a database: replay protection in this instance's memory only, whatever {@code replay-store} says. */
    public CdsSecurity(CdsSecurityConfig config) {
        this(config, null);
    }

    /**
     * @param dataSource the shared database (its {@code cds_token_use} table records the jti values used when
     *                   {@code replay-store=database}); null: memory only
     */
    @Inject
    public CdsSecurity(CdsSecurityConfig config, DataSource dataSource) {
        CdsSecurityConfig.Security s = config.security();
        this.enabled = s.enabled();
        this.discoveryRequiresAuth = s.discoveryRequiresAuth();
        this.allowAnyFhirServer = s.allowAnyFhirServer();
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "primum-cds-security"); // JWKS refreshes, sweeps of used token ids
            t.setDaemon(true);
            return t;
        });
        Clock clock = Clock.systemUTC();
        JwksCache cache = new JwksCache(s.jwksCacheTtl(), s.jwksMinRefreshInterval(), s.jwksFetchTimeout(), background, clock);
        List<ClientJwtVerifier.TrustedIssuer> issuers = new ArrayList<>();
        s.issuers().forEach((alias, i) -> issuers.add(trusted(alias, i)));
        this.verifier = new ClientJwtVerifier(issuers, s.algorithms(), cache, replayProtection(s, dataSource, background),
                clock, s.clockSkew(), s.maxTokenLifetime(), bouncyCastle());
        if (!enabled) {
            LOG.warn("CDS Hooks client authentication is OFF (primum.cdshooks.security.enabled=false): ANY caller can "
                    + "call the CDS services. Use only on a closed test bench.");
        } else {
            if (issuers.isEmpty()) LOG.warn("CDS Hooks: no trusted issuer configured (primum.cdshooks.security.issuers.*): every hook call will get 401");
            LOG.infof("CDS Hooks client authentication on: %d trusted issuer(s), algorithms %s", issuers.size(), s.algorithms());
            issuers.forEach(i -> i.jwksUrl().ifPresent(url -> background.execute(() -> cache.warmUp(url))));
            s.issuers().forEach((alias, i) -> warnIfNoFhirServers(alias, i));
        }
    }

    /** The shared (database) replay protection unless configured or built without a database; expired rows swept on {@code background}. */
    private static ReplayProtection replayProtection(CdsSecurityConfig.Security s, DataSource dataSource, ExecutorService background) {
        ReplayGuard memory = new ReplayGuard(s.maxRememberedTokenIds());
        if (dataSource == null) return memory;
        if (s.replayStore() == CdsSecurityConfig.ReplayStore.MEMORY) {
            if (s.enabled()) LOG.info("CDS Hooks: client-JWT ids remembered in this instance only (replay-store=memory): "
                    + "another instance would accept a token used here");
            return memory;
        }
        return new SharedReplayGuard(memory, new TokenUseTable(dataSource), background);
    }

    /** BouncyCastle's name once registered ({@link BouncyCastleRegistration}, begun earlier in the background), or null: the JDK's provider. */
    static String bouncyCastle() {
        return BouncyCastleRegistration.provider();
    }

    private void warnIfNoFhirServers(String alias, CdsSecurityConfig.TrustedIssuer i) {
        i.fhirServers().filter(l -> !l.isEmpty()).ifPresentOrElse(list -> list.forEach(url -> {
            if (FhirServerUrl.parse(url).isEmpty()) {
                throw new IllegalStateException("primum.cdshooks.security.issuers." + alias + ".fhir-servers: " + url + " is not an http(s) base URL");
            }
        }), () -> {
            if (allowAnyFhirServer) {
                LOG.warnf("CDS Hooks: issuer '%s' has no fhir-servers allow-list and allow-any-fhir-server is on: its calls may make "
                        + "the service send their FHIR access token to any URL they name", alias);
            } else {
                LOG.warnf("CDS Hooks: issuer '%s' has no fhir-servers allow-list: data its calls do not prefetch cannot be fetched "
                        + "(412); set primum.cdshooks.security.issuers.%s.fhir-servers", alias, alias);
            }
        });
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

    /**
     * Why a request from this client may not make the service fetch from {@code fhirServer}, or empty when it
     * may: it must be on the issuer's {@code fhir-servers} allow-list (compared parsed, {@link FhirServerUrl});
     * an issuer without one may fetch from nowhere unless {@code allow-any-fhir-server}. With security off
     * (a closed test bench, warned about at start-up) there is no client to check.
     */
    public Optional<String> fhirServerRefusal(ClientIdentity client, String fhirServer) {
        if (!enabled || client == null) return Optional.empty();
        Optional<ClientJwtVerifier.TrustedIssuer> issuer = verifier.issuer(client.issuer());
        if (issuer.isEmpty()) return Optional.of("the client's issuer is not trusted");
        List<String> allowed = issuer.get().fhirServers();
        if (allowed.isEmpty()) {
            return allowAnyFhirServer ? Optional.empty() : Optional.of("no FHIR server is allow-listed for this client's issuer "
                    + "(primum.cdshooks.security.issuers.<alias>.fhir-servers), so the service fetches nothing for it: send the data in the prefetch");
        }
        return allowed.stream().anyMatch(base -> FhirServerUrl.within(base, fhirServer)) ? Optional.empty()
                : Optional.of("fhirServer is not on the FHIR servers allow-listed for this client's issuer");
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}

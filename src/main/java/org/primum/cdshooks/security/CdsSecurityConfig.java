package org.primum.cdshooks.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the client-JWT check ({@code primum.cdshooks.public-base-url} and
 * {@code primum.cdshooks.security.*} in application.properties, or environment variables
 * {@code PRIMUM_CDSHOOKS_...}). A mapping of its own, beside the service's {@code CdsHooksConfig} on the
 * same prefix, so that this package needs nothing of {@code org.primum.cdshooks}: the service uses the
 * security package, never the other way round.
 */
@ConfigMapping(prefix = "primum.cdshooks")
public interface CdsSecurityConfig {

    /**
     * The public base URL the EHR calls (scheme, host, port, context path; without {@code /cds-services}),
     * e.g. {@code https://primum.example.org}. The client JWT's {@code aud} must be this base plus the
     * path of the endpoint called. Unset: the base is taken from the request (fine behind no proxy).
     */
    Optional<String> publicBaseUrl();

    Security security();

    interface Security {
        /**
         * Client-JWT verification. Default on. Turning it off is for a closed test bench only and logs a
         * warning at start-up.
         */
        @WithDefault("true")
        boolean enabled();

        /** Whether {@code GET /cds-services} needs a client JWT too (CDS Hooks 2.0 allows an open discovery). */
        @WithDefault("false")
        boolean discoveryRequiresAuth();

        /** Signature algorithms accepted. {@code none} and symmetric (HS*) algorithms are refused whatever this says. */
        @WithDefault("ES384,RS384")
        List<String> algorithms();

        /** Leeway for exp, iat and nbf. */
        @WithDefault("30s")
        Duration clockSkew();

        /** Longest accepted token lifetime (exp − iat) and how far ahead exp may be: 5 minutes in CDS Hooks. */
        @WithDefault("5m")
        Duration maxTokenLifetime();

        /** How long a fetched JWKS is used before it is fetched again (in the background). */
        @WithDefault("10m")
        Duration jwksCacheTtl();

        /** A key id not in the cached JWKS triggers a re-fetch at most this often per JWKS URL. */
        @WithDefault("30s")
        Duration jwksMinRefreshInterval();

        @WithDefault("3s")
        Duration jwksFetchTimeout();

        /**
         * Upper bound of the jti values this instance remembers in memory (replay protection); tokens beyond it are
         * refused until some expire.
         */
        @WithDefault("1000000")
        int maxRememberedTokenIds();

        /**
         * Where the jti values used are recorded. {@code database} (default): in the shared database too (table
         * {@code cds_token_use}), so that a token used on one instance is refused on every other, and after a
         * restart; one insert per call (~0.2–0.4 ms measured), a replay on the same instance is refused from memory.
         * {@code memory}: this instance only (one instance, and the insert not wanted).
         */
        @WithDefault("database")
        ReplayStore replayStore();

        /**
         * The key of the MAC that binds each card uuid to the client it was issued to (feedback is accepted only for
         * the caller's own cards): base64 of at least 32 random bytes, the same on every instance. Unset: generated
         * once and kept in the database (table {@code cds_server_secret}); set it where the database's readers should
         * not be able to forge card ids. Changing it voids the card ids issued before (their feedback gets 404).
         */
        Optional<String> cardIdSecret();

        /**
         * Whether an issuer without a {@code fhir-servers} allow-list may name any {@code fhirServer} (the service
         * then fetches from it with the EHR's token). Default false: such an issuer's calls get no fetching
         * (412 when data is missing), and a warning is logged at start-up either way.
         */
        @WithDefault("false")
        boolean allowAnyFhirServer();

        /**
         * The CDS clients (EHRs) trusted, by any alias: {@code primum.cdshooks.security.issuers.<alias>.issuer=...}.
         */
        Map<String, TrustedIssuer> issuers();
    }

    /** Where used client-JWT ids are recorded ({@link Security#replayStore()}). */
    enum ReplayStore { DATABASE, MEMORY }

    interface TrustedIssuer {
        /** The exact {@code iss} claim of the client's tokens. */
        String issuer();

        /** URL of the client's JWK Set (fetched, cached, refreshed). */
        Optional<String> jwksUrl();

        /** The client's JWK Set inline (JSON), instead of or besides a URL. */
        Optional<String> jwks();

        /** {@code jku} header values honoured for this issuer; a {@code jku} not listed is ignored. */
        Optional<List<String>> jkuAllowList();

        /** If set, the {@code sub} claim must be one of these. */
        Optional<List<String>> subjects();

        /**
         * The FHIR servers ({@code fhirServer}) this issuer's requests may make the service fetch from, each a
         * base URL: {@code fhirServer} must have its scheme, host and port and its path or a path below it
         * ({@link FhirServerUrl}). Unset: no fetching for this issuer (412), unless {@code allow-any-fhir-server}.
         */
        Optional<List<String>> fhirServers();
    }
}

package org.primum.cdshooks.security;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.*;

/**
 * Verifies the JWT a CDS client sends with each call (CDS Hooks 2.0, "Trusting CDS Clients"): a JWS signed
 * with an allowed asymmetric algorithm (ES384/RS384 by default; {@code none} and HS* never), by a trusted
 * issuer whose key (by {@code kid}) comes from the issuer's configured JWK Set or an allow-listed
 * {@code jku}; {@code aud} = the endpoint called; {@code exp}, {@code iat} present and current, the lifetime
 * at most {@code maxTokenLifetime}; {@code jti} present and not seen before within the token's lifetime.
 * Thread-safe; keys come from memory ({@link JwksCache}), so a verification is CPU only; with BouncyCastle
 * ({@code ecSignatureProvider = "BC"}) ECDSA signatures are checked by {@link EcdsaVerifier}, which keeps each
 * key's precomputation.
 */
public final class ClientJwtVerifier {

    /** A trusted CDS client as configured. */
    public record TrustedIssuer(String issuer, List<JsonWebKey> inlineKeys, Optional<String> jwksUrl,
                                Set<String> jkuAllowList, Set<String> subjects, List<String> fhirServers) {
    }

    private static final Set<String> NEVER = Set.of("none", "HS256", "HS384", "HS512");

    private final Map<String, TrustedIssuer> issuers;
    private final Set<String> algorithms;
    private final AlgorithmConstraints constraints;
    private final JwksCache jwks;
    private final ReplayProtection replay;
    private final Clock clock;
    private final long skewSeconds;
    private final long maxLifetimeSeconds;
    private final ProviderContext ecProvider;
    private final EcdsaVerifier ecdsa;

    public ClientJwtVerifier(Collection<TrustedIssuer> issuers, Collection<String> algorithms, JwksCache jwks,
                             ReplayProtection replay, Clock clock, Duration clockSkew, Duration maxTokenLifetime) {
        this(issuers, algorithms, jwks, replay, clock, clockSkew, maxTokenLifetime, null);
    }

    /**
     * @param ecSignatureProvider JCA provider name for ECDSA verification (e.g. {@code BC}), or null for the JDK's
     */
    public ClientJwtVerifier(Collection<TrustedIssuer> issuers, Collection<String> algorithms, JwksCache jwks,
                             ReplayProtection replay, Clock clock, Duration clockSkew, Duration maxTokenLifetime,
                             String ecSignatureProvider) {
        if (ecSignatureProvider != null) {
            ProviderContext pc = new ProviderContext();
            pc.getSuppliedKeyProviderContext().setSignatureProvider(ecSignatureProvider);
            this.ecProvider = pc;
        } else {
            this.ecProvider = null;
        }
        this.ecdsa = "BC".equals(ecSignatureProvider) ? new EcdsaVerifier() : null;
        Map<String, TrustedIssuer> byIss = new HashMap<>();
        issuers.forEach(i -> byIss.put(i.issuer(), i));
        this.issuers = Map.copyOf(byIss);
        Set<String> algs = new LinkedHashSet<>();
        for (String a : algorithms) {
            String alg = a.trim();
            if (alg.isEmpty()) continue;
            if (NEVER.contains(alg) || alg.startsWith("HS")) {
                throw new IllegalArgumentException("algorithm " + alg + " is not allowed for CDS Hooks client JWTs (none and symmetric algorithms are refused)");
            }
            algs.add(alg);
        }
        if (algs.isEmpty()) throw new IllegalArgumentException("no client-JWT algorithm allowed");
        this.algorithms = Set.copyOf(algs);
        this.constraints = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algs.toArray(String[]::new));
        this.jwks = jwks;
        this.replay = replay;
        this.clock = clock;
        this.skewSeconds = clockSkew.toSeconds();
        this.maxLifetimeSeconds = maxTokenLifetime.toSeconds();
    }

    public Optional<TrustedIssuer> issuer(String iss) {
        return Optional.ofNullable(issuers.get(iss));
    }

    /**
     * @param authorization the {@code Authorization} header
     * @param audiences     the URLs this call may be addressed to (the endpoint called)
     */
    public ClientIdentity verify(String authorization, Collection<String> audiences) throws AuthenticationFailed {
        String token = bearer(authorization);
        JsonWebSignature jws;
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(token);
            if (!(structure instanceof JsonWebSignature s)) throw new AuthenticationFailed("not a signed JWT (JWE)");
            jws = s;
        } catch (JoseException e) {
            throw new AuthenticationFailed("malformed JWT");
        }
        String alg = jws.getAlgorithmHeaderValue();
        if (alg == null || !algorithms.contains(alg)) throw new AuthenticationFailed("algorithm not allowed: " + alg);
        String typ = jws.getHeader("typ");
        if (typ != null && !"JWT".equalsIgnoreCase(typ)) throw new AuthenticationFailed("typ is not JWT");

        JwtClaims claims;
        try {
            claims = JwtClaims.parse(jws.getUnverifiedPayload());
        } catch (InvalidJwtException | RuntimeException e) {
            throw new AuthenticationFailed("malformed claims");
        }
        try {
            String iss = claims.getIssuer();
            TrustedIssuer trusted = iss == null ? null : issuers.get(iss);
            if (trusted == null) throw new AuthenticationFailed("issuer not trusted");

            PublicKey key = key(trusted, jws.getKeyIdHeaderValue(), jws.getHeader("jku"), alg);
            if (!signatureValid(token, jws, alg, key)) throw new AuthenticationFailed("bad signature");

            long now = clock.instant().getEpochSecond();
            NumericDate exp = claims.getExpirationTime();
            NumericDate iat = claims.getIssuedAt();
            if (exp == null) throw new AuthenticationFailed("no exp");
            if (iat == null) throw new AuthenticationFailed("no iat");
            if (now > exp.getValue() + skewSeconds) throw new AuthenticationFailed("expired");
            if (iat.getValue() > now + skewSeconds) throw new AuthenticationFailed("issued in the future");
            if (exp.getValue() - now > maxLifetimeSeconds + skewSeconds || exp.getValue() - iat.getValue() > maxLifetimeSeconds + skewSeconds) {
                throw new AuthenticationFailed("lifetime longer than allowed");
            }
            NumericDate nbf = claims.getNotBefore();
            if (nbf != null && nbf.getValue() > now + skewSeconds) throw new AuthenticationFailed("not yet valid");

            List<String> aud = claims.getAudience();
            if (aud == null || aud.stream().noneMatch(a -> audiences.contains(normalise(a)))) throw new AuthenticationFailed("wrong audience");

            String sub = claims.getSubject();
            if (!trusted.subjects().isEmpty() && (sub == null || !trusted.subjects().contains(sub))) throw new AuthenticationFailed("subject not allowed");

            String jti = claims.getJwtId();
            if (jti == null || jti.isBlank()) throw new AuthenticationFailed("no jti");
            if (!replay.firstUse(iss, jti, exp.getValue() + skewSeconds, now)) throw new AuthenticationFailed("jti replayed");

            Object tenant = claims.getClaimValue("tenant");
            return new ClientIdentity(iss, sub, tenant == null ? null : tenant.toString());
        } catch (MalformedClaimException e) {
            throw new AuthenticationFailed("malformed claim");
        }
    }

    /**
     * ECDSA through {@link EcdsaVerifier} when BouncyCastle is there (the key's precomputation kept across calls: the
     * JWT check was half of a patient-view call's CPU), everything else through jose4j.
     */
    private boolean signatureValid(String token, JsonWebSignature jws, String alg, PublicKey key) throws AuthenticationFailed {
        if (ecdsa != null && EcdsaVerifier.handles(alg)) {
            int dot = token.lastIndexOf('.');
            try {
                return ecdsa.verify(alg, key, token.substring(0, dot).getBytes(StandardCharsets.US_ASCII),
                        Base64.getUrlDecoder().decode(token.substring(dot + 1)));
            } catch (InvalidKeyException e) {
                throw new AuthenticationFailed("key does not fit the algorithm");
            } catch (IllegalArgumentException e) {
                return false; // the signature part is not base64url
            }
        }
        jws.setAlgorithmConstraints(constraints);
        jws.setKey(key);
        if (ecProvider != null && alg.startsWith("ES")) jws.setProviderContext(ecProvider);
        try {
            return jws.verifySignature();
        } catch (JoseException e) {
            return false;
        }
    }

    /** Trailing slashes do not make a different endpoint. */
    public static String normalise(String url) {
        String u = url.trim();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }

    private static String bearer(String authorization) throws AuthenticationFailed {
        if (authorization == null) throw new AuthenticationFailed("no Authorization header");
        String h = authorization.trim();
        if (h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) throw new AuthenticationFailed("not a Bearer token");
        String token = h.substring(7).trim();
        if (token.isEmpty()) throw new AuthenticationFailed("empty Bearer token");
        return token;
    }

    private PublicKey key(TrustedIssuer issuer, String kid, String jku, String alg) throws AuthenticationFailed {
        Optional<JsonWebKey> found = Optional.empty();
        if (jku != null && issuer.jkuAllowList().contains(jku)) {
            found = jwks.key(jku, kid);
        }
        // a jku not on the allow-list is not honoured: only the keys configured for the issuer count
        if (found.isEmpty()) found = JwksCache.find(issuer.inlineKeys(), kid);
        if (found.isEmpty() && issuer.jwksUrl().isPresent()) found = jwks.key(issuer.jwksUrl().get(), kid);
        JsonWebKey jwk = found.orElseThrow(() -> new AuthenticationFailed("no key for kid"));
        if (!(jwk instanceof PublicJsonWebKey pk) || pk.getPublicKey() == null) throw new AuthenticationFailed("key is not a public key");
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(alg)) throw new AuthenticationFailed("key is for another algorithm");
        if (jwk.getUse() != null && !"sig".equals(jwk.getUse())) throw new AuthenticationFailed("key is not a signing key");
        return pk.getPublicKey();
    }
}

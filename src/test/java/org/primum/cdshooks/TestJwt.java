package org.primum.cdshooks;

import org.jose4j.jwk.*;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.*;

/**
 * Test keys (EC P-384 and RSA, generated at test time) and real signed client JWTs, good and bad.
 * The keys are handed from the test environment (which publishes the public JWK Sets) to the tests
 * through a system property, so that they survive Quarkus' test class loaders.
 */
public final class TestJwt {
    public static final String ISSUER = "https://ehr.test.example/";
    public static final String INLINE_ISSUER = "https://inline-ehr.test.example/";
    static final String KEYS_PROPERTY = "cdshooks-test.private-jwks";
    static final String JWKS_BASE_PROPERTY = "cdshooks-test.jwks-base";

    /** kid → key pair (private part included). */
    private final Map<String, PublicJsonWebKey> keys;

    private TestJwt(Map<String, PublicJsonWebKey> keys) {
        this.keys = keys;
    }

    /** ec-1, rsa-1 (issuer JWKS URL), jku-1 (allow-listed jku), evil-1 (jku not allowed), inline-1 (inline JWKS), rogue-ec-1 (same kid as ec-1, unknown key). */
    public static TestJwt generate() {
        try {
            Map<String, PublicJsonWebKey> k = new LinkedHashMap<>();
            k.put("ec-1", ec("ec-1"));
            k.put("rsa-1", rsa("rsa-1"));
            k.put("jku-1", ec("jku-1"));
            k.put("evil-1", ec("evil-1"));
            k.put("inline-1", rsa("inline-1"));
            PublicJsonWebKey rogue = ec("ec-1");
            k.put("rogue-ec-1", rogue);
            return new TestJwt(k);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey ec(String kid) throws JoseException {
        EllipticCurveJsonWebKey k = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        k.setKeyId(kid);
        return k;
    }

    private static PublicJsonWebKey rsa(String kid) throws JoseException {
        RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
        k.setKeyId(kid);
        return k;
    }

    /** The keys the test environment published (see {@link CdsHooksTestEnvironment}). */
    public static TestJwt shared() {
        String json = System.getProperty(KEYS_PROPERTY);
        if (json == null) throw new IllegalStateException("the CDS Hooks test environment is not started");
        return fromPrivateJwks(json);
    }

    public static TestJwt fromPrivateJwks(String json) {
        try {
            Map<String, PublicJsonWebKey> k = new LinkedHashMap<>();
            JsonWebKeySet set = new JsonWebKeySet(json);
            // the set holds each key once under its map name (x-name), because rogue-ec-1 reuses the kid ec-1
            for (JsonWebKey key : set.getJsonWebKeys()) k.put((String) key.getOtherParameterValue("x-name", String.class), (PublicJsonWebKey) key);
            return new TestJwt(k);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public String privateJwks() {
        List<String> parts = new ArrayList<>();
        keys.forEach((name, key) -> {
            Map<String, Object> params = key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
            params.put("x-name", name);
            parts.add(org.jose4j.json.JsonUtil.toJson(params));
        });
        return "{\"keys\":[" + String.join(",", parts) + "]}";
    }

    /** The public JWK Set of these keys (private parts left out). */
    public String publicJwks(String... names) {
        List<JsonWebKey> list = new ArrayList<>();
        for (String n : names) list.add(keys.get(n));
        return new JsonWebKeySet(list).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public static String jwksBase() {
        return System.getProperty(JWKS_BASE_PROPERTY);
    }

    public Token token(String audience) {
        return new Token(this, audience);
    }

    /** A client JWT under construction: good by default (ES384, ec-1, issuer, 4-minute lifetime, fresh jti). */
    public static final class Token {
        private final TestJwt keys;
        String issuer = ISSUER;
        List<String> audience;
        String keyName = "ec-1";
        String alg = AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384;
        String kid = null;
        String jku = null;
        long issuedAtOffset = 0;
        long lifetime = 240;
        String jti = UUID.randomUUID().toString();
        boolean withJti = true;
        boolean withExp = true;
        String subject = "ehr-client";
        byte[] hmacSecret = null;

        Token(TestJwt keys, String audience) {
            this.keys = keys;
            this.audience = List.of(audience);
        }

        public Token issuer(String v) { issuer = v; return this; }
        public Token audience(String... v) { audience = List.of(v); return this; }
        /** Sign with this key (its kid unless {@link #kid} says otherwise); RS384 for RSA keys. */
        public Token key(String name) {
            keyName = name;
            alg = keys.keys.get(name) instanceof RsaJsonWebKey ? AlgorithmIdentifiers.RSA_USING_SHA384 : AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384;
            return this;
        }
        public Token alg(String v) { alg = v; return this; }
        public Token kid(String v) { kid = v; return this; }
        public Token jku(String v) { jku = v; return this; }
        public Token issuedSecondsAgo(long s) { issuedAtOffset = -s; return this; }
        public Token lifetimeSeconds(long s) { lifetime = s; return this; }
        public Token jti(String v) { jti = v; return this; }
        public Token noJti() { withJti = false; return this; }
        public Token noExp() { withExp = false; return this; }
        public Token hmac(String secret) { hmacSecret = secret.getBytes(StandardCharsets.UTF_8); alg = AlgorithmIdentifiers.HMAC_SHA384; return this; }

        public String compact() {
            try {
                JwtClaims claims = new JwtClaims();
                claims.setIssuer(issuer);
                claims.setAudience(audience);
                claims.setSubject(subject);
                long now = System.currentTimeMillis() / 1000 + issuedAtOffset;
                claims.setIssuedAt(NumericDate.fromSeconds(now));
                if (withExp) claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime));
                if (withJti) claims.setJwtId(jti);
                claims.setClaim("tenant", "test-tenant");
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(claims.toJson());
                jws.setHeader("typ", "JWT");
                PublicJsonWebKey key = keys.keys.get(keyName);
                jws.setKeyIdHeaderValue(kid != null ? kid : key.getKeyId());
                if (jku != null) jws.setHeader("jku", jku);
                if (AlgorithmIdentifiers.NONE.equals(alg)) {
                    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
                    jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
                } else if (hmacSecret != null) {
                    jws.setAlgorithmHeaderValue(alg);
                    jws.setKey(new HmacKey(hmacSecret));
                    jws.setDoKeyValidation(false);
                } else {
                    jws.setAlgorithmHeaderValue(alg);
                    Key k = key.getPrivateKey();
                    jws.setKey(k);
                }
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        public String header() {
            return "Bearer " + compact();
        }
    }
}

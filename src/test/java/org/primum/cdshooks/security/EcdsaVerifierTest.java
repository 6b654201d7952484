package org.primum.cdshooks.security;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ECDSA check against signatures made by jose4j with the JDK's provider: valid ones pass, every alteration fails. */
class EcdsaVerifierTest {

    private final EcdsaVerifier verifier = new EcdsaVerifier();

    private record Signed(byte[] input, byte[] signature) {
    }

    private static Signed sign(EllipticCurveJsonWebKey key, String alg, String payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        jws.setPayload(payload);
        jws.setKey(key.getPrivateKey());
        String compact = jws.getCompactSerialization();
        int dot = compact.lastIndexOf('.');
        return new Signed(compact.substring(0, dot).getBytes(StandardCharsets.US_ASCII), Base64.getUrlDecoder().decode(compact.substring(dot + 1)));
    }

    private static ECParameterSpec curve(String alg) {
        return switch (alg) {
            case "ES256" -> EllipticCurves.P256;
            case "ES384" -> EllipticCurves.P384;
            default -> EllipticCurves.P521;
        };
    }

    @ParameterizedTest
    @CsvSource({"ES256", "ES384", "ES512"})
    void acceptsGoodSignaturesAndRefusesAlteredOnes(String alg) throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(curve(alg));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Signed s = sign(key, alg, "{\"jti\":\"" + i + "\",\"n\":" + random.nextInt() + "}");
            assertTrue(verifier.verify(alg, key.getPublicKey(), s.input(), s.signature()), "signature " + i);

            byte[] input = s.input().clone();
            input[random.nextInt(input.length)] ^= 1;
            assertFalse(verifier.verify(alg, key.getPublicKey(), input, s.signature()), "altered signing input " + i);

            byte[] signature = s.signature().clone();
            signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
            assertFalse(verifier.verify(alg, key.getPublicKey(), s.input(), signature), "altered signature " + i);
        }
    }

    @Test
    void refusesAnotherKeysSignature() throws Exception {
        EllipticCurveJsonWebKey signer = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        EllipticCurveJsonWebKey other = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        Signed s = sign(signer, "ES384", "{}");
        assertTrue(verifier.verify("ES384", signer.getPublicKey(), s.input(), s.signature()));
        assertFalse(verifier.verify("ES384", other.getPublicKey(), s.input(), s.signature()));
    }

    @Test
    void refusesOutOfRangeAndMisSizedSignatures() throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        Signed s = sign(key, "ES384", "{}");
        byte[] n = unsigned(EllipticCurves.P384.getOrder(), 48);
        byte[] zeroR = s.signature().clone();
        Arrays.fill(zeroR, 0, 48, (byte) 0);
        byte[] sIsN = s.signature().clone();
        System.arraycopy(n, 0, sIsN, 48, 48);
        byte[] rIsN = s.signature().clone();
        System.arraycopy(n, 0, rIsN, 0, 48);
        assertFalse(verifier.verify("ES384", key.getPublicKey(), s.input(), zeroR));
        assertFalse(verifier.verify("ES384", key.getPublicKey(), s.input(), sIsN));
        assertFalse(verifier.verify("ES384", key.getPublicKey(), s.input(), rIsN));
        assertFalse(verifier.verify("ES384", key.getPublicKey(), s.input(), Arrays.copyOf(s.signature(), 95)));
        assertFalse(verifier.verify("ES384", key.getPublicKey(), s.input(), new byte[0]));
    }

    @Test
    void refusesAKeyOfAnotherCurveOrType() throws Exception {
        EllipticCurveJsonWebKey p256 = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        Signed s = sign(p256, "ES256", "{}");
        assertThrows(InvalidKeyException.class, () -> verifier.verify("ES384", p256.getPublicKey(), s.input(), s.signature()));
        assertThrows(InvalidKeyException.class, () -> verifier.verify("ES384", RsaJwkGenerator.generateJwk(2048).getPublicKey(),
                s.input(), s.signature()));
        assertThrows(IllegalArgumentException.class, () -> verifier.verify("RS384", p256.getPublicKey(), s.input(), s.signature()));
    }

    private static byte[] unsigned(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        System.arraycopy(raw, Math.max(0, raw.length - length), out, Math.max(0, length - raw.length), Math.min(length, raw.length));
        return out;
    }
}

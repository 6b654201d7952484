package org.primum.cdshooks.security;

import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.crypto.signers.ECDSASigner;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ECDSA verification of a JWS (ES256, ES384, ES512; the JOSE signature is {@code r || s}, RFC 7518 §3.4) by
 * BouncyCastle's {@link ECDSASigner}, with each public key prepared once. Every patient-view call carries a fresh
 * client JWT, and its ES384 verification was half of the call's CPU: through {@code Signature}, BouncyCastle
 * converts the JDK key into a new curve point each time and so rebuilds the point's precomputed multiples per
 * verification. Here the key's curve point is kept, so the multiples BouncyCastle stores on it are built once per
 * key and reused; the check itself is the library's (SEC 1 §4.1.4). Thread-safe.
 */
final class EcdsaVerifier {

    /** Keys come from configuration and the issuers' JWK Sets: few; the cap only bounds a misbehaving key source. */
    private static final int MAX_KEYS = 1_000;

    private record Curve(String digest, int orderBits) {
    }

    private static final Map<String, Curve> ALGORITHMS = Map.of(
            "ES256", new Curve("SHA-256", 256), "ES384", new Curve("SHA-384", 384), "ES512", new Curve("SHA-512", 521));

    private final Map<PublicKey, ECPublicKeyParameters> prepared = new ConcurrentHashMap<>();

    static boolean handles(String alg) {
        return ALGORITHMS.containsKey(alg);
    }

    /**
     * @param signingInput the JWS signing input, {@code base64url(header) '.' base64url(payload)} as ASCII
     * @param signature    the decoded JWS signature ({@code r || s}, each the order's length in bytes)
     * @throws InvalidKeyException when the key is not an EC key of the algorithm's curve
     */
    boolean verify(String alg, PublicKey key, byte[] signingInput, byte[] signature) throws InvalidKeyException {
        Curve curve = ALGORITHMS.get(alg);
        if (curve == null) throw new IllegalArgumentException("not an ECDSA JWS algorithm: " + alg);
        ECPublicKeyParameters q = prepared(key);
        ECDomainParameters domain = q.getParameters();
        BigInteger n = domain.getN();
        if (n.bitLength() != curve.orderBits()) throw new InvalidKeyException(alg + " needs a key on its own curve");
        int half = (n.bitLength() + 7) / 8;
        if (signature.length != 2 * half) return false;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, 2 * half));
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) return false;

        // BouncyCastle's own check (SEC 1 §4.1.4: hash truncated to the order, x(u1·G + u2·Q) mod n == r); its
        // multiplications keep their precomputed multiples on the points, which live as long as the prepared key
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, q);
        return signer.verifySignature(digest(curve.digest(), signingInput), r, s);
    }

    /** The key as BouncyCastle's curve point, kept so that its comb table (stored on the point) is built once. */
    private ECPublicKeyParameters prepared(PublicKey key) throws InvalidKeyException {
        ECPublicKeyParameters p = prepared.get(key);
        if (p != null) return p;
        if (!(key instanceof ECPublicKey)) throw new InvalidKeyException("not an EC public key");
        p = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
        if (prepared.size() >= MAX_KEYS) prepared.clear();
        ECPublicKeyParameters raced = prepared.putIfAbsent(key, p);
        return raced != null ? raced : p;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

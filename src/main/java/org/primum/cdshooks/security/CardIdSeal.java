package org.primum.cdshooks.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Card uuids bound to the client they were issued to, with no write per card: an RFC 9562 version-8 UUID whose
 * 122 free bits are a 32-bit card signature (what the card carries: the caller's business), 42 random bits
 * (so that two cards differ) and a 48-bit MAC, HMAC-SHA256 truncated, keyed with a secret every instance
 * shares, over (client, signature, random bits). Only this service can issue a uuid that {@link #signatureOf}
 * accepts for a client, and only for that client: a forged uuid passes with probability 2^-48 per guess, and
 * each guess costs the guesser a fresh signed client JWT.
 *
 * <pre>
 *  most significant 64 bits:  signature(32) | random[41..26](16) | version 8 (4) | random[25..14](12)
 *  least significant 64 bits: variant 10 (2) | random[13..0](14) | mac(48)
 * </pre>
 */
public final class CardIdSeal {
    static final int MAC_BITS = 48;
    private static final long MAC_MASK = (1L << MAC_BITS) - 1;
    private static final long RANDOM_MASK = (1L << 42) - 1;
    /** Keeps these MACs apart from anything else the same secret might ever key. */
    private static final byte[] DOMAIN = "primum/cds-card-id/v1".getBytes(StandardCharsets.UTF_8);

    private final ThreadLocal<Mac> macs;

    /** @param secret at least 32 bytes, the same on every instance ({@link ServerSecrets}) */
    public CardIdSeal(byte[] secret) {
        if (secret.length < 32) throw new IllegalArgumentException("the card-id secret must have at least 32 bytes");
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** A new card uuid carrying {@code signature}, for {@code client} (the issuer of its JWT; null: no client). */
    public UUID issue(int signature, String client) {
        long random = ThreadLocalRandom.current().nextLong() & RANDOM_MASK;
        long mac = mac(client, signature, random);
        long msb = ((long) signature << 32) | ((random >>> 26) << 16) | 0x8000L | ((random >>> 14) & 0xFFFL);
        long lsb = 0x8000_0000_0000_0000L | ((random & 0x3FFFL) << MAC_BITS) | mac;
        return new UUID(msb, lsb);
    }

    /**
     * The signature a card uuid carries if this service issued it to {@code client}; empty for anything else:
     * not a uuid, not version 8, issued to another client, forged, or issued under another secret.
     */
    public OptionalInt signatureOf(String cardUuid, String client) {
        UUID id;
        try {
            id = UUID.fromString(cardUuid);
        } catch (IllegalArgumentException | NullPointerException e) {
            return OptionalInt.empty();
        }
        if (id.version() != 8 || id.variant() != 2) return OptionalInt.empty();
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        int signature = (int) (msb >>> 32);
        long random = (((msb >>> 16) & 0xFFFFL) << 26) | ((msb & 0xFFFL) << 14) | ((lsb >>> MAC_BITS) & 0x3FFFL);
        // comparing two longs takes the same time whichever bits differ: no timing oracle on the MAC
        return mac(client, signature, random) == (lsb & MAC_MASK) ? OptionalInt.of(signature) : OptionalInt.empty();
    }

    private long mac(String client, int signature, long random) {
        byte[] who = (client == null ? "" : client).getBytes(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.allocate(DOMAIN.length + 4 + who.length + 4 + 8);
        in.put(DOMAIN).putInt(who.length).put(who).putInt(signature).putLong(random); // length-prefixed: unambiguous
        byte[] h = macs.get().doFinal(in.array());
        return ByteBuffer.wrap(h).getLong() >>> (64 - MAC_BITS);
    }
}

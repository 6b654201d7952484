package org.primum.cdshooks.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Card uuids sealed to their client: the layout, the round trip, and that no bit can be changed unnoticed. */
class CardIdSealTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String A = "https://ehr-a.example/";
    static final String B = "https://ehr-b.example/";

    private final CardIdSeal seal = new CardIdSeal(SECRET);

    @Test
    void aCardIdIsAVersion8UuidCarryingItsSignatureForItsClientOnly() {
        UUID id = seal.issue(0xCAFEBABE, A);
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat((int) (id.getMostSignificantBits() >>> 32)).isEqualTo(0xCAFEBABE);
        assertThat(seal.signatureOf(id.toString(), A)).isEqualTo(OptionalInt.of(0xCAFEBABE));
        assertThat(seal.signatureOf(id.toString(), B)).isEmpty();
        assertThat(seal.signatureOf(id.toString(), null)).isEmpty();
        assertThat(seal.signatureOf(id.toString().toUpperCase(), A)).isEqualTo(OptionalInt.of(0xCAFEBABE));
    }

    @Test
    void everyFreeBitIsCovered() {
        UUID id = seal.issue(0x12345678, A);
        for (int bit = 0; bit < 128; bit++) {
            boolean versionOrVariant = (bit >= 76 && bit <= 79) || bit >= 62 && bit <= 63;
            if (versionOrVariant) continue;
            UUID changed = bit < 64 ? new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() ^ (1L << bit))
                    : new UUID(id.getMostSignificantBits() ^ (1L << (bit - 64)), id.getLeastSignificantBits());
            assertThat(seal.signatureOf(changed.toString(), A)).as("bit " + bit).isEmpty();
        }
    }

    @Test
    void cardIdsDifferAndAnotherSecretDoesNotAcceptThem() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) ids.add(seal.issue(7, A));
        assertThat(ids).hasSize(10_000);
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertThat(new CardIdSeal(other).signatureOf(ids.iterator().next().toString(), A)).isEmpty();
    }

    @Test
    void clientNamesAreNotAmbiguous() {
        // the client is length-prefixed in the MAC input: no client name can be shifted into the signature
        UUID id = seal.issue(1, "ab");
        assertThat(seal.signatureOf(id.toString(), "a")).isEmpty();
        assertThat(seal.signatureOf(id.toString(), "ab ")).isEmpty();
    }

    @Test
    void notCardIdsAreRefused() {
        for (String s : new String[]{null, "", "card-1", UUID.randomUUID().toString(), "00000000-0000-8000-8000-000000000000"}) {
            assertThat(seal.signatureOf(s, A)).as(String.valueOf(s)).isEmpty();
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new CardIdSeal(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.primum.cdshooks;

import org.junit.jupiter.api.Test;
import org.primum.cdshooks.security.ReplayGuard;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTest {
    @Test
    void aTokenIdIsAcceptedOncePerIssuerUntilItExpires() {
        ReplayGuard g = new ReplayGuard(100);
        assertThat(g.firstUse("iss-a", "j1", 1_000, 900)).isTrue();
        assertThat(g.firstUse("iss-a", "j1", 1_000, 901)).isFalse();
        assertThat(g.firstUse("iss-b", "j1", 1_000, 901)).isTrue(); // another issuer's jti space
        assertThat(g.firstUse("iss-a", "j1", 2_000, 1_001)).isTrue(); // the first token has expired
    }

    @Test
    void memoryIsBoundedAndFailsClosed() {
        ReplayGuard g = new ReplayGuard(3);
        assertThat(g.firstUse("i", "a", 1_000, 10)).isTrue();
        assertThat(g.firstUse("i", "b", 1_000, 10)).isTrue();
        assertThat(g.firstUse("i", "c", 1_000, 10)).isTrue();
        assertThat(g.firstUse("i", "d", 1_000, 10)).isFalse(); // full of live ids: refuse rather than forget
        assertThat(g.firstUse("i", "d", 2_000, 1_001)).isTrue(); // expired ones are swept
        assertThat(g.size()).isEqualTo(1);
    }
}

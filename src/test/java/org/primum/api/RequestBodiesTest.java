package org.primum.api;

import org.junit.jupiter.api.Test;
import org.primum.input.InvalidInputException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodiesTest {

    @Test
    void fingerprintIsAShortHashNotTheContent() {
        String fp = RequestBodies.fingerprint(bytes("{\"name\":\"Jane\"}"));
        assertThat(fp).hasSize(12).matches("[0-9a-f]+").isNotEqualTo(RequestBodies.fingerprint(bytes("{\"name\":\"Joan\"}")));
    }

    @Test
    void fingerprintIsTheSha256PrefixEveryTime() {
        // the digest is cloned from one prototype: no call may see another call's input
        assertThat(RequestBodies.fingerprint(bytes("abc"))).isEqualTo("ba7816bf8f01");
        RequestBodies.fingerprint(bytes("something else"));
        assertThat(RequestBodies.fingerprint(bytes("abc"))).isEqualTo("ba7816bf8f01");
        assertThat(RequestBodies.fingerprint(null)).isEqualTo("e3b0c44298fc");
    }

    @Test
    void bodiesOverTheLimitAre413() {
        RequestBodies.requireWithinLimit(bytes("12345"), 5);
        assertThatThrownBy(() -> RequestBodies.requireWithinLimit(bytes("123456"), 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(OperationOutcomes.status(e.problem())).isEqualTo(413));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

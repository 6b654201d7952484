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
    void bodiesOverTheLimitAre413() {
        RequestBodies.requireWithinLimit(bytes("12345"), 5);
        assertThatThrownBy(() -> RequestBodies.requireWithinLimit(bytes("123456"), 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(OperationOutcomes.status(e.problem())).isEqualTo(413));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package org.primum.audit.log;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.primum.core.Evaluated;
import org.primum.core.FhirInput;
import org.primum.core.Pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The input digest of loose inputs stays what it was: SHA-256 over each input's {@code JsonNode.toString()} and a newline. */
class DecisionLogDigestTest {

    @Test
    void looseInputsAreDigestedAsTheirCompactJsonOnePerLine() throws Exception {
        ObjectMapper fhirLike = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<FhirInput> inputs = List.of(
                FhirInput.of(fhirLike.readTree("{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1.50,\"unit\":\"µg/L\"},"
                        + "\"note\":[{\"text\":\"Zöe \\\"quoted\\\" \\u2028 line\"}]}"), "prefetch.a"),
                FhirInput.of(fhirLike.readTree("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\","
                        + "\"id\":\"p\",\"birthDate\":\"1970\"}}],\"total\":1e3}"), null));
        Pipeline.Result result = new Pipeline.Result(null, null, List.of(), 2, List.of());
        Evaluated evaluated = new Evaluated("cds-hooks/patient-view", "Patient/p", LocalDate.of(2025, 1, 1), result, null, inputs);

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (FhirInput in : inputs) {
            sha.update(in.json().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        assertThat(DecisionLog.digest(evaluated)).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    }
}

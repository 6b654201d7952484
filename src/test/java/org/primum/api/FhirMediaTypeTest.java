package org.primum.api;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.primum.input.InvalidInputException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FhirMediaTypeTest {

    @Test
    void mediaTypesOtherThanFhirR4JsonAreRefused() {
        FhirMediaType.check(MediaType.valueOf("application/fhir+json"));
        FhirMediaType.check(MediaType.valueOf("application/fhir+json; fhirVersion=4.0"));
        FhirMediaType.check(MediaType.valueOf("application/json;charset=UTF-8"));
        for (String type : new String[]{"application/fhir+json; fhirVersion=3.0", "application/fhir+json;fhirVersion=5.0",
                "application/json+fhir", "text/plain", "application/fhir+xml"}) {
            assertThatThrownBy(() -> FhirMediaType.check(MediaType.valueOf(type)))
                    .as(type).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(OperationOutcomes.status(e.problem())).isEqualTo(415);
                        assertThat(e.location()).isEqualTo("Content-Type");
                    });
        }
        assertThatThrownBy(() -> FhirMediaType.check(new MediaType("application", "fhir+json", Map.of("fhirVersion", "3.0"))))
                .hasMessageContaining("fhirVersion=3.0").hasMessageContaining("R4");
        assertThatThrownBy(() -> FhirMediaType.check(null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(OperationOutcomes.status(e.problem())).isEqualTo(415));
    }
}

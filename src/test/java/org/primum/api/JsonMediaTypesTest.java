package org.primum.api;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.primum.input.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonMediaTypesTest {

    @Test
    void jsonAndPlusJsonTypesAreJson() {
        for (String t : new String[]{"application/json", "application/fhir+json", "application/cds-hooks+json", "Application/JSON",
                "application/json; charset=utf-8", "application/fhir+json; fhirVersion=4.0"}) {
            assertThatCode(() -> JsonMediaTypes.require(MediaType.valueOf(t))).as(t).doesNotThrowAnyException();
        }
    }

    @Test
    void otherTypesAreNot() {
        for (String t : new String[]{"text/plain", "text/json", "application/xml", "application/json+fhir", "application/+json",
                "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=iso-8859-1"}) {
            assertThatThrownBy(() -> JsonMediaTypes.require(MediaType.valueOf(t))).as(t).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> JsonMediaTypes.require(null)).isInstanceOf(InvalidInputException.class);
        assertThat(JsonMediaTypes.isJson(null)).isFalse();
    }
}

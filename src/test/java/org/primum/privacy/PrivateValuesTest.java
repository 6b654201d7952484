package org.primum.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The two halves of the DEBUG-log privacy test: what is looked for, and how it is found. */
class PrivateValuesTest {

    @Test
    void namesBirthDateIdentifiersContactsAddressAndFreeTextAreFoundByWalkingTheInput() throws IOException {
        var jenny = new ObjectMapper().readTree(Path.of("src/test/resources/fixtures/public/mcode-patient-bundle-jenny-m.json").toFile());
        var values = PrivateValues.of(jenny).values();
        assertThat(values).containsKeys("Jenny", "1965-01-01", "MRN1234", "555-867-5309", "example@example.com", "123 Main St",
                "Anytown", "Owen", "Oncologist", "9988776651", "cyclophosphamide (600 mg/m² IV), 932.59mg");
        assertThat(values.get("Jenny")).isEqualTo("Patient.name.given");
        // a run of the narrative
        assertThat(values.keySet()).anyMatch(v -> v.startsWith("Jenny M") && v.contains("MRN1234"));
        // codes are terminology (their displays are looked for only where the narrative repeats them); a one-letter
        // family name says nothing
        assertThat(values.keySet()).doesNotContain("353431000119107", "http://snomed.info/sct", "M");
    }

    @Test
    void valuesAreFoundAsWholeTokensAndWordSequences() {
        LogText log = new LogText("DEBUG org.primum.X: request 1a2b: name Eve, born 1965-01-01; note \"Lives alone. Daughter visits\"\n"
                + "INFO Event bus started at 555-867-5309.");
        assertThat(log.holds("Eve")).isTrue();
        assertThat(log.holds("1965-01-01")).isTrue();
        assertThat(log.holds("555-867-5309")).isTrue();
        assertThat(log.holds("Lives alone. Daughter visits")).isTrue();
        assertThat(log.holds("Even")).isFalse();
        assertThat(log.holds("1965-01")).isFalse();
        assertThat(log.holds("Daughter lives")).isFalse();
    }
}

package org.primum.cdshooks.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the EHR's access token may go: every case of issue 15 (and more), parsed, never a string prefix.
 * The same comparison serves next links, referenced Medications and the {@code fhir-servers} allow-list.
 */
class FhirServerUrlTest {

    @ParameterizedTest(name = "{0} ⊇ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:2000          | http://127.0.0.1:2000/Patient/1                   | true
            http://127.0.0.1:2000          | http://127.0.0.1:2000                             | true
            http://127.0.0.1:2000          | http://127.0.0.1:20007/Patient/1                  | false
            http://127.0.0.1:2000          | http://127.0.0.1:200/Patient/1                    | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir/Observation?patient=1  | true
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir                        | true
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir/                       | true
            http://127.0.0.1:2000/fhir/    | http://127.0.0.1:2000/fhir?_getpages=abc          | true
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir-evil/Observation       | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhirx                       | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/other/fhir                  | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/                            | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/FHIR/Patient/1              | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir/../admin               | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir/%2e%2e/admin           | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir/%2E%2E%2Fadmin         | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir/..%5cadmin             | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000@evil.example/fhir/Patient/1 | false
            http://127.0.0.1:2000/fhir     | http://user@127.0.0.1:2000/fhir/Patient/1         | false
            http://127.0.0.1:2000/fhir     | https://127.0.0.1:2000/fhir/Patient/1             | false
            http://127.0.0.1:2000/fhir     | http://127.0.0.1:2000/fhir/Patient/1#x            | false
            http://127.0.0.1:2000/fhir     | http://localhost:2000/fhir/Patient/1              | false
            https://ehr.example            | https://ehr.example/fhir/Patient/1                | true
            https://ehr.example            | https://ehr.example:443/fhir/Patient/1            | true
            https://ehr.example:443        | https://ehr.example/fhir/Patient/1                | true
            https://ehr.example            | HTTPS://EHR.Example/fhir/Patient/1                | true
            https://ehr.example            | https://ehr.example.evil.io/fhir/Patient/1        | false
            https://ehr.example            | https://evil.io/fhir?u=https://ehr.example        | false
            https://ehr.example            | https://ehr.example:8443/fhir/Patient/1           | false
            https://ehr.example            | http://ehr.example/fhir/Patient/1                 | false
            http://ehr.example/fhir        | http://ehr.example:80/fhir/Patient/1              | true
            http://ehr.example:80/fhir     | http://ehr.example:8080/fhir/Patient/1            | false
            https://ehr.example            | ftp://ehr.example/fhir/Patient/1                  | false
            https://ehr.example            | Patient/1                                         | false
            https://ehr.example            | //ehr.example/fhir/Patient/1                      | false
            https://ehr.example            | not a url                                         | false
            ftp://ehr.example              | ftp://ehr.example/fhir                            | false
            Patient                        | Patient/1                                         | false
            """)
    void withinComparesSchemeHostPortParsedAndThePathOnSegmentBoundaries(String base, String url, boolean within) {
        assertThat(FhirServerUrl.within(base, url)).isEqualTo(within);
    }
}

package org.primum.audit.judge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Procedure a margin result's partOf names, however the reference is written. */
class MarginLinksTest {

    @Test
    void relativeAbsoluteVersionedAndUrnReferencesNameTheProcedure() {
        assertThat(MarginLinks.procedureId("Procedure/op1")).isEqualTo("Procedure/op1");
        assertThat(MarginLinks.procedureId("https://ehr.example.org/fhir/Procedure/op1/_history/3")).isEqualTo("Procedure/op1");
        assertThat(MarginLinks.procedureId("urn:uuid:5f0c2d1e")).isEqualTo("Procedure/5f0c2d1e");
    }

    @Test
    void aReferenceToAnythingElseNamesNone() {
        assertThat(MarginLinks.procedureId("MedicationAdministration/x")).isNull();
        assertThat(MarginLinks.procedureId("ImagingProcedure/x")).isNull();
        assertThat(MarginLinks.procedureId("Procedure/")).isNull();
        assertThat(MarginLinks.procedureId(null)).isNull();
    }
}

package org.primum.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.primum.input.Handling;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records of an earlier FHIR version that use R4's resource types are refused, saying so (the real DSTU2 and STU3
 * records of fixtures/realworld are RealWorldRecordsTest's); an R4 record with a stray element of the same name is
 * still read.
 */
class EarlierFhirVersionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FhirJsonReader reader = new FhirJsonReader();

    private static ObjectNode bundle(String resource) throws Exception {
        return (ObjectNode) JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}},{\"resource\":" + resource + "}]}");
    }

    @Test
    void aDstu2ConditionNamingItsPatientInPatientIsRefusedInBothModes() throws Exception {
        ObjectNode record = bundle("{\"resourceType\":\"Condition\",\"patient\":{\"reference\":\"Patient/p\"},"
                + "\"code\":{\"text\":\"breast cancer\"},\"clinicalStatus\":\"active\"}");
        for (Handling handling : Handling.values()) {
            assertThatThrownBy(() -> reader.read(record, handling)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
                assertThat(e.issueCode()).isEqualTo("not-supported");
                assertThat(e.getMessage()).contains("FHIR DSTU2", "Condition.patient", "Condition.subject");
                assertThat(e.location()).isEqualTo("Bundle.entry[1].resource.patient");
            });
        }
    }

    @Test
    void anStu3ProcedureRecordedAsNotDoneIsRefused() throws Exception {
        ObjectNode record = bundle("{\"resourceType\":\"Procedure\",\"subject\":{\"reference\":\"Patient/p\"},\"status\":\"completed\",\"notDone\":false}");
        assertThatThrownBy(() -> reader.read(record, Handling.LENIENT)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains("FHIR STU3", "Procedure.notDone", "removed"));
    }

    @Test
    void anR4ResourceWithAStrayElementOfTheSameNameBesideItsR4SuccessorIsRead() throws Exception {
        // a vendor's extra "patient" on an R4 Condition that names its patient in subject: tolerated as an unknown element
        ObjectNode record = bundle("{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/p\"},"
                + "\"patient\":{\"reference\":\"Patient/p\"},\"code\":{\"text\":\"breast cancer\"}}");
        FhirJsonReader.Parsed parsed = reader.read(record, Handling.LENIENT);
        assertThat(parsed.resourceCount()).isEqualTo(2);
        assertThat(parsed.warnings()).anySatisfy(w -> assertThat(w).contains("patient"));
    }

    @Test
    void aStringClinicalStatusStaysAnInvalidR4ElementLeftOutNotARefusal() throws Exception {
        ObjectNode record = bundle("{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"},"
                + "\"clinicalStatus\":\"active\",\"code\":{\"text\":\"breast cancer\"}}");
        FhirJsonReader.Parsed parsed = reader.read(record, Handling.LENIENT);
        assertThat(parsed.leftOut()).isNotEmpty();
    }
}

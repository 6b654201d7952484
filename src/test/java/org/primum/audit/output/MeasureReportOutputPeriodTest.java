package org.primum.audit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.BreastConservation;
import org.primum.audit.model.CriterionSummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MeasureReport's period when the earliest act is given rather than read from the patients (a report of the
 * cohort's figures only, as the Spark job has): it starts there, and at the audit's date when there is none or it
 * lies after it.
 */
class MeasureReportOutputPeriodTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private static JsonNode period(LocalDate earliestAct) throws IOException {
        AuditReport figures = new AuditReport("kb-1", AS_OF, List.of(new CriterionSummary("C1", "Criterion one", 3, 1, 2)),
                new BreastConservation(1, 2, 2), 6, 6, Map.of(), Map.of(), List.of(), 60, Map.of(), List.of(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MeasureReportOutput.write(figures, earliestAct, out);
        return new ObjectMapper().readTree(out.toByteArray()).path("period");
    }

    @Test
    void starts_at_the_earliest_act_given() throws IOException {
        assertThat(period(LocalDate.of(2019, 3, 4)).path("start").asText()).isEqualTo("2019-03-04");
        assertThat(period(LocalDate.of(2019, 3, 4)).path("end").asText()).isEqualTo("2025-12-31");
    }

    @Test
    void starts_at_the_audit_date_without_an_earlier_act() throws IOException {
        assertThat(period(null).path("start").asText()).isEqualTo("2025-12-31");
        assertThat(period(AS_OF.plusDays(1)).path("start").asText()).isEqualTo("2025-12-31");
    }
}

package org.primum.metrics;

import org.junit.jupiter.api.Test;
import org.primum.cdshooks.CdsServiceCatalog;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointTest {

    @Test
    void eachMeasuredPathIsOneEndpoint() {
        assertThat(Endpoint.ofPost("/tumour-board/evaluate")).isEqualTo(Endpoint.TUMOUR_BOARD);
        assertThat(Endpoint.ofPost("/tumour-board/report")).isEqualTo(Endpoint.TUMOUR_BOARD_REPORT);
        assertThat(Endpoint.ofPost("/cds-services/" + CdsServiceCatalog.PATIENT_VIEW)).isEqualTo(Endpoint.PATIENT_VIEW);
        assertThat(Endpoint.ofPost("/audit")).isEqualTo(Endpoint.AUDIT);
        assertThat(Endpoint.ofPost("/audit/replay")).isEqualTo(Endpoint.AUDIT_REPLAY);
    }

    @Test
    void otherPathsAreNotMeasured() {
        // feedback, unknown services, stored reports, anything a client makes up: no series of their own
        assertThat(Endpoint.ofPost("/cds-services/" + CdsServiceCatalog.PATIENT_VIEW + "/feedback")).isNull();
        assertThat(Endpoint.ofPost("/cds-services/Patient-123")).isNull();
        assertThat(Endpoint.ofPost("/tumour-board/report/0f3a")).isNull();
        assertThat(Endpoint.ofPost("/q/metrics")).isNull();
        assertThat(Endpoint.ofPost(null)).isNull();
    }

    @Test
    void cdsHooksServicesAreLabelledByTheirHook() {
        for (Endpoint e : new Endpoint[]{Endpoint.PATIENT_VIEW, Endpoint.ORDER_SELECT, Endpoint.ORDER_SIGN}) {
            String serviceId = e.path().substring("/cds-services/".length());
            assertThat(CdsServiceCatalog.hookOf(serviceId)).contains(e.label());
        }
    }

    @Test
    void labelsAreDistinct() {
        assertThat(Arrays.stream(Endpoint.values()).map(Endpoint::label)).doesNotHaveDuplicates();
    }
}

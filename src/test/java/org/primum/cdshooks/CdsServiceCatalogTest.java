package org.primum.cdshooks;

import org.junit.jupiter.api.Test;
import org.primum.cdshooks.model.ServiceDescriptor;
import org.primum.engine.ThresholdsFile;
import org.primum.facts.Thresholds;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The discovery texts quote the thresholds the evaluations apply, not numbers written by hand. */
class CdsServiceCatalogTest {

    private static final Thresholds DEFAULTS = ThresholdsFile.read(Path.of("rules"));

    @Test
    void theUsageQuotesTheDeNovoWindowInEffect() {
        assertThat(CdsServiceCatalog.discovery(DEFAULTS).services()).hasSize(3).allSatisfy(s -> assertThat(s.usageRequirements())
                .contains("(distant metastasis found within 90 days of the primary diagnosis)"));
        assertThat(CdsServiceCatalog.discovery(DEFAULTS.with(Map.of("deNovoWindowDays", 120))).services())
                .allSatisfy(s -> assertThat(s.usageRequirements())
                        .contains("(distant metastasis found within 120 days of the primary diagnosis)").doesNotContain("90 days"));
    }

    @Test
    void noPlaceholderIsLeftAndThePrefetchTemplatesAreUntouched() {
        for (ServiceDescriptor s : CdsServiceCatalog.discovery(DEFAULTS).services()) {
            assertThat(s.title() + s.description() + s.usageRequirements()).doesNotContain("{", "}");
            assertThat(s.prefetch()).isEqualTo(CdsServiceCatalog.PREFETCH);
        }
    }

    @Test
    void aServiceIdNamesItsHook() {
        assertThat(CdsServiceCatalog.hookOf(CdsServiceCatalog.ORDER_SIGN)).contains("order-sign");
        assertThat(CdsServiceCatalog.hookOf("no-such-service")).isEmpty();
    }
}

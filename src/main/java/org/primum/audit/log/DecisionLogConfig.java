package org.primum.audit.log;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code primum.decision-log.*}: what the decision log keeps (see application.properties). */
@ConfigMapping(prefix = "primum.decision-log")
public interface DecisionLogConfig {

    /** Record every tumour-board and CDS Hooks evaluation. */
    @WithDefault("true")
    boolean enabled();

    /** Salt of the patient hash; a deployment sets a secret of its own. */
    String salt();

    /** Keep the FHIR input as received (identifying data): replay then re-reads it instead of the logged facts. */
    @WithDefault("false")
    boolean rawFhir();

    /** Evaluations waiting to be written; beyond this, new ones are dropped (and counted) rather than slow the answers. */
    @WithDefault("10000")
    int queueCapacity();
}

package org.primum.cdshooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the CDS Hooks service ({@code primum.cdshooks.*} in application.properties, or
 * environment variables {@code PRIMUM_CDSHOOKS_...}). The client-JWT settings ({@code public-base-url},
 * {@code security.*}) are {@link org.primum.cdshooks.security.CdsSecurityConfig}, on the same prefix.
 */
@ConfigMapping(prefix = "primum.cdshooks")
public interface CdsHooksConfig {

    /** Time box of the fetch of missing prefetch data from the EHR's FHIR server (all keys together). */
    @WithDefault("3s")
    Duration fetchTimeout();

    /**
     * At most this many pages of one prefetch key are read, the prefetch's own first page included (next links
     * followed on fhirServer only); more is a 412: the service does not decide on part of the record.
     */
    @WithDefault("20")
    int fetchMaxPages();

    /**
     * At most this many referenced Medications that the prefetch lacks are read from fhirServer (one read each)
     * per call; more is a 412 asking for them in the prefetch ({@code _include=MedicationRequest:medication}).
     */
    @WithDefault("50")
    int fetchMaxMedications();
}

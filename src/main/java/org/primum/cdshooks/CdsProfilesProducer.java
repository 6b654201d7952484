package org.primum.cdshooks;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * Loads {@link CdsProfiles} from the configured profiles folder (the one the mapping reads) when the
 * service starts, so that a missing or broken file stops start-up instead of the first order hook.
 */
public class CdsProfilesProducer {
    private static final Logger LOG = Logger.getLogger(CdsProfilesProducer.class);

    @Produces
    @Singleton
    @Startup
    CdsProfiles profiles(@ConfigProperty(name = "primum.knowledge-base.profiles-dir", defaultValue = "fhir-profiles") String profilesDir) {
        CdsProfiles profiles = CdsProfiles.load(Path.of(profilesDir));
        LOG.infof("CDS Hooks: order suggestions for %d catalogue codes, %d override reasons (%s)",
                profiles.orderSuggestions().codes().size(), profiles.overrideReasons().codings().size(), profilesDir);
        return profiles;
    }
}

package org.primum.api.validation;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.PrimumConfig;

import java.nio.file.Path;

/**
 * The service's one {@link ProfileValidator}, built once: at start-up when every request is validated
 * ({@code primum.validation.enabled=true}, so a bad StructureDefinition stops start-up), else on the first
 * request that asks for it ({@code ?validate=true}), which then waits for it (seconds: HAPI loads the
 * base definitions).
 */
@Singleton
public class ProfileValidation {

    private static final Logger LOG = Logger.getLogger(ProfileValidation.class);

    private final ValidationConfig config;
    private final Path profilesDir;
    private volatile ProfileValidator validator;

    public ProfileValidation(ValidationConfig config, PrimumConfig primum) {
        this.config = config;
        this.profilesDir = Path.of(primum.knowledgeBase().profilesDir());
    }

    void atStartup(@Observes StartupEvent event) {
        if (config.enabled()) validator();
    }

    /** Validate every request whatever it asks. */
    public boolean always() {
        return config.enabled();
    }

    public ProfileValidator.Outcome validate(byte[] bundleJson) {
        return validator().validate(bundleJson);
    }

    private ProfileValidator validator() {
        ProfileValidator v = validator;
        if (v != null) return v;
        synchronized (this) {
            if (validator == null) {
                long start = System.nanoTime();
                validator = ProfileValidator.load(Path.of(config.structureDir()), profilesDir);
                LOG.infof("profile validator built in %d ms: %d StructureDefinitions", (System.nanoTime() - start) / 1_000_000,
                        validator.profiles().size());
            }
            return validator;
        }
    }
}

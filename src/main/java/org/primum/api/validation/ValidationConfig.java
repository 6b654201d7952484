package org.primum.api.validation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Profile validation of the input ({@code primum.validation.*}). */
@ConfigMapping(prefix = "primum.validation")
public interface ValidationConfig {

    /** Validate every evaluate request, as if each asked {@code ?validate=true} (off by default: it costs). */
    @WithDefault("false")
    boolean enabled();

    /** The StructureDefinitions and the index of expected profiles. */
    @WithDefault("fhir-profiles/structure")
    String structureDir();
}

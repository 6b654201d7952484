package org.primum.audit.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code primum.database.*}: how the shared schema is brought up to date at start-up ({@link SchemaMigration}). */
@ConfigMapping(prefix = "primum.database")
public interface DatabaseConfig {

    /** Migrate the schema (Flyway, {@code db/migration}) in the background as the service starts; false: it is managed outside. */
    @WithDefault("true")
    boolean migrateAtStart();

    /** How long a store's connection waits for a migration still running before its endpoint answers 503. */
    @WithDefault("30s")
    Duration migrationWait();

    /** After a failed migration, how long until the next connection asked for tries it again (meanwhile: 503 at once). */
    @WithDefault("10s")
    Duration migrationRetry();
}

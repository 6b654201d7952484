package org.primum.audit.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.primum.audit.store.DatabaseUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database not ready (schema still migrating at start-up) or broken (migration failed): 503 and an OperationOutcome. */
class DatabaseUnavailableMapperTest {

    private final DatabaseUnavailableMapper mapper = new DatabaseUnavailableMapper();

    @Test
    void stillMigratingIsATransient503WithRetryAfter() {
        Response r = mapper.databaseUnavailable(new DatabaseUnavailableException("the database is not ready yet", true, null), null);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(r.getEntity().toString()).contains("\"OperationOutcome\"").contains("\"transient\"").contains("not ready yet");
    }

    @Test
    void aFailedMigrationIsA503WithoutRetryAfter() {
        Response r = mapper.databaseUnavailable(new DatabaseUnavailableException("its schema migration failed", false, null), null);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(r.getEntity().toString()).contains("\"exception\"");
    }
}

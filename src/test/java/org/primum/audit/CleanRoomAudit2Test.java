package org.primum.audit;

import java.nio.file.Path;

/**
 * Round 2 of the clean-room audit (fixtures/cleanroom-audit2: real-life histories, several acts over years,
 * radiotherapy fractions and courses, earlier cancers, statuses, tumour boards in other resources, partial
 * dates, a patient named three ways over plain and gzip files; see its README).
 */
class CleanRoomAudit2Test extends CleanRoomCohortTest {
    @Override
    Path folder() {
        return Path.of("src/test/resources/fixtures/cleanroom-audit2");
    }
}

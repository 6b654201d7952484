package org.primum.audit;

import java.nio.file.Path;

/** Round 1 of the clean-room audit (fixtures/cleanroom-audit: 55 patients, one act per criterion; see its README). */
class CleanRoomAuditTest extends CleanRoomCohortTest {
    @Override
    Path folder() {
        return Path.of("src/test/resources/fixtures/cleanroom-audit");
    }
}

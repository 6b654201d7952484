package org.primum.audit.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The test profile of the tests whose audit jobs run the service's own engine: the other tests'
 * {@link FakeAuditRunner} (a global alternative of the test classpath) is left out. The decision log is off: a
 * fuzzed record's megabyte strings would be kept in the in-memory database for each of thousands of inputs. Only
 * warnings are logged, not a line per refused request. One profile for all of them, so that Quarkus need not
 * restart between them.
 */
public class RealAuditEngine implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.arc.exclude-types", FakeAuditRunner.class.getName(),
                "primum.decision-log.enabled", "false",
                "quarkus.log.category.\"org.primum\".level", "WARN");
    }
}

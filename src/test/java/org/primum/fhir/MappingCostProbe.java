package org.primum.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.time.LocalDate;

/**
 * A rough probe of mapping cost next to HAPI parsing (run with -Dprimum.probe=true). Prints figures;
 * asserts nothing (speed is measured by benchmarks, never asserted in tests).
 */
class MappingCostProbe {
    @Test
    @EnabledIfSystemProperty(named = "primum.probe", matches = "true")
    void probe() throws Exception {
        for (String f : Fixtures.files()) {
            String json = Files.readString(Fixtures.DIR.resolve(f));
            int rounds = json.length() > 1_000_000 ? 30 : 300;
            Bundle b = null;
            for (int i = 0; i < rounds; i++) b = Fixtures.parser().parseResource(Bundle.class, json);   // warm-up
            for (int i = 0; i < rounds; i++) Fixtures.MAPPER.map(b, LocalDate.of(2030, 1, 1));
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) b = Fixtures.parser().parseResource(Bundle.class, json);
            long t1 = System.nanoTime();
            for (int i = 0; i < rounds; i++) Fixtures.MAPPER.map(b, LocalDate.of(2030, 1, 1));
            long t2 = System.nanoTime();
            double parse = (t1 - t0) / 1e6 / rounds, map = (t2 - t1) / 1e6 / rounds;
            System.out.printf("%-55s %8d bytes  parse %8.3f ms  map %7.3f ms  (%.1f%%)%n", f, json.length(), parse, map, 100 * map / parse);
        }
    }
}

package org.primum.fhir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.primum.facts.*;

import java.time.LocalDate;

/** Prints what the mapping reads from each fixture (run with -Dprimum.dump=true). */
class DumpFixtures {
    @Test
    @EnabledIfSystemProperty(named = "primum.dump", matches = "true")
    void dump() {
        for (String f : Fixtures.files()) {
            ClinicalRecord r = Fixtures.MAPPER.map(Fixtures.bundle(f), LocalDate.of(2030, 1, 1));
            System.out.println("##### " + f);
            System.out.println(" patient " + r.patient());
            r.primaries().forEach(x -> System.out.println(" P " + x));
            r.metastases().forEach(x -> System.out.println(" M " + x));
            r.staging().forEach(x -> System.out.println(" S " + x));
            r.receptors().forEach(x -> System.out.println(" R " + x));
            r.performance().forEach(x -> System.out.println(" PS " + x));
            r.diseaseStatuses().forEach(x -> System.out.println(" DS " + x));
            r.therapies().stream().map(x -> x.drug() + "/" + x.drugClass()).distinct().forEach(x -> System.out.println(" T " + x));
            System.out.println(" T count " + r.therapies().size());
            r.procedures().forEach(x -> System.out.println(" PR " + x));
            r.orders().forEach(x -> System.out.println(" O " + x));
            r.symptoms().forEach(x -> System.out.println(" SY " + x));
            r.margins().forEach(x -> System.out.println(" MG " + x));
            r.unrecognised().forEach(x -> System.out.println(" U " + x));
            r.notes().forEach(x -> System.out.println(" N " + x));
            CaseFacts cf = new ClinicalInterpreter(Thresholds.CATALOGUE_DEFAULTS).interpret(r, LocalDate.of(2030, 1, 1));
            cf.first(Presentation.class).ifPresent(p -> System.out.println(" => " + p.scope() + ": " + p.reason()));
        }
    }
}

package org.primum;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.primum.audit.cli.AuditCommand;

import java.util.Arrays;

/**
 * The one entry of {@code quarkus-run.jar}: {@code audit …} runs the cohort audit as a plain command (picocli,
 * the service is not started); anything else, or nothing, starts the HTTP service as before.
 */
@QuarkusMain
public final class PrimumMain {

    public static void main(String... args) {
        if (args.length > 0 && "audit".equals(args[0])) {
            quietLibraries();
            int code = AuditCommand.run(Arrays.copyOfRange(args, 1, args.length));
            // the command ran outside Quarkus: end the JVM (Drools may leave non-daemon threads behind)
            System.exit(code);
        }
        Quarkus.run(args);
    }

    /**
     * Outside Quarkus nobody configures the log manager, and it lets the libraries' TRACE calls through to the
     * formatting (Drools describes every fact it inserts and every rule it fires: a third of a judged patient's
     * time, and patient data in the making). The command prints its own progress; the libraries say warnings only.
     */
    public static void quietLibraries() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        for (String library : new String[]{"org.drools", "org.kie", "ca.uhn.fhir", "org.hl7"}) {
            java.util.logging.Logger.getLogger(library).setLevel(java.util.logging.Level.WARNING);
        }
    }
}

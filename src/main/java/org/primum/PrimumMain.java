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
            int code = AuditCommand.run(Arrays.copyOfRange(args, 1, args.length));
            // the command ran outside Quarkus: end the JVM (Drools may leave non-daemon threads behind)
            System.exit(code);
        }
        Quarkus.run(args);
    }
}

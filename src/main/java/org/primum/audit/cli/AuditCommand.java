package org.primum.audit.cli;

import org.primum.audit.AuditEngine;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.AuditOutputs;
import org.primum.audit.model.AuditReport;
import org.primum.core.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code audit --input DIR|FILE --out DIR [--as-of DATE]}: the guideline audit of a cohort from the command
 * line, plain Java (picocli, no Quarkus): reads the knowledge base, audits, writes every output, prints a
 * summary. Exit 0 when the audit ran (input problems are reported, not fatal), 1 when it could not run, 2 on
 * a usage error.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Guideline audit of a cohort (catalogue section F): FHIR R4 Bulk Data NDJSON (or Bundles) in;"
                + " audit.json, audit.csv, measure-report.json and audit.html out.")
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, split = ",", paramLabel = "DIR|FILE",
            description = "NDJSON files (.ndjson, .ndjson.gz) or Bundles (.json), or folders of them; repeatable")
    List<Path> input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the outputs (created)")
    Path out;

    @Option(names = "--as-of", paramLabel = "DATE", description = "audit date, YYYY-MM-DD (default: today)")
    LocalDate asOf;

    @Option(names = "--rules", paramLabel = "DIR", description = "knowledge base (default: ${DEFAULT-VALUE})", defaultValue = "rules")
    Path rules;

    @Option(names = "--profiles", paramLabel = "DIR", description = "ValueSets and ConceptMaps (default: ${DEFAULT-VALUE})", defaultValue = "fhir-profiles")
    Path profiles;

    @Option(names = "--threads", description = "patients judged in parallel (default: one per core)")
    Integer threads;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "temporary files (default: the system's temporary folder)")
    Path workDir;

    private final PrintStream console;
    private final boolean terminal;

    AuditCommand(PrintStream console, boolean terminal) {
        this.console = console;
        this.terminal = terminal;
    }

    /** Runs the command with {@code args} (without the word {@code audit}); returns the exit code. */
    public static int run(String... args) {
        return run(System.out, System.err, System.console() != null, args);
    }

    /** As {@link #run(String...)}, printing to the given streams (tests). */
    public static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
        CommandLine cli = new CommandLine(new AuditCommand(out, terminal))
                .registerConverter(LocalDate.class, LocalDate::parse)
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("audit failed: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        AuditOptions options = AuditOptions.defaults(date).withWorkDir(workDir);
        if (threads != null) options = options.withThreads(threads);
        console.println("loading the knowledge base from " + rules + " and " + profiles);
        Pipeline pipeline = Pipeline.builder().rules(rules).profiles(profiles).build();
        AuditEngine engine = new AuditEngine(pipeline);
        ConsoleProgress progress = new ConsoleProgress(console, terminal);
        try (AuditReport report = engine.run(new AuditInput(input), options, progress, () -> false)) {
            progress.finish();
            List<Path> written = AuditOutputs.writeAll(report, out);
            console.printf("%d patients: %d audited, %d out of scope; %d input problems; knowledge base %s%n",
                    report.patients(), report.audited(), report.patients() - report.audited(), report.problemCount(),
                    report.knowledgeBaseVersion());
            report.summary().forEach(s -> console.printf("  %-46s concordant %d, discordant %d, not evaluable %d%n",
                    s.code(), s.concordant(), s.discordant(), s.notEvaluable()));
            written.forEach(p -> console.println("wrote " + p));
        }
        return 0;
    }
}

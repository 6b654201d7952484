package org.primum.audit.log;

import org.primum.core.EvaluationListener;
import org.primum.core.Pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Pipelines for the decision-log tests, built once per JVM (compiling the rules is the costly part): the
 * repository's knowledge base, and a copy of it with one rule edited. Their listener forwards to
 * {@link #LISTENER}, so each test plugs in the decision log of its own database.
 */
final class Pipelines {

    static final AtomicReference<EvaluationListener> LISTENER = new AtomicReference<>(EvaluationListener.NONE);

    private static Pipeline current;
    private static Pipeline edited;

    private Pipelines() {
    }

    static synchronized Pipeline current() {
        if (current == null) current = build(Path.of("rules"));
        return current;
    }

    /** The knowledge base with "Multidisciplinary discussion" (MULTIDISCIPLINARY_DISCUSSION) never firing. */
    static synchronized Pipeline withoutMultidisciplinaryDiscussion() {
        if (edited == null) {
            try {
                Path copy = Files.createTempDirectory("primum-rules-edited");
                try (Stream<Path> files = Files.list(Path.of("rules"))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, copy.resolve(f.getFileName()));
                }
                Path pathway = copy.resolve("pathway.drl");
                String drl = Files.readString(pathway);
                String rule = "rule \"Multidisciplinary discussion\"";
                int at = drl.indexOf("when", drl.indexOf(rule));
                Files.writeString(pathway, drl.substring(0, at) + "when\n    eval(false)\n" + drl.substring(at + "when".length()));
                edited = build(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return edited;
    }

    private static Pipeline build(Path rules) {
        return Pipeline.builder().rules(rules).profiles(Path.of("fhir-profiles"))
                .listener(e -> LISTENER.get().evaluated(e)).build();
    }
}

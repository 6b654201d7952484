package org.primum.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Build step (Maven, {@code process-classes}): compiles the DRL of a {@code rules/} folder into Drools modules
 * that the service loads instead of compiling the DRL at every start-up ({@link PrecompiledModule}):
 * {@code kb/rules.kjar} (every file) and {@code kb/audit.kjar} (the files that hold audit rules, for the audit's
 * sessions), each with its {@code .key}. Drools' executable model: the rules become Java classes compiled here,
 * so loading one is creating objects, not parsing DRL and compiling its consequences.
 *
 * <pre>java -cp … org.primum.engine.PrecompileRules rules target/classes</pre>
 *
 * The executable model's compiler ({@code drools-model-codegen}) is needed here only, and named by class name:
 * the service (and the Spark job, which compiles this package) run without it.
 */
public final class PrecompileRules {

    private static final String EXECUTABLE_MODEL = "org.drools.model.codegen.ExecutableModelProject";

    private PrecompileRules() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PrecompileRules RULES_DIR OUTPUT_DIR (the class path root, e.g. target/classes)");
            System.exit(2);
        }
        RuleFolder folder = RuleFolder.read(Path.of(args[0]));
        Path out = Path.of(args[1]).resolve(PrecompiledModule.DIR);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        byte[] rules = build(KnowledgeBase.RULES, folder.sources());
        write(out, KnowledgeBase.RULES, folder.sources(), rules);
        Map<String, String> audit = KnowledgeBase.auditSources(kieBase(rules), folder);
        if (audit.isEmpty()) {
            // no audit rule: the audit's sessions are the full base's, nothing to precompile
            Files.deleteIfExists(out.resolve(KnowledgeBase.AUDIT + ".kjar"));
            Files.deleteIfExists(out.resolve(KnowledgeBase.AUDIT + ".key"));
        } else {
            write(out, KnowledgeBase.AUDIT, audit, build(KnowledgeBase.AUDIT, audit));
        }
        System.out.printf("PrecompileRules: %d DRL files of %s (%d with audit rules) -> %s in %d ms%n", folder.sources().size(),
                args[0], audit.size(), out, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The module's bytes (a jar); a compile error fails the build with Drools' messages. */
    @SuppressWarnings("unchecked")
    private static byte[] build(String name, Map<String, String> sources) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("org.primum", "knowledge-base-" + name, RuleFolder.key(sources).substring(0, 12));
        Class<? extends KieBuilder.ProjectType> executableModel;
        try {
            executableModel = (Class<? extends KieBuilder.ProjectType>) Class.forName(EXECUTABLE_MODEL);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("drools-model-codegen is not on the class path of the build step", e);
        }
        KieBuilder builder = kie.newKieBuilder(RuleCompiler.fileSystem(kie, sources, releaseId)).buildAll(executableModel);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(m -> System.err.println(m.getPath() + ":" + m.getLine() + " " + m.getText()));
            throw new KnowledgeBase.InvalidKnowledgeBaseException(errors.stream().map(Message::getText).toList());
        }
        return ((InternalKieModule) builder.getKieModule()).getBytes();
    }

    /** The base of a module just built, as the service will load it (to find the audit rules in it). */
    private static KieBase kieBase(byte[] kjar) {
        KieServices kie = KieServices.Factory.get();
        KieModule module = kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(kjar));
        return kie.newKieContainer(module.getReleaseId()).newKieBase(RuleCompiler.configuration());
    }

    private static void write(Path out, String name, Map<String, String> sources, byte[] kjar) throws IOException {
        Files.write(out.resolve(name + ".kjar"), kjar);
        Files.writeString(out.resolve(name + ".key"), RuleFolder.key(sources) + "\n", StandardCharsets.US_ASCII);
    }
}

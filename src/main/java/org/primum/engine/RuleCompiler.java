package org.primum.engine;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.internal.conf.ShareBetaNodesOption;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * DRL sources (path in the module → text) to a Drools knowledge base: the module precompiled at build time
 * ({@link PrecompiledModule}) when it was built from exactly these sources, else compiled here and now with
 * Drools' classic DRL compiler, as the service always did. Either way the base gets the same configuration.
 */
final class RuleCompiler {

    private static final System.Logger LOG = System.getLogger(RuleCompiler.class.getName());

    private RuleCompiler() {
    }

    /** The compiled base; compile errors go to {@code problems} and throw. {@code from} names the sources in the log. */
    static Compiled kieBase(String name, Map<String, String> sources, String release, String from, List<String> problems) {
        Optional<KieBase> precompiled = PrecompiledModule.load(name, sources, configuration());
        if (precompiled.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "knowledge base \"{0}\" of {1}: precompiled module used (built from the same DRL)",
                    name, from);
            return new Compiled(precompiled.get(), true);
        }
        LOG.log(System.Logger.Level.INFO, "knowledge base \"{0}\" of {1}: DRL compiled at start-up ({2})", name, from,
                PrecompiledModule.present(name) ? "the precompiled module was built from other rules" : "no precompiled module");
        return new Compiled(compile(sources, release, problems), false);
    }

    /** A knowledge base and whether it came precompiled. */
    record Compiled(KieBase kieBase, boolean precompiled) {
    }

    /** Writes the sources into a new in-memory module under {@code releaseId}. */
    static KieFileSystem fileSystem(KieServices kie, Map<String, String> sources, ReleaseId releaseId) {
        KieFileSystem kfs = kie.newKieFileSystem();
        sources.forEach((path, text) -> kfs.write(path, kie.getResources().newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                .setResourceType(ResourceType.DRL).setSourcePath(Path.of(path).getFileName().toString())));
        kfs.generateAndWritePomXML(releaseId);
        return kfs;
    }

    /** Compiles DRL sources into a knowledge base with the classic compiler; compile errors go to {@code problems}. */
    static KieBase compile(Map<String, String> sources, String release, List<String> problems) {
        KieServices kie = KieServices.Factory.get();
        // a release id of its own per content, so two knowledge bases (tests, reloads) never share a container
        ReleaseId releaseId = kie.newReleaseId("org.primum", "knowledge-base", release + "-" + UUID.randomUUID());
        // the classic DRL project named, not left to Drools' default, which could change with the executable
        // model's compiler on the class path (tests and the build step have it)
        KieBuilder builder = kie.newKieBuilder(fileSystem(kie, sources, releaseId))
                .buildAll(org.drools.compiler.kie.builder.impl.DrlProject.class);
        builder.getResults().getMessages(Message.Level.ERROR)
                .forEach(msg -> problems.add(msg.getPath() + ":" + msg.getLine() + " " + msg.getText()));
        if (!problems.isEmpty()) throw new KnowledgeBase.InvalidKnowledgeBaseException(problems);
        return kie.newKieContainer(releaseId).newKieBase(configuration());
    }

    /**
     * Beta-node sharing off: with it, Drools 10.2.0 loses the matches of a rule whose `or` starts with a `not`
     * branch after two patterns (e.g. `A() B() (not C() or C(x))`) when the rule's package is added after
     * another package; rules/ has one package per topic (see RulesRegressionTest). The same for a precompiled base.
     */
    static KieBaseConfiguration configuration() {
        KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration();
        configuration.setOption(ShareBetaNodesOption.NO);
        return configuration;
    }
}

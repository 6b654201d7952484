package org.primum.engine;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;
import org.primum.facts.Thresholds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The compiled rule base: every DRL file of the {@code rules/} folder, the citation registry, the
 * thresholds ({@code rules/thresholds.properties}, with the operator's overrides applied) and the
 * version. Compiled once; any compile error, missing metadata, unknown citation or threshold, or code
 * emitted by two rules is an {@link InvalidKnowledgeBaseException}, so a bad knowledge base stops start-up.
 * Rule texts are filled in with the thresholds in effect, so they quote the numbers the rules apply.
 * The version is {@code rules/VERSION} plus a hash of every file (and of the overrides, if any change a
 * number), so an answer names exactly the rules and numbers that produced it.
 * The DRL is compiled at build time when it can be ({@link PrecompiledModule}: used only for the very DRL it
 * was built from, else the folder's DRL is compiled here, see {@link RuleCompiler}); the checks are the same.
 */
public final class KnowledgeBase {

    /** The names of the two compiled bases, as {@link PrecompileRules} writes them ({@code kb/rules.kjar}…). */
    static final String RULES = "rules", AUDIT = "audit";
    private static final Comparator<RuleDefinition> CATALOGUE_ORDER =
            Comparator.comparing(RuleDefinition::section).thenComparing(RuleDefinition::code);

    private final KieBase kieBase;
    /**
     * Sessions are taken from a pool: {@code dispose()} resets a pooled session (facts, agenda, node
     * memories) and hands it back, which saves building the node memories of every rule per evaluation.
     * Their base holds the recommendation rules only ({@link #recommendationSessions}).
     */
    private final KieSessionsPool sessions;
    private final String version;
    private final CitationRegistry citations;
    private final Map<String, RuleDefinition> byCode;
    private final List<RuleDefinition> definitions;
    private final Thresholds defaultThresholds;
    private final Thresholds thresholds;
    /** The audit rules (catalogue F) by rule name: several per code, one per verdict. */
    private final Map<String, AuditRule> auditRules;
    /**
     * The DRL files that hold audit rules (path in the module → text): the audit's sessions are built from
     * these alone, so that judging an act does not also run every recommendation rule over the record (the
     * audit rules match facts only, never a recommendation's Finding). Compiled on the first audit.
     */
    private final Map<String, String> auditSources;
    private volatile KieSessionsPool auditSessions;
    /** Where the rules were read from (for the log line of the audit base) and whether they came precompiled. */
    private final String from;
    private final boolean precompiled;

    private KnowledgeBase(KieBase kieBase, String version, CitationRegistry citations, List<RuleDefinition> definitions,
                          Thresholds defaultThresholds, Thresholds thresholds, Map<String, AuditRule> auditRules,
                          Map<String, String> auditSources, String from, boolean precompiled) {
        this.kieBase = kieBase;
        this.from = from;
        this.precompiled = precompiled;
        this.auditSources = Map.copyOf(auditSources);
        this.defaultThresholds = defaultThresholds;
        this.thresholds = thresholds;
        this.sessions = recommendationSessions(kieBase, auditRules.keySet());
        this.version = version;
        this.citations = citations;
        this.definitions = definitions.stream().sorted(CATALOGUE_ORDER).toList();
        Map<String, RuleDefinition> map = new LinkedHashMap<>();
        this.definitions.forEach(d -> map.put(d.code(), d));
        this.byCode = Collections.unmodifiableMap(map);
        this.auditRules = Collections.unmodifiableMap(new LinkedHashMap<>(auditRules));
    }

    /**
     * The pool of the evaluations' sessions, from {@code kieBase} (this object's own: each load builds a new one)
     * without the rules named in {@code auditRuleNames}. An audit rule needs an {@code AuditedAct}, which only the
     * audit's sessions get ({@link #newAuditSession()}), so in an evaluation it never fires; but every fact inserted
     * still went through its conditions and every reset of a pooled session cleared its memories: 8–10 % of the
     * rules' time on the bench record. Rules, not packages, are removed: a package may hold both kinds.
     */
    private static KieSessionsPool recommendationSessions(KieBase kieBase, Set<String> auditRuleNames) {
        for (var pkg : List.copyOf(kieBase.getKiePackages())) {
            for (Rule rule : List.copyOf(pkg.getRules())) {
                if (auditRuleNames.contains(rule.getName())) kieBase.removeRule(pkg.getName(), rule.getName());
            }
        }
        return kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /** The knowledge base in {@code rulesDir} with its own thresholds. */
    public static KnowledgeBase load(Path rulesDir) {
        return load(rulesDir, Map.of());
    }

    /**
     * {@link #load(Path, Map)} on a thread of its own, for a caller that has other start-up work to do meanwhile
     * (the service loads its terminology beside it): {@code get()} waits for it and throws what {@code load} threw.
     */
    public static Supplier<KnowledgeBase> loadInBackground(Path rulesDir, Map<String, Integer> thresholdOverrides) {
        FutureTask<KnowledgeBase> task = new FutureTask<>(() -> load(rulesDir, thresholdOverrides));
        Thread thread = new Thread(task, "primum-knowledge-base");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the knowledge base was loading", e);
            }
        };
    }

    /**
     * The knowledge base in {@code rulesDir} with some of its thresholds replaced: {@code thresholdOverrides}
     * maps a threshold's name (a component of {@link Thresholds}) to its value in this deployment.
     */
    public static KnowledgeBase load(Path rulesDir, Map<String, Integer> thresholdOverrides) {
        try {
            RuleFolder folder = RuleFolder.read(rulesDir);
            if (folder.sources().isEmpty()) throw new InvalidKnowledgeBaseException(List.of("no .drl file in " + rulesDir.toAbsolutePath()));
            Path versionFile = rulesDir.resolve("VERSION");
            String declared = Files.exists(versionFile) ? Files.readString(versionFile).trim() : "0";
            CitationRegistry registry = CitationRegistry.load(rulesDir.resolve("citations.json"));
            Thresholds defaults = ThresholdsFile.read(rulesDir);
            Thresholds thresholds = overridden(defaults, thresholdOverrides);
            Map<String, String> fileByPackage = folder.fileByPackage();
            // an override is part of what produced an answer: the version says so (none: the folder's hash alone)
            String hash = folder.hash(thresholds.equals(defaults) ? null : thresholds.asMap().toString());
            List<String> problems = new ArrayList<>();
            // the rules' compiled form does not depend on the thresholds (facts carry them): a precompiled module
            // serves any overrides
            RuleCompiler.Compiled compiled = RuleCompiler.kieBase(RULES, folder.sources(), declared + "-" + hash,
                    rulesDir.toString(), problems);
            KieBase kieBase = compiled.kieBase();

            // every check below runs on the loaded base, however it was compiled
            List<RuleDefinition> definitions = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            Map<String, AuditRule> auditRules = new TreeMap<>();
            for (var pkg : kieBase.getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    // an audit criterion has one rule per case of a verdict, each saying which case: the triple
                    // (code, verdict, reason) is what must be unique
                    if (AuditRule.isAuditRule(rule.getMetaData())) {
                        AuditRule a = AuditRule.from(rule.getName(), fileByPackage.get(pkg.getName()), rule.getMetaData(),
                                registry, thresholds, problems);
                        if (a.code() != null && !codes.add(a.code() + "|" + a.verdict() + "|" + a.reason())) {
                            problems.add(rule.getName() + ": verdict " + a.verdict() + " of " + a.code() + " is given by another rule for the same reason");
                        }
                        auditRules.put(rule.getName(), a);
                        continue;
                    }
                    RuleDefinition d = RuleDefinition.from(rule.getName(), fileByPackage.get(pkg.getName()),
                            rule.getMetaData(), registry, thresholds, problems);
                    if (d.code() != null && !codes.add(d.code())) problems.add(rule.getName() + ": code " + d.code() + " is emitted by another rule too");
                    definitions.add(d);
                }
            }
            definitions.stream().map(RuleDefinition::code).filter(c -> c != null && c.startsWith(AuditRule.CODE_PREFIX))
                    .forEach(c -> problems.add(c + ": an " + AuditRule.CODE_PREFIX + " code is an audit criterion and needs a @verdict"));
            if (!problems.isEmpty()) throw new InvalidKnowledgeBaseException(problems);
            return new KnowledgeBase(kieBase, declared + "+" + hash, registry, definitions, defaults, thresholds, auditRules,
                    auditSources(kieBase, folder), rulesDir.toString(), compiled.precompiled());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge base in " + rulesDir.toAbsolutePath(), e);
        }
    }

    /**
     * The DRL files that hold audit rules (path in the module → text), out of {@code folder}: every file one of
     * whose packages in {@code kieBase} has a rule with a {@code @verdict}.
     */
    static Map<String, String> auditSources(KieBase kieBase, RuleFolder folder) {
        Map<String, String> auditSources = new LinkedHashMap<>();
        for (var pkg : kieBase.getKiePackages()) {
            boolean audits = pkg.getRules().stream().anyMatch(r -> AuditRule.isAuditRule(r.getMetaData()));
            String path = folder.pathByPackage().get(pkg.getName());
            if (audits && path != null) auditSources.put(path, folder.sources().get(path));
        }
        return auditSources;
    }

    private static Thresholds overridden(Thresholds defaults, Map<String, Integer> overrides) {
        try {
            return defaults.with(overrides);
        } catch (IllegalArgumentException e) {
            throw new InvalidKnowledgeBaseException(List.of("threshold overrides " + overrides + ": " + e.getMessage()));
        }
    }

    /**
     * An empty session per evaluation, from the pool (the pool grows when all are in use); the caller
     * must {@code dispose()} it, which resets it and returns it to the pool.
     */
    org.kie.api.runtime.KieSession newSession() { return sessions.newKieSession(); }

    /**
     * As {@link #newSession()}, for the audit: a session of the audit rules alone (the files that hold them,
     * compiled on first use; they compiled with the rest already, so this cannot fail on a loaded base).
     */
    org.kie.api.runtime.KieSession newAuditSession() {
        KieSessionsPool pool = auditSessions;
        if (pool == null) {
            synchronized (this) {
                pool = auditSessions;
                if (pool == null) {
                    pool = auditSources.isEmpty() ? sessions
                            : RuleCompiler.kieBase(AUDIT, auditSources, "audit-" + version, from, new ArrayList<>()).kieBase()
                                    .newKieSessionsPool(Runtime.getRuntime().availableProcessors());
                    auditSessions = pool;
                }
            }
        }
        return pool.newKieSession();
    }

    public String version() { return version; }

    /** Whether the rules came from the module compiled at build time ({@link PrecompiledModule}), not compiled here. */
    boolean precompiled() { return precompiled; }

    public List<RuleDefinition> definitions() { return definitions; }

    public Optional<RuleDefinition> definition(String code) { return Optional.ofNullable(byCode.get(code)); }

    public CitationRegistry citations() { return citations; }

    /** The audit rule named {@code rule}, if it is one (catalogue section F). */
    public Optional<AuditRule> auditRule(String rule) { return Optional.ofNullable(auditRules.get(rule)); }

    /** Every audit rule (catalogue section F), by rule name. */
    public Collection<AuditRule> auditRules() { return auditRules.values(); }

    /** The thresholds in effect (defaults with the overrides applied): the rule texts quote these. */
    public Thresholds thresholds() { return thresholds; }

    /** The thresholds as {@code rules/thresholds.properties} defines them. */
    public Thresholds defaultThresholds() { return defaultThresholds; }

    public static final class InvalidKnowledgeBaseException extends RuntimeException {
        private final List<String> problems;

        public InvalidKnowledgeBaseException(List<String> problems) {
            super("invalid knowledge base:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() { return problems; }
    }
}

package org.primum.engine;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A Drools module compiled at build time ({@link PrecompileRules}) from the DRL of {@code rules/}, on the class
 * path as {@code kb/NAME.kjar} (Drools' executable model: the rules as generated Java classes, nothing left to
 * parse or compile) beside {@code kb/NAME.key}, the {@link RuleFolder#key key} of the sources it was built from.
 * It is used only for those very sources: an operator who edits {@code rules/} without rebuilding gets the
 * rules they edited, compiled at start-up.
 */
final class PrecompiledModule {

    static final String DIR = "kb/";

    private static final System.Logger LOG = System.getLogger(PrecompiledModule.class.getName());

    private PrecompiledModule() {
    }

    /** Whether a module named {@code name} is on the class path at all (for the log line). */
    static boolean present(String name) {
        try {
            return read(name + ".key") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The precompiled base {@code name} with {@code configuration}, if its key is the key of {@code sources};
     * empty when there is none, it was built from other sources, or it cannot be loaded (logged: the caller
     * then compiles the sources, which is slower but right).
     */
    static Optional<KieBase> load(String name, Map<String, String> sources, KieBaseConfiguration configuration) {
        try {
            byte[] key = read(name + ".key");
            if (key == null || !new String(key, StandardCharsets.US_ASCII).trim().equals(RuleFolder.key(sources))) {
                return Optional.empty();
            }
            byte[] kjar = read(name + ".kjar");
            if (kjar == null) return Optional.empty();
            KieServices kie = KieServices.Factory.get();
            KieModule module = kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(kjar));
            return Optional.of(kie.newKieContainer(module.getReleaseId()).newKieBase(configuration));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "precompiled module " + DIR + name + ".kjar not usable, compiling the DRL instead", e);
            return Optional.empty();
        }
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = resource(file)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static InputStream resource(String file) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = PrecompiledModule.class.getClassLoader();
        return loader.getResourceAsStream(DIR + file);
    }
}

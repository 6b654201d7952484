package org.primum;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * application.properties leaves the signature files of signed jars out of the packaged service (the JDK would hash
 * every entry read from them at start-up). Their names carry the jar's version: after an upgrade a stale name would
 * silently bring the cost back, so every name listed must still be an entry of the jar it is listed for.
 */
class SignatureFilesRemovedTest {

    private static final String PREFIX = "quarkus.class-loading.removed-resources.";
    /** A class of each artifact named in the settings, to find its jar. */
    private static final Map<String, String> CLASS_OF = Map.of(
            "org.bouncycastle:bcprov-jdk18on", "org.bouncycastle.jce.provider.BouncyCastleProvider",
            "org.eclipse.jdt:ecj", "org.eclipse.jdt.internal.compiler.Compiler");

    @Test
    void everySignatureFileLeftOutIsInItsJar() throws Exception {
        Map<String, List<String>> removed = removedResources();
        assertThat(removed).as("removed-resources settings").containsOnlyKeys(CLASS_OF.keySet());
        for (var e : removed.entrySet()) {
            try (JarFile jar = new JarFile(jarOf(CLASS_OF.get(e.getKey())).toFile())) {
                for (String name : e.getValue()) {
                    assertThat(jar.getEntry(name)).as(e.getKey() + " holds " + name).isNotNull();
                }
            }
        }
    }

    private static Map<String, List<String>> removedResources() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SignatureFilesRemovedTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) continue;
            String artifact = key.substring(PREFIX.length()).replace("\"", "");
            out.put(artifact, List.of(p.getProperty(key).split("\\s*,\\s*")));
        }
        return out;
    }

    private static Path jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}

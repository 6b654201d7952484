package org.primum.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The knowledge base bundled in the job's jar ({@code primum-kb/rules}, {@code primum-kb/fhir-profiles}, copied
 * there from the repository by the build), extracted to a temporary folder: the core reads a knowledge base from
 * folders. Called once per JVM through {@link ExecutorPipeline}; the folder is deleted when the JVM exits.
 */
final class BundledKnowledgeBase {
    private BundledKnowledgeBase() {
    }

    static final String ROOT = "primum-kb";

    static Path extract() {
        URL marker = BundledKnowledgeBase.class.getResource("/" + ROOT + "/rules/VERSION");
        if (marker == null) throw new IllegalStateException("no knowledge base bundled in the job's jar (" + ROOT + "/rules/VERSION)");
        try {
            Path target = Files.createTempDirectory("primum-kb-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(target)));
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = open(uri)) {
                    copy(jar.getPath("/" + ROOT), target);
                }
            } else {
                copy(Path.of(uri).getParent().getParent(), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem open(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // opened by someone else in this JVM: do not close theirs (copy from a fresh view of the same jar instead)
            Path jar = Path.of(URI.create(uri.getSchemeSpecificPart().substring(0, uri.getSchemeSpecificPart().indexOf("!/"))));
            return FileSystems.newFileSystem(jar, (ClassLoader) null);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path dest = to.resolve(from.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort at JVM exit: a temporary folder left behind is harmless
        }
    }
}

package org.primum.spark;

import org.apache.spark.SparkFiles;
import org.primum.core.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core {@link Pipeline}, built once per JVM (driver or executor) and knowledge-base source, at the first
 * task that needs it, and shared by every task of that JVM (the pipeline is thread-safe). Compiling the rules
 * takes seconds: never per patient, never serialised into a closure (tasks carry only the
 * {@link KnowledgeBaseSource}).
 */
public final class ExecutorPipeline {
    private ExecutorPipeline() {
    }

    private static final ConcurrentHashMap<KnowledgeBaseSource, Pipeline> PIPELINES = new ConcurrentHashMap<>();

    /** The pipeline of {@code source}; concurrent first calls wait for one build. */
    public static Pipeline get(KnowledgeBaseSource source) {
        return PIPELINES.computeIfAbsent(source, ExecutorPipeline::build);
    }

    private static Pipeline build(KnowledgeBaseSource source) {
        if (source.bundled()) {
            Path kb = BundledKnowledgeBase.extract();
            return Pipeline.builder().rules(kb.resolve("rules")).profiles(kb.resolve("fhir-profiles")).build();
        }
        return Pipeline.builder().rules(folder(source.rules())).profiles(folder(source.profiles())).build();
    }

    /** A folder as named, or as unpacked by {@code --archives} into the work folder of this JVM. */
    static Path folder(String name) {
        Path local = Path.of(name);
        if (Files.isDirectory(local)) return local;
        Path shipped = Path.of(SparkFiles.get(local.getFileName().toString()));
        if (Files.isDirectory(shipped)) return shipped;
        throw new IllegalStateException("knowledge-base folder " + name + " is neither a local folder nor shipped with --archives ("
                + shipped + ")");
    }
}

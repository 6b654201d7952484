package org.primum.golden;

import org.primum.core.Pipeline;
import org.primum.tumourboard.TumourBoardService;

import java.nio.file.Path;

/** The tumour-board service wired as in production: the core {@link Pipeline} from the repository's rules/ and fhir-profiles/. */
final class GoldenPipeline {
    private static TumourBoardService service;

    private GoldenPipeline() {
    }

    static synchronized TumourBoardService service() {
        if (service == null) {
            Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
            service = new TumourBoardService(pipeline, 5 * 1024 * 1024);
        }
        return service;
    }
}

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The floors of the audit benchmark. {@code json} (the issue's floor): read every line of the NDJSON files of a
 * folder and parse it into a JSON tree, one thread, nothing else (no routing, no FHIR, no rules): any audit of
 * these bytes does at least this much. {@code fhir}: parse every line as a FHIR R4 resource with HAPI (what
 * reading the lines as FHIR costs before any mapping or rule), on every core. Run with the service's jars:
 * java -cp 'target/quarkus-app/lib/main/*' bench/audit/ParseFloor.java DIR [json|fhir]
 */
public class ParseFloor {
    public static void main(String[] args) throws IOException {
        boolean fhir = args.length > 1 && "fhir".equals(args[1]);
        ObjectMapper json = new ObjectMapper();
        FhirContext context = FhirContext.forR4();
        AtomicLong lines = new AtomicLong(), fields = new AtomicLong();
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        for (Path f : files) {
            try (Stream<String> in = Files.lines(f, StandardCharsets.UTF_8)) {
                if (fhir) {
                    ThreadLocal<IParser> parser = ThreadLocal.withInitial(context::newJsonParser);
                    in.parallel().filter(l -> !l.isBlank()).forEach(line -> {
                        try {
                            parser.get().parseResource(line);
                        } catch (RuntimeException e) {
                            // an invalid resource costs its parse all the same
                        }
                        lines.incrementAndGet();
                    });
                } else {
                    in.filter(l -> !l.isBlank()).forEach(line -> {
                        try {
                            JsonNode node = json.readTree(line);
                            fields.addAndGet(node.size());
                        } catch (IOException e) {
                            // an unreadable line costs its parse all the same
                        }
                        lines.incrementAndGet();
                    });
                }
            }
        }
        System.out.printf("%s floor: parsed %d lines in %.1f s%n", fhir ? "FHIR (HAPI, every core)" : "JSON (one thread)",
                lines.get(), (System.nanoTime() - start) / 1e9);
    }
}

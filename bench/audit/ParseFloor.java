import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of the audit benchmark: read every line of the NDJSON files of a folder and parse it into a JSON
 * tree, nothing else (no routing, no FHIR, no rules). Any audit of these bytes does at least this much.
 * Run with the service's jars: java -cp 'target/quarkus-app/lib/main/*' bench/audit/ParseFloor.java DIR
 */
public class ParseFloor {
    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long lines = 0, fields = 0, start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        for (Path f : files) {
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) continue;
                    JsonNode node = json.readTree(line);
                    fields += node.size();
                    lines++;
                }
            }
        }
        System.out.printf("parsed %d lines (%d top-level fields) in %.1f s%n", lines, fields, (System.nanoTime() - start) / 1e9);
    }
}

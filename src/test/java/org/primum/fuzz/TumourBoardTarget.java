package org.primum.fuzz;

import java.net.URI;
import java.net.http.HttpResponse;

/**
 * {@code POST /tumour-board/evaluate}: every scenario Bundle and public fixture, damaged; read leniently or strictly
 * ({@code Prefer: handling=strict}), answered as JSON or as a FHIR GuidanceResponse.
 */
final class TumourBoardTarget extends Target {
    private final URI base;

    TumourBoardTarget(URI base) {
        super("tumour-board", Seeds.bundles(), Mutant.Shape.JSON);
        this.base = base;
    }

    /**
     * One call in 16 reads strictly ({@code Prefer: handling=strict}, which also runs HAPI's profile validator, ten
     * times the cost of an evaluation), one in 16 strictly with the FHIR GuidanceResponse, a quarter the
     * GuidanceResponse, the rest plain.
     */
    private static String[] headers(Seeds.Seed seed, FuzzCase c) {
        // the multi-megabyte fixtures are validated in tens of seconds on a loaded machine: not a hang, not strict here
        if (seed.weight() < 1 && Math.floorMod(c.salt(), 16L) < 2) return new String[0];
        return switch ((int) Math.floorMod(c.salt(), 16L)) {
            case 0 -> new String[]{"Prefer", "handling=strict"};
            case 1 -> new String[]{"Prefer", "handling=strict", "Accept", "application/fhir+json"};
            case 2, 3, 4, 5 -> new String[]{"Accept", "application/fhir+json"};
            default -> new String[0];
        };
    }

    /**
     * Builds the service's profile validator before the run, as the first strict call would (seconds: HAPI loads the
     * base definitions), so that its cold start is not taken for a hang; not an input, not judged.
     */
    void warmUp() throws Exception {
        byte[] bench = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/bench/denovo-metastatic-bundle.json"));
        Http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/tumour-board/evaluate?validate=true"))
                .timeout(java.time.Duration.ofMinutes(2)).header("Content-Type", "application/fhir+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bench)).build());
    }

    @Override
    String variant(FuzzCase c) {
        return String.join(" ", headers(seeds().stream().filter(s -> s.name().equals(c.seedName())).findFirst().orElseThrow(), c));
    }

    @Override
    Answer send(Seeds.Seed seed, FuzzCase c, byte[] input) throws Exception {
        URI uri = base.resolve("/tumour-board/evaluate" + (seed.asOf() == null ? "" : "?asOf=" + seed.asOf()));
        HttpResponse<byte[]> r = Http.post(uri, "application/fhir+json", input, headers(seed, c));
        return Answer.http(r.statusCode(), r.body());
    }
}

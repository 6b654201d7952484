package org.primum.fuzz;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/** {@code POST /tumour-board/evaluate}: every scenario Bundle and public fixture, damaged. */
final class TumourBoardTarget implements Target {
    private final URI base;
    private final List<Seeds.Seed> seeds = Seeds.bundles();

    TumourBoardTarget(URI base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "tumour-board";
    }

    @Override
    public List<Seeds.Seed> seeds() {
        return seeds;
    }

    @Override
    public Mutant.Shape shape() {
        return Mutant.Shape.JSON;
    }

    @Override
    public Answer send(Seeds.Seed seed, byte[] input) throws Exception {
        URI uri = base.resolve("/tumour-board/evaluate" + (seed.asOf() == null ? "" : "?asOf=" + seed.asOf()));
        HttpResponse<byte[]> r = Http.post(uri, "application/fhir+json", input);
        return Answer.http(r.statusCode(), r.body());
    }
}

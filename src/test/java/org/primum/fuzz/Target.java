package org.primum.fuzz;

import java.util.List;

/** Something the fuzzer sends damaged inputs to: an endpoint of the service, or the audit engine. */
abstract class Target {

    private final String name;
    private final List<Seeds.Seed> seeds;
    private final Mutant.Shape shape;

    Target(String name, List<Seeds.Seed> seeds, Mutant.Shape shape) {
        this.name = name;
        this.seeds = List.copyOf(seeds);
        this.shape = shape;
    }

    /** Its name in reports, in {@code -Dfuzz.target} and in the failure files. */
    final String name() {
        return name;
    }

    /** The valid inputs it damages. */
    final List<Seeds.Seed> seeds() {
        return seeds;
    }

    final Mutant.Shape shape() {
        return shape;
    }

    /**
     * Sends one input and judges the answer; bounded by {@link FuzzRunner#CALL_TIMEOUT} (a hang is an answer too).
     * {@code c} chooses the details of the call that are not the body (headers), as {@link #variant} says.
     */
    abstract Answer send(Seeds.Seed seed, FuzzCase c, byte[] input) throws Exception;

    /** How the call for {@code c} differs from a plain one (its headers), for the failure report; empty if not. */
    String variant(FuzzCase c) {
        return "";
    }
}

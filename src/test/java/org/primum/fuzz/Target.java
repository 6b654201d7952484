package org.primum.fuzz;

import java.util.List;

/** Something the fuzzer sends damaged inputs to: an endpoint of the service, or the audit engine. */
interface Target {

    /** Its name in reports, in {@code -Dfuzz.target} and in the failure files. */
    String name();

    /** The valid inputs it damages. */
    List<Seeds.Seed> seeds();

    Mutant.Shape shape();

    /** Sends one input and judges the answer; bounded by {@link FuzzRunner#CALL_TIMEOUT} (a hang is an answer too). */
    Answer send(Seeds.Seed seed, byte[] input) throws Exception;
}

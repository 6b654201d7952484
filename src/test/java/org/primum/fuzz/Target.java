package org.primum.fuzz;

import java.util.List;

/** Something the fuzzer sends damaged inputs to: an endpoint of the service, or the audit engine. */
interface Target {

    /** Its name in reports, in {@code -Dfuzz.target} and in the failure files. */
    String name();

    /** The valid inputs it damages. */
    List<Seeds.Seed> seeds();

    Mutant.Shape shape();

    /**
     * Sends one input and judges the answer; bounded by {@link FuzzRunner#CALL_TIMEOUT} (a hang is an answer too).
     * {@code c} chooses the details of the call that are not the body (headers), as {@link #variant} says.
     */
    Answer send(Seeds.Seed seed, FuzzCase c, byte[] input) throws Exception;

    /** How the call for {@code c} differs from a plain one (its headers), for the failure report; empty if not. */
    default String variant(FuzzCase c) {
        return "";
    }
}

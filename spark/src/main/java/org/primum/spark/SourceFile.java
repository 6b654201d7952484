package org.primum.spark;

import java.io.Serializable;

/**
 * One input file: {@code uri} as Hadoop names it (a path string, not URL-encoded), {@code name} as problems name it (the file's own name, as in
 * the one-machine audit), {@code index} its place in input order (a later copy of a resource wins, as in the
 * core), and whether the job reads it ({@code ndjson}; a FHIR Bundle {@code .json} is reported, not read).
 */
public record SourceFile(String uri, String name, int index, long size, boolean ndjson) implements Serializable {
}

/**
 * Fuzzing in CI (issue 15, deliverable 3): damaged inputs from a fixed seed, sent to every entry point;
 * every answer must be a 2xx, or a 4xx with a FHIR OperationOutcome; never a 5xx, never a hang.
 *
 * <h2>What is sent</h2>
 * Seeds ({@link org.primum.fuzz.Seeds}): every scenario Bundle and public fixture ({@code POST /tumour-board/evaluate}),
 * hook requests of the three hooks with full prefetch and draft orders, signed with a valid client JWT
 * ({@code POST /cds-services/{id}}), and NDJSON cohorts ({@code POST /audit}, and the audit engine directly). Each
 * case applies 1–3 {@link org.primum.fuzz.Mutation}s: a field dropped, an array element duplicated, a value of
 * another JSON type, a 1 MB string or many 100 KB strings, 10,000 levels of nesting, invalid dates, broken
 * references, unknown codes and systems, a wrong {@code resourceType}, random bytes, truncation, invalid UTF-8.
 *
 * <h2>Running</h2>
 * <pre>
 * ./mvnw -B -o test -Dtest='*FuzzTest'                          # 10,000 inputs (part of ./mvnw verify)
 * ./mvnw -B -o test -Dgroups=fuzz -Dfuzz.count=100000           # a long run
 * ./mvnw -B -o test -Dtest='*FuzzTest' -Dfuzz.seed=7            # other inputs
 * ./mvnw -B -o test -Dtest='*FuzzTest' -Dfuzz.seed=20261127 -Dfuzz.target=audit-http -Dfuzz.case=110   # one case again
 * </pre>
 * {@code fuzz.count} is shared out: tumour board 70 %, CDS Hooks 22 %, audit engine 5 %, audit uploads 3 % (an
 * audit input costs several tumour-board inputs). Each call is bounded by 10 s (the hang detector).
 *
 * <h2>A failure</h2>
 * The test fails with, for each failing case (up to five per target), the seed, target, case number, seed input,
 * what each mutation did, the answer, and the smallest subset of its mutations that still fails; the full and the
 * minimised inputs are in {@code target/fuzz-failures/} ({@code <target>-<case>[.min].json|ndjson}, with a
 * {@code .txt}). {@link org.primum.fuzz.FoundByFuzzingTest} pins each fault found so far.
 */
package org.primum.fuzz;

package org.primum.fhir.terminology;

import org.primum.facts.Receptor;

/** The receptor a test code reports; {@code percent}: its result is a percentage of stained cells (ER/PR). */
public record ReceptorTest(Receptor receptor, boolean percent) {
}

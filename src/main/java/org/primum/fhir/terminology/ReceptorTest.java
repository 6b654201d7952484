package org.primum.fhir.terminology;

import org.primum.facts.AssayMethod;
import org.primum.facts.Receptor;

/**
 * The receptor a test code reports; {@code percent}: its result is a percentage of stained cells (ER/PR);
 * {@code method}: IHC or ISH where the test code names it (HER2), else null.
 */
public record ReceptorTest(Receptor receptor, boolean percent, AssayMethod method) {
}

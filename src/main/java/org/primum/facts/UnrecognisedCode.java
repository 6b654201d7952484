package org.primum.facts;

/** A coded element the terminology did not recognise: reported, never silently dropped. */
public record UnrecognisedCode(String sourceId, String element, String system, String code, String display) {
}

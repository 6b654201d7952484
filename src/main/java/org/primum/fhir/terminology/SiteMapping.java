package org.primum.fhir.terminology;

/** An organ site of distant disease; {@code specific}: the record names a structure finer than the organ. */
public record SiteMapping(String site, String display, boolean specific) {
}

package org.primum.fhir.terminology;

import org.primum.facts.TnmAxis;

/** The TNM axis a staging Observation code reports, and whether it is the pathological (p) staging. */
public record TnmAxisMapping(TnmAxis axis, boolean pathological) {
}

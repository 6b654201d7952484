package org.primum.fhir.terminology;

import org.primum.facts.DrugClass;

/** A systemic-therapy ingredient: its code, lower-case name and drug class. */
public record Ingredient(String code, String name, DrugClass drugClass) {
}

package org.primum.fhir;

import org.primum.input.InvalidInputException;

/**
 * Why HAPI could not read a resource, for both reading modes: the located error strict reading throws, and
 * for lenient reading the element to leave out ({@code hit}: null when it cannot be found), a short name of
 * the problem for the answer (no value quoted), and whether the resource itself is unreadable (an unknown or
 * missing resource type, something else where a resource is due), which leaves nothing of it to keep.
 */
record ReadFailure(InvalidInputException error, JsonLocator.Hit hit, String problem, boolean unreadableResource) {
}

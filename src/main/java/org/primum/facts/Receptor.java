package org.primum.facts;

/**
 * The breast cancer receptors. HR is a combined hormone-receptor status some diagnosis codes state
 * (ICD-10-CM Z17.41x, SNOMED 417181009): positive means ER or PR positive, without saying which.
 */
public enum Receptor { ER, PR, HER2, HR }

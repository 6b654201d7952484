package org.primum.facts;

public enum Subtype { HR_POSITIVE_HER2_NEGATIVE, HER2_POSITIVE, TRIPLE_NEGATIVE, UNKNOWN }

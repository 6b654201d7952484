package org.primum.facts;

public enum ReceptorValue { POSITIVE, NEGATIVE, EQUIVOCAL, UNKNOWN }

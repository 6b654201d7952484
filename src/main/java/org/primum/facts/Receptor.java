package org.primum.facts;

public enum Receptor { ER, PR, HER2 }

package org.primum.facts;

public enum PerformanceScale { ECOG, KARNOFSKY }

package org.primum.facts;

public enum TnmAxis { T, N, M, STAGE_GROUP }

package org.primum.facts;

/** What a disease-status assessment speaks for: the primary, the distant disease, or the whole disease. */
public enum DiseaseFocus { PRIMARY, DISTANT, WHOLE }

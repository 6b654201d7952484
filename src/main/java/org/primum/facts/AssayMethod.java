package org.primum.facts;

/** How a HER2 result was obtained (ASCO/CAP 2018): immunohistochemistry, or in situ hybridisation of the gene. */
public enum AssayMethod { IHC, ISH }

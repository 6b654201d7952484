package org.primum.fhir.terminology;

/**
 * The part of the cancer one component of a disease-status Observation assesses (CodeSystem disease-status-part,
 * ConceptMap disease-status-component): the primary tumour and the regional nodes are locoregional disease, the
 * distant metastases distant disease (catalogue "response assessment").
 */
public enum StatusPart {
    PRIMARY, REGIONAL_NODES, DISTANT
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.primum.fhir.terminology.Profiles;
import org.primum.fhir.terminology.Terminology;

import java.util.ArrayList;
import java.util.List;

/**
 * What a procedure's detail extensions say (mapping setting procedure-detail-extension-url: the MII radiotherapy's
 * "Bestrahlung" with its target region Zielgebiet, the side of that region, the technique Applikationsart, and its
 * intention), as codes: the target regions and sides are read like body sites; the technique and intention decide
 * whether a radiotherapy of a metastasis ablates it (catalogue "ablated metastasis": stereotactic, or with intent to
 * eradicate; a palliative one never).
 *
 * @param sites the target regions a body-site map knows (locoregional region or metastatic site), as body sites
 * @param sides the sides the laterality map knows, as body sites
 */
record ProcedureDetails(List<CodeableConcept> sites, List<CodeableConcept> sides, boolean ablative, boolean palliative) {
    static final ProcedureDetails NONE = new ProcedureDetails(List.of(), List.of(), false, false);

    static ProcedureDetails of(DomainResource r, Terminology t) {
        List<Coding> codes = new ArrayList<>();
        for (Extension e : r.getExtension()) {
            if (t.procedureDetailExtensionUrls().contains(e.getUrl())) collect(e, codes);
        }
        if (codes.isEmpty()) return NONE;
        List<CodeableConcept> sites = new ArrayList<>(), sides = new ArrayList<>();
        boolean ablative = false, palliative = false;
        for (Coding k : codes) {
            String system = k.getSystem(), code = k.getCode();
            if (t.locoregionalRegion(system, code) != null || t.bodyStructureSite(system, code) != null) sites.add(new CodeableConcept(k));
            else if (t.laterality(system, code) != null) sides.add(new CodeableConcept(k));
            ablative |= t.contains(Profiles.ABLATIVE_RADIOTHERAPY, system, code);
            palliative |= t.contains(Profiles.PALLIATIVE_INTENTION, system, code);
        }
        return new ProcedureDetails(List.copyOf(sites), List.copyOf(sides), ablative, palliative);
    }

    /** The codes of an extension and of its nested extensions (Bestrahlung holds Zielgebiet, Applikationsart...). */
    private static void collect(Extension e, List<Coding> into) {
        if (e.getValue() instanceof CodeableConcept cc) into.addAll(cc.getCoding());
        else if (e.getValue() instanceof Coding k) into.add(k);
        for (Extension nested : e.getExtension()) collect(nested, into);
    }

    /** The body sites with the target regions the details name. */
    List<CodeableConcept> withSites(List<CodeableConcept> bodySites) {
        if (sites.isEmpty()) return bodySites;
        List<CodeableConcept> all = new ArrayList<>(bodySites);
        all.addAll(sites);
        return all;
    }

    /** The body sites with the target regions and sides the details name (to find the side). */
    List<CodeableConcept> withSitesAndSides(List<CodeableConcept> bodySites) {
        List<CodeableConcept> all = new ArrayList<>(withSites(bodySites));
        all.addAll(sides);
        return all;
    }
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.LesionMeasurement;
import org.primum.fhir.terminology.Profiles;
import org.primum.fhir.terminology.SiteMapping;

import java.math.BigDecimal;

/**
 * A lesion size Observation (ValueSet tumour-size-observation: mCODE TumorSize and the like): the longest diameter
 * of one distant lesion, so that the definitions can see growth of an existing site (catalogue "distant
 * progression"). Which lesion: the focus (a metastasis Condition, or a BodyStructure such as mCODE's Tumor, each
 * named by its id), else the body site read as a metastatic site. A measurement of the primary, its nodes or a
 * breast structure is not a distant one and is left out without a note (every pathology report measures the
 * primary); so is one that names no lesion. A size in another unit is left out with a note.
 */
final class LesionMeasurementReader {
    private static final String UCUM = "http://unitsofmeasure.org";
    /** mCODE Tumor's link to the Condition the tumour belongs to (the primary or a metastasis). */
    private static final String RELATED_CONDITION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-related-condition";

    /** The lesion measured: its key, and its organ site when known. */
    private record Lesion(String key, String site) {
    }

    private final MappingContext ctx;
    private final ConditionRoles roles;

    LesionMeasurementReader(MappingContext ctx, ConditionRoles roles) {
        this.ctx = ctx;
        this.roles = roles;
    }

    void read(Observation o) {
        String id = ctx.id(o);
        Lesion lesion = lesion(o);
        Quantity size = lesion == null ? null : longest(o);
        if (size == null) return;
        Double mm = millimetres(size);
        if (mm == null) {
            ctx.report.note("lesion size", "A size of a distant lesion in a unit other than mm or cm (UCUM) was not read.", id);
            return;
        }
        ctx.out.lesionMeasurements.add(new LesionMeasurement(id, lesion.key(), lesion.site(), mm, ctx.dates.effective(o)));
    }

    /** The longest diameter: the longest-dimension component, else the value, else the largest dimension component. */
    private Quantity longest(Observation o) {
        Quantity largest = null;
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            if (!(c.getValue() instanceof Quantity q) || !q.hasValue()) continue;
            if (Codings.anyCoding(c.getCode(), (s, k) -> ctx.t.contains(Profiles.TUMOUR_LONGEST_DIMENSION, s, k))) return q;
            Double mm = millimetres(q);
            if (mm != null && (largest == null || mm > millimetres(largest))) largest = q;
        }
        if (o.getValue() instanceof Quantity q && q.hasValue()) return q;
        return largest;
    }

    /** The size in mm, or null for a unit that is not a UCUM length of mm, cm or m. */
    static Double millimetres(Quantity q) {
        if (q.hasSystem() && !UCUM.equals(q.getSystem())) return null;
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        if (unit == null) return null;
        // decimal arithmetic: 2.4 cm is exactly 24 mm, so a growth of exactly the threshold is not lost to rounding
        BigDecimal v = q.getValue();
        return switch (unit) {
            case "mm" -> v.doubleValue();
            case "cm" -> v.movePointRight(1).doubleValue();
            case "m" -> v.movePointRight(3).doubleValue();
            default -> null;
        };
    }

    /** The distant lesion measured, or null when it is the primary, a regional node, or cannot be told. */
    private Lesion lesion(Observation o) {
        for (Reference f : o.getFocus()) {
            Resource target = ctx.index.resolve(f, o);
            if (target == null) continue;
            if (roles.isPrimary(target) || roles.isNodal(target)) return null;
            if (roles.isMetastasis(target)) return new Lesion(ctx.id(target), site(o.getBodySite()));
            if (target instanceof BodyStructure b) return tumour(b);
        }
        // no lesion named: most often the pathology report's size of the resected primary (mCODE's example); nothing to compare
        return o.hasBodySite() ? bySite(o.getBodySite(), null) : null;
    }

    /** An mCODE Tumor: its related Condition says whose it is, else its location; the BodyStructure is the lesion. */
    private Lesion tumour(BodyStructure b) {
        String key = ctx.id(b);
        for (Extension e : b.getExtensionsByUrl(RELATED_CONDITION)) {
            Resource condition = e.getValue() instanceof Reference r ? ctx.index.resolve(r, b) : null;
            if (roles.isPrimary(condition) || roles.isNodal(condition)) return null;
            if (roles.isMetastasis(condition)) return new Lesion(key, site(b.getLocation()));
        }
        return b.hasLocation() ? bySite(b.getLocation(), key) : new Lesion(key, null);
    }

    /** A coded site: breast or regional nodes are locoregional; a metastatic site is a distant lesion, keyed by the site unless named. */
    private Lesion bySite(CodeableConcept site, String key) {
        for (Coding k : site.getCoding()) {
            if (ctx.t.isBreastStructure(k.getSystem(), k.getCode()) || ctx.t.isRegionalNodeStructure(k.getSystem(), k.getCode())) {
                return null;
            }
            SiteMapping s = ctx.t.bodyStructureSite(k.getSystem(), k.getCode());
            // without a named lesion, measurements at one coded site are taken as one lesion: two lesions of one organ
            // compared with each other may show growth that is not, never hide growth that is (fail safe)
            if (s != null) return new Lesion(key != null ? key : "site:" + k.getSystem() + "|" + k.getCode(), s.site());
        }
        // a named tumour at a site not known as metastatic (nor breast, nor regional nodes) is kept: it may be distant
        return key != null ? new Lesion(key, null) : null;
    }

    private String site(CodeableConcept site) {
        for (Coding k : site.getCoding()) {
            SiteMapping s = ctx.t.bodyStructureSite(k.getSystem(), k.getCode());
            if (s != null) return s.site();
        }
        return null;
    }
}

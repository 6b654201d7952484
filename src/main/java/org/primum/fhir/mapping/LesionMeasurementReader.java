package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.Laterality;
import org.primum.facts.LesionMeasurement;
import org.primum.fhir.terminology.Profiles;
import org.primum.fhir.terminology.SiteMapping;

import java.math.BigDecimal;
import java.util.List;

/**
 * A lesion size Observation (ValueSet tumour-size-observation: mCODE TumorSize and the like): the longest diameter
 * of one distant lesion, so that the definitions can see growth of an existing site (catalogue "distant
 * progression"). Which lesion: the focus (a metastasis or node Condition, or a BodyStructure such as mCODE's Tumor,
 * each named by its id), else the body site read as a metastatic site or a regional node group (with its side: the
 * definitions decide whether such nodes are distant). A measurement of the primary or a breast structure is not a
 * distant one and is left out without a note (every pathology report measures the
 * primary); so is one that names no lesion. A size in another unit is left out with a note.
 */
final class LesionMeasurementReader {
    private static final String UCUM = "http://unitsofmeasure.org";
    /** mCODE Tumor's link to the Condition the tumour belongs to (the primary or a metastasis). */
    private static final String RELATED_CONDITION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-related-condition";

    /** The lesion measured: its key, its organ site when known; a regional-type node, its side when recorded. */
    private record Lesion(String key, String site, boolean regionalNode, Laterality side) {
        Lesion(String key, String site) {
            this(key, site, false, null);
        }
    }

    private final MappingContext ctx;
    private final ConditionRoles roles;
    private final Lateralities lateralities;

    LesionMeasurementReader(MappingContext ctx, ConditionRoles roles) {
        this.ctx = ctx;
        this.roles = roles;
        this.lateralities = new Lateralities(ctx.t);
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
        ctx.out.lesionMeasurements.add(new LesionMeasurement(id, lesion.key(), lesion.site(), mm, ctx.dates.effective(o),
                lesion.regionalNode(), lesion.side()));
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

    /**
     * The lesion measured, or null when it is the primary or cannot be told. A node record in the focus (regional-type
     * or ambiguous nodes) is kept as a regional-type node lesion: the definitions decide whether those nodes are
     * distant (the side opposite the primary; ambiguous ones with M1), as they do for the node record itself.
     */
    private Lesion lesion(Observation o) {
        for (Reference f : o.getFocus()) {
            Resource target = ctx.index.resolve(f, o);
            if (target == null) continue;
            if (roles.isPrimary(target)) return null;
            if (roles.isNodal(target)) return new Lesion(ctx.id(target), null, true, side(o));
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
            if (roles.isPrimary(condition)) return null;
            if (roles.isNodal(condition)) return new Lesion(ctx.id(condition), null, true, lateralities.of(
                    b.hasLocation() ? List.of(b.getLocation()) : List.of(), new CodeableConcept()));
            if (roles.isMetastasis(condition)) return new Lesion(key, site(b.getLocation()));
        }
        return b.hasLocation() ? bySite(b.getLocation(), key) : new Lesion(key, null);
    }

    /**
     * A coded site: the breast is locoregional; regional nodes are a regional-type node lesion of the site's side
     * (distant when on the side opposite the primary: the definitions decide); a metastatic site is a distant lesion.
     * Keyed by the site unless named.
     */
    private Lesion bySite(CodeableConcept site, String key) {
        for (Coding k : site.getCoding()) {
            if (ctx.t.isBreastStructure(k.getSystem(), k.getCode())) return null;
            if (ctx.t.isRegionalNodeStructure(k.getSystem(), k.getCode())) {
                Laterality side = lateralities.of(List.of(site), new CodeableConcept());
                String byKey = key != null ? key : "site:" + k.getSystem() + "|" + k.getCode() + (side == null ? "" : "|" + side);
                return new Lesion(byKey, null, true, side);
            }
            SiteMapping s = ctx.t.bodyStructureSite(k.getSystem(), k.getCode());
            // without a named lesion, measurements at one coded site are taken as one lesion: two lesions of one organ
            // compared with each other may show growth that is not, never hide growth that is (fail safe)
            if (s != null) return new Lesion(key != null ? key : "site:" + k.getSystem() + "|" + k.getCode(), s.site());
        }
        // a named tumour at a site not known as metastatic (nor breast, nor regional nodes) is kept: it may be distant
        return key != null ? new Lesion(key, null) : null;
    }

    /** The side the measurement's body site gives, if any. */
    private Laterality side(Observation o) {
        return lateralities.of(o.hasBodySite() ? List.of(o.getBodySite()) : List.of(), new CodeableConcept());
    }

    private String site(CodeableConcept site) {
        for (Coding k : site.getCoding()) {
            SiteMapping s = ctx.t.bodyStructureSite(k.getSystem(), k.getCode());
            if (s != null) return s.site();
        }
        return null;
    }
}

package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.Metastasis;
import org.primum.fhir.terminology.Terminology;
import org.primum.fhir.mapping.ConditionRoles.Classified;
import org.primum.fhir.mapping.ConditionRoles.Role;
import org.primum.fhir.terminology.SiteMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.primum.fhir.mapping.Codings.allText;
import static org.primum.fhir.mapping.Codings.display;
import static org.primum.fhir.mapping.Codings.hasProfile;

/**
 * Pass 1: what each Condition is, into {@link ConditionRoles}. A primary breast cancer is a specific code,
 * or a generic malignancy with a breast body site; regional nodal disease is N disease, never distant;
 * a distant metastasis is a specific code (with its site), or the generic secondary pattern with a body
 * site; a secondary whose related primary is another cancer belongs to that cancer. The generic patterns are
 * ValueSets of codes, so a registry's coding reads the same way: a malignant morphology of primary site (ICD-O-3
 * behaviour 3, SNOMED CT infiltrating duct carcinoma) with a breast topography (ICD-O-3 C50.x) is the primary, a
 * metastatic morphology (behaviour 6) with a topography the metastasis. The mCODE cancer
 * profiles are the last resort for codes no file recognises (said in a note).
 */
final class ConditionClassifier {
    private static final String DISTANT_NODES = "distant-lymph-nodes";
    /** SNOMED 59441001 "Structure of lymph node": names no region, so it settles nothing. */
    private static final String GENERIC_NODE = "59441001";

    private final MappingContext ctx;
    private final Terminology t;
    private final ConditionRoles roles;

    ConditionClassifier(MappingContext ctx, ConditionRoles roles) {
        this.ctx = ctx;
        this.t = ctx.t;
        this.roles = roles;
    }

    void read(Condition c) {
        roles.record(c, classify(c));
    }

    private Classified classify(Condition c) {
        List<Coding> codes = c.getCode().getCoding();
        // primary breast cancer: a specific code, or a generic malignancy + breast body site
        for (Coding k : codes) {
            if (t.isPrimaryBreastCancer(k.getSystem(), k.getCode())) return new Classified(Role.PRIMARY, k, null);
        }
        boolean breastSite = hasBreastSite(c);
        for (Coding k : codes) {
            if (t.isGenericMalignancy(k.getSystem(), k.getCode()) && breastSite) return new Classified(Role.PRIMARY, k, null);
        }
        // regional nodal disease is N disease, never distant (unless on the other side: ClinicalInterpreter)
        for (Coding k : codes) {
            if (t.isRegionalNodalDisease(k.getSystem(), k.getCode())) return new Classified(Role.REGIONAL, k, null);
        }
        // a node code whose region holds regional and distant nodes: the body site decides, else it stays ambiguous
        for (Coding k : codes) {
            if (t.isAmbiguousNodalDisease(k.getSystem(), k.getCode())) return nodesBySite(c, k);
        }
        // distant metastasis: a specific code, or the generic pattern + body site
        for (Coding k : codes) {
            SiteMapping s = t.secondarySite(k.getSystem(), k.getCode());
            if (s != null) return metastasisOrOther(c, new Classified(Role.METASTASIS, k, refineBySite(c, s)));
        }
        boolean secondaryProfile = hasProfile(c, "mcode-secondary-cancer-condition");
        for (Coding k : codes) {
            if (t.isGenericSecondary(k.getSystem(), k.getCode())) return genericSecondary(c, k);
        }
        // a code that names only a site (a body structure, an ICD-O-3 topography, "malignant neoplasm of liver"):
        // mCODE's histology extension says whether it is the primary or a metastasis there
        Optional<Histology.Read> histology = Histology.of(c, t);
        if (histology.isPresent()) {
            Classified byHistology = byHistology(c, histology.get());
            if (byHistology != null) return byHistology;
        }
        boolean primaryProfile = hasProfile(c, "mcode-primary-cancer-condition");
        if (primaryProfile && breastSite) {
            Coding k = codes.isEmpty() ? null : codes.get(0);
            ctx.report.note("profile", "A Condition with the mCODE primary cancer profile and a breast body site, whose code is not recognised, "
                    + "was read as the primary breast cancer.", ctx.id(c));
            return new Classified(Role.PRIMARY, k, null);
        }
        if (secondaryProfile && !codes.isEmpty()) {
            Classified k = genericSecondary(c, codes.get(0));
            if (k.role() == Role.METASTASIS) {
                ctx.report.note("profile", "A Condition with the mCODE secondary cancer profile, whose code is not recognised, was read as a distant metastasis.",
                        ctx.id(c));
            }
            return k;
        }
        if (primaryProfile) {
            // the most important fact to lose: say so beside the unrecognised code, so the answer's
            // "no primary breast cancer recorded" is read for what it is
            Coding k = codes.isEmpty() ? null : codes.get(0);
            String profile = c.getMeta().getProfile().stream().map(CanonicalType::getValue)
                    .filter(v -> v != null && v.contains("mcode-primary-cancer-condition")).findFirst().orElse("");
            ctx.report.note("primary cancer not recognised", "A Condition claims an mCODE primary cancer profile (" + profile
                    + ") but its code ("
                    + (k == null ? "none" : k.getSystem() + " " + k.getCode()) + ") is not recognised as a primary breast cancer: "
                    + "it was not read as the primary; if it is one, the answer lacks it.", ctx.id(c));
        }
        return new Classified(Role.OTHER, null, null);
    }

    private boolean hasBreastSite(Condition c) {
        return c.getBodySite().stream().flatMap(b -> b.getCoding().stream()).anyMatch(k -> t.isBreastStructure(k.getSystem(), k.getCode()));
    }

    /**
     * A Condition that the code alone does not classify, read with its histology's behaviour: metastatic (behaviour 6)
     * at a site its code or body site names (a regional node group: regional disease) is a metastasis there, at no
     * named site one of unspecified site; malignant of primary site (behaviour 3) at a breast site is the primary.
     * Behaviour 9 (uncertain whether primary or metastatic) is not guessed: the Condition counts as neither, with a
     * note. Null when the histology does not settle it (a primary of another organ, a metastasis "of the breast").
     */
    private Classified byHistology(Condition c, Histology.Read h) {
        List<Coding> sites = new ArrayList<>(c.getCode().getCoding());
        c.getBodySite().forEach(b -> sites.addAll(b.getCoding()));
        boolean breast = sites.stream().anyMatch(k -> t.isBreastStructure(k.getSystem(), k.getCode()));
        switch (h.behaviour()) {
            case UNCERTAIN -> {
                ctx.report.note("histology", "The Condition's histology is of behaviour /9 (malignant, uncertain whether primary or metastatic): "
                        + "the record could not be classified as the primary or a metastasis and counts as neither.", ctx.id(c));
                return new Classified(Role.OTHER, h.coding(), null);
            }
            case PRIMARY -> {
                return breast ? new Classified(Role.PRIMARY, h.coding(), null) : null;
            }
            default -> {
                if (breast) return null;
                if (sites.stream().anyMatch(k -> t.isRegionalNodeStructure(k.getSystem(), k.getCode()))) {
                    return new Classified(Role.REGIONAL, h.coding(), null);
                }
                for (Coding k : sites) {
                    SiteMapping site = t.bodyStructureSite(k.getSystem(), k.getCode());
                    if (site == null) site = t.unqualifiedMalignancySite(k.getSystem(), k.getCode());
                    if (site != null) {
                        return metastasisOrOther(c, new Classified(Role.METASTASIS, h.coding(),
                                new SiteMapping(site.site(), k.hasDisplay() ? k.getDisplay() : site.display(), site.specific())));
                    }
                }
                return metastasisOrOther(c, new Classified(Role.METASTASIS, h.coding(), new SiteMapping(Metastasis.UNSPECIFIED, null, false)));
            }
        }
    }

    /** A secondary cancer whose related primary is known and is not a breast cancer belongs to that cancer. */
    private Classified metastasisOrOther(Condition c, Classified k) {
        for (Extension ext : c.getExtension()) {
            if (!isRelatedPrimaryExtension(ext.getUrl()) || !(ext.getValue() instanceof Reference ref)) continue;
            Resource related = ctx.index.resolve(ref, c);
            if (related instanceof Condition rc && !isBreastPrimary(rc)) {
                ctx.report.note("other cancer", "A secondary cancer related to a primary that is not a breast cancer was not counted as a breast cancer metastasis.",
                        ctx.id(c), ctx.id(rc));
                return new Classified(Role.OTHER_CANCER_SECONDARY, k.coding(), k.site());
            }
        }
        return k;
    }

    private boolean isRelatedPrimaryExtension(String url) {
        return url != null && (url.equals(t.conditionRelatedExtensionUrl()) || url.endsWith("related-primary-cancer-condition"));
    }

    /**
     * Whether the related primary is a breast cancer. A recognised breast primary is; a Condition whose
     * text names the breast (in any language the settings list) is taken as one; any other Condition
     * coded in a known system, or looking like a neoplasm, is another cancer. An unreadable related
     * Condition is given the benefit of the doubt (the metastasis is kept).
     */
    private boolean isBreastPrimary(Condition c) {
        if (roles.isPrimary(c)) return true;
        boolean breastSite = hasBreastSite(c);
        for (Coding k : c.getCode().getCoding()) {
            if (t.isPrimaryBreastCancer(k.getSystem(), k.getCode())) return true;
            if (breastSite && t.isGenericMalignancy(k.getSystem(), k.getCode())) return true;
        }
        String text = allText(c.getCode());
        if (breastSite || t.mentionsBreastSite(text)) return true;
        boolean known = c.getCode().getCoding().stream().anyMatch(k -> k.hasSystem() && t.knowsSystem(k.getSystem()));
        return !known && !t.looksLikeNeoplasm(null, null, text);
    }

    /**
     * Catalogue "distant vs regional": a regional node structure in the body site is regional, another node
     * structure (cervical, mediastinal...) distant; no body site that says either leaves the record ambiguous,
     * which is not by itself evidence of distant disease.
     */
    private Classified nodesBySite(Condition c, Coding k) {
        if (hasRegionalNodeSite(c)) return new Classified(Role.REGIONAL, k, null);
        for (CodeableConcept b : c.getBodySite()) {
            for (Coding s : b.getCoding()) {
                SiteMapping site = t.bodyStructureSite(s.getSystem(), s.getCode());
                if (site != null && DISTANT_NODES.equals(site.site()) && !GENERIC_NODE.equals(s.getCode())) {
                    return metastasisOrOther(c, new Classified(Role.METASTASIS, k, new SiteMapping(site.site(), display(s, b), site.specific())));
                }
            }
        }
        return new Classified(Role.AMBIGUOUS_NODE, k, null);
    }

    private boolean hasRegionalNodeSite(Condition c) {
        return c.getBodySite().stream().flatMap(b -> b.getCoding().stream())
                .anyMatch(s -> t.isRegionalNodeStructure(s.getSystem(), s.getCode()));
    }

    /**
     * The generic secondary pattern: a code that says "secondary" (128462008, a metastatic morphology such as ICD-O-3
     * 8500/6 or SNOMED 4590003) and a body site that says where: regional nodes, an organ site, a node region that
     * holds regional and distant nodes alike (ICD-O-3 C77.0: ambiguous, as the same region coded as a diagnosis), or
     * nothing (site unspecified).
     */
    private Classified genericSecondary(Condition c, Coding k) {
        if (hasRegionalNodeSite(c)) return new Classified(Role.REGIONAL, k, null);
        for (CodeableConcept b : c.getBodySite()) {
            for (Coding s : b.getCoding()) {
                SiteMapping site = t.bodyStructureSite(s.getSystem(), s.getCode());
                if (site != null) {
                    return metastasisOrOther(c, new Classified(Role.METASTASIS, k, new SiteMapping(site.site(), display(s, b), site.specific())));
                }
            }
        }
        boolean ambiguousNodes = c.getBodySite().stream().flatMap(b -> b.getCoding().stream())
                .anyMatch(s -> t.isAmbiguousNodeStructure(s.getSystem(), s.getCode()));
        if (ambiguousNodes) return new Classified(Role.AMBIGUOUS_NODE, k, null);
        for (CodeableConcept b : c.getBodySite()) {
            for (Coding s : b.getCoding()) ctx.report.unrecognised(ctx.id(c), "Condition.bodySite", s);
        }
        return metastasisOrOther(c, new Classified(Role.METASTASIS, k, new SiteMapping(Metastasis.UNSPECIFIED, null, false)));
    }

    /** An organ-level code with a finer body site (94222008 + femur) names one lesion at that structure. */
    private SiteMapping refineBySite(Condition c, SiteMapping s) {
        for (CodeableConcept b : c.getBodySite()) {
            for (Coding k : b.getCoding()) {
                SiteMapping bs = t.bodyStructureSite(k.getSystem(), k.getCode());
                if (bs != null && bs.site().equals(s.site()) && bs.specific()) return new SiteMapping(s.site(), display(k, b), true);
            }
        }
        return new SiteMapping(s.site(), s.display(), s.specific());
    }
}

package org.primum.fhir;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;
import org.hl7.fhir.r4.model.*;
import org.primum.facts.*;

import java.math.BigDecimal;
import java.time.LocalDate;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR R4 resources → {@link ClinicalRecord}: every record as recorded, with its own date or none;
 * {@code org.primum.definitions.ClinicalInterpreter} applies the catalogue's definitions afterwards. Codes are recognised only
 * through {@link Terminology}. Thread-safe: all per-request state lives in a {@link Run}.
 */
public final class FhirMapper {
    private final Terminology terminology;

    public FhirMapper(Terminology terminology) {
        this.terminology = Objects.requireNonNull(terminology);
    }

    /** A Bundle of any type (collection, transaction, batch, searchset, document); exactly one Patient is required. */
    public ClinicalRecord map(Bundle bundle, LocalDate asOf) {
        if (bundle == null) throw new InvalidInputException(Problem.UNPROCESSABLE, "required", "A Bundle is required", "Bundle");
        Run run = new Run(terminology, asOf);
        List<Patient> patients = new ArrayList<>();
        List<Integer> patientEntries = new ArrayList<>();
        int i = 0;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r != null) {
                run.add(r, e.getFullUrl());
                if (r instanceof Patient p) {
                    patients.add(p);
                    patientEntries.add(i);
                }
            }
            i++;
        }
        if (patients.isEmpty()) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "required", "The Bundle must contain exactly one Patient; it contains none", "Bundle.entry");
        }
        if (patients.size() > 1) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "invalid", "The Bundle must contain exactly one Patient; it contains "
                    + patients.size(), "Bundle.entry[" + patientEntries.get(1) + "].resource");
        }
        return run.map(patients.get(0), null);
    }

    /**
     * Loose resources (CDS Hooks prefetch, draft orders, resources fetched from a FHIR server) for the
     * patient {@code patientId}; Bundles among them are flattened.
     */
    public ClinicalRecord map(List<? extends Resource> resources, String patientId, LocalDate asOf) {
        if (patientId == null || patientId.isBlank()) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "required", "A patient id is required", "patientId");
        }
        String id = patientId.startsWith("Patient/") ? patientId.substring("Patient/".length()) : patientId;
        Run run = new Run(terminology, asOf);
        Patient patient = null;
        Deque<Resource> todo = new ArrayDeque<>(resources == null ? List.of() : resources);
        while (!todo.isEmpty()) {
            Resource r = todo.poll();
            if (r == null) continue;
            if (r instanceof Bundle b) {
                for (Bundle.BundleEntryComponent e : b.getEntry()) {
                    if (e.getResource() == null) continue;
                    if (e.getResource() instanceof Bundle inner) todo.add(inner);
                    else run.add(e.getResource(), e.getFullUrl());
                    if (e.getResource() instanceof Patient p && id.equals(ResourceIndex.idOf(p, e.getFullUrl())) && patient == null) patient = p;
                }
                continue;
            }
            run.add(r, null);
            if (r instanceof Patient p && id.equals(ResourceIndex.idOf(p, null)) && patient == null) patient = p;
        }
        return run.map(patient, id);
    }

    /** The state of one mapping. */
    private static final class Run {
        private static final Pattern PERCENT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*%");

        private final Terminology t;
        private final LocalDate asOf;
        private final ResourceIndex index = new ResourceIndex();
        private final List<Resource> resources = new ArrayList<>();
        private final ClinicalRecord.Builder out = new ClinicalRecord.Builder();
        private final Map<String, UnrecognisedCode> unrecognised = new LinkedHashMap<>();
        private int unrecognisedDropped;
        private final Map<String, MappingNote> notes = new LinkedHashMap<>();

        private String patientId;
        private String patientSourceId;
        private Patient patient;

        /** Conditions read as primaries / metastases, for focus and related-primary look-ups. */
        private final Set<Resource> primaryConditions = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Resource> metastasisConditions = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Resource> otherCancerConditions = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<Resource, Integer> lesionCounts = new IdentityHashMap<>();
        private Integer unfocusedLesionCount;
        private String unfocusedLesionSource;

        Run(Terminology t, LocalDate asOf) {
            this.t = t;
            this.asOf = asOf == null ? LocalDate.now() : asOf;
        }

        void add(Resource r, String fullUrl) {
            index.add(r, fullUrl);
            resources.add(r);
        }

        ClinicalRecord map(Patient p, String expectedPatientId) {
            this.patient = p;
            if (p != null) {
                patientSourceId = index.sourceId(p);
                patientId = patientSourceId.substring("Patient/".length());
                out.patient = patientInfo(p);
            } else {
                patientId = expectedPatientId;
                patientSourceId = "Patient/" + expectedPatientId;
                note("patient", "No Patient resource was given: age and sex are unknown.", List.of());
            }
            List<Condition> conditions = new ArrayList<>();
            List<Observation> observations = new ArrayList<>();
            for (Resource r : resources) {
                if (r instanceof Patient || !belongsToPatient(r)) continue;
                if (r instanceof Condition c) conditions.add(c);
                else if (r instanceof Observation o) observations.add(o);
            }
            // 1. which Conditions are primaries / metastases (needed by focus, related-primary, lesion counts)
            Map<Condition, Classified> classified = new IdentityHashMap<>();
            for (Condition c : conditions) {
                if (ignoredCondition(c)) continue;
                guarded(c, () -> classified.put(c, classify(c)));
            }
            // 2. lesion counts (Observation focus → metastasis) before the metastases are built
            for (Observation o : observations) {
                if (!ignoredObservation(o)) guarded(o, () -> lesionCount(o));
            }
            // 3. Conditions → facts
            for (Condition c : conditions) {
                Classified k = classified.get(c);
                if (k != null) guarded(c, () -> condition(c, k));
            }
            if (unfocusedLesionCount != null) applyUnfocusedLesionCount();
            // 4. everything else
            for (Resource r : resources) {
                if (r instanceof Patient || r instanceof Condition || !belongsToPatient(r)) continue;
                if (r instanceof Observation o) {
                    if (!ignoredObservation(o)) guarded(o, () -> observation(o));
                } else if (r instanceof MedicationRequest m) {
                    guarded(m, () -> medicationRequest(m));
                } else if (r instanceof MedicationStatement m) {
                    guarded(m, () -> medicationStatement(m));
                } else if (r instanceof MedicationAdministration m) {
                    guarded(m, () -> medicationAdministration(m));
                } else if (r instanceof Procedure pr) {
                    guarded(pr, () -> procedure(pr));
                } else if (r instanceof ServiceRequest s) {
                    guarded(s, () -> serviceRequest(s));
                }
            }
            out.unrecognised.addAll(unrecognised.values());
            if (unrecognisedDropped > 0) {
                note("unrecognised codes", unrecognisedDropped + " further unrecognised codes are not listed (limit "
                        + t.unrecognisedMax() + ").", List.of());
            }
            out.notes.addAll(notes.values());
            return out.build();
        }

        /** A failure on one odd resource is reported, not turned into a server error. */
        private void guarded(Resource r, Runnable task) {
            try {
                task.run();
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                note("unreadable resource", "A " + r.fhirType() + " could not be read (" + e.getClass().getSimpleName()
                        + ") and was left out.", List.of(index.sourceId(r)));
            }
        }

        // ------------------------------------------------------------ patient & scoping

        private PatientInfo patientInfo(Patient p) {
            Integer age = null;
            if (p.hasBirthDateElement() && p.getBirthDateElement().getValueAsString() != null) {
                LocalDate birth = date(p.getBirthDateElement());
                if (birth != null && !birth.isAfter(asOf)) age = java.time.Period.between(birth, asOf).getYears();
            }
            String sex = p.hasGender() && p.getGender() != Enumerations.AdministrativeGender.NULL ? p.getGender().toCode() : null;
            return new PatientInfo(patientSourceId, age, sex);
        }

        /** Resources of another patient are ignored; resources without a subject (Medication...) are kept. */
        private boolean belongsToPatient(Resource r) {
            Reference subject = null;
            if (r instanceof Condition c) subject = c.getSubject();
            else if (r instanceof Observation o) subject = o.getSubject();
            else if (r instanceof MedicationRequest m) subject = m.getSubject();
            else if (r instanceof MedicationStatement m) subject = m.getSubject();
            else if (r instanceof MedicationAdministration m) subject = m.getSubject();
            else if (r instanceof Procedure p) subject = p.getSubject();
            else if (r instanceof ServiceRequest s) subject = s.getSubject();
            if (subject == null || !subject.hasReference()) return true;
            Resource target = index.resolve(subject, null);
            if (target != null) return target == patient || (target instanceof Patient && patientSourceId.equals(index.sourceId(target)));
            String ref = subject.getReference();
            String tail = ResourceIndex.typeIdTail(ref);
            if (tail != null) return tail.equals(patientSourceId);
            if (ref.startsWith("urn:uuid:")) return ref.substring("urn:uuid:".length()).equals(patientId);
            return true;
        }

        private static boolean ignoredCondition(Condition c) {
            String v = code(c.getVerificationStatus());
            return "refuted".equals(v) || "entered-in-error".equals(v);
        }

        private static boolean ignoredObservation(Observation o) {
            return o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                    || o.getStatus() == Observation.ObservationStatus.CANCELLED;
        }

        private static String code(CodeableConcept cc) {
            if (cc == null) return null;
            for (Coding c : cc.getCoding()) if (c.hasCode()) return c.getCode();
            return null;
        }

        // ------------------------------------------------------------ Conditions

        private enum Role { PRIMARY, METASTASIS, REGIONAL, OTHER_CANCER_SECONDARY, OTHER }

        private record Classified(Role role, Coding coding, Terminology.SiteMapping site, String siteDisplay, boolean viaProfile) {
        }

        private Classified classify(Condition c) {
            List<Coding> codes = c.getCode().getCoding();
            // primary breast cancer: a specific code, or a generic malignancy + breast body site
            for (Coding k : codes) {
                if (t.isPrimaryBreastCancer(k.getSystem(), k.getCode())) return mark(c, new Classified(Role.PRIMARY, k, null, null, false));
            }
            boolean breastSite = c.getBodySite().stream().flatMap(b -> b.getCoding().stream())
                    .anyMatch(k -> t.isBreastStructure(k.getSystem(), k.getCode()));
            for (Coding k : codes) {
                if (t.isGenericMalignancy(k.getSystem(), k.getCode()) && breastSite) return mark(c, new Classified(Role.PRIMARY, k, null, null, false));
            }
            // regional nodal disease is N disease, never distant
            for (Coding k : codes) {
                if (t.isRegionalNodalDisease(k.getSystem(), k.getCode())) return new Classified(Role.REGIONAL, k, null, null, false);
            }
            // distant metastasis: a specific code, or the generic pattern + body site
            for (Coding k : codes) {
                Terminology.SiteMapping s = t.secondarySite(k.getSystem(), k.getCode());
                if (s != null) return metastasisOrOther(c, new Classified(Role.METASTASIS, k, refineBySite(c, s), null, false));
            }
            boolean secondaryProfile = hasProfile(c, "mcode-secondary-cancer-condition");
            for (Coding k : codes) {
                if (t.isGenericSecondary(k.getSystem(), k.getCode())) return genericSecondary(c, k, false);
            }
            boolean primaryProfile = hasProfile(c, "mcode-primary-cancer-condition");
            if (primaryProfile && breastSite) {
                Coding k = codes.isEmpty() ? null : codes.get(0);
                note("profile", "A Condition with the mCODE primary cancer profile and a breast body site, whose code is not recognised, "
                        + "was read as the primary breast cancer.", List.of(index.sourceId(c)));
                return mark(c, new Classified(Role.PRIMARY, k, null, null, true));
            }
            if (secondaryProfile && !codes.isEmpty()) {
                Classified k = genericSecondary(c, codes.get(0), true);
                if (k.role() == Role.METASTASIS) {
                    note("profile", "A Condition with the mCODE secondary cancer profile, whose code is not recognised, was read as a distant metastasis.",
                            List.of(index.sourceId(c)));
                }
                return k;
            }
            if (primaryProfile) { // the most important fact to lose: say so, beside the unrecognised code
                Coding k = codes.isEmpty() ? null : codes.get(0);
                note("primary cancer not recognised", "A Condition claims an mCODE primary cancer profile ("
                        + c.getMeta().getProfile().stream().map(CanonicalType::getValue).filter(v -> v != null && v.contains("mcode-primary-cancer-condition")).findFirst().orElse("")
                        + ") but its code (" + (k == null ? "none" : k.getSystem() + " " + k.getCode()) + ") is not recognised as a primary breast cancer: "
                        + "it was not read as the primary; if it is one, the answer lacks it.", List.of(index.sourceId(c)));
            }
            return new Classified(Role.OTHER, null, null, null, false);
        }

        private Classified mark(Condition c, Classified k) {
            primaryConditions.add(c);
            return k;
        }

        /** A secondary cancer whose related primary is known and is not a breast cancer belongs to that cancer. */
        private Classified metastasisOrOther(Condition c, Classified k) {
            for (Extension ext : c.getExtension()) {
                if (!isRelatedPrimaryExtension(ext.getUrl()) || !(ext.getValue() instanceof Reference ref)) continue;
                Resource related = index.resolve(ref, c);
                if (related instanceof Condition rc && !isBreastPrimary(rc)) {
                    otherCancerConditions.add(c);
                    note("other cancer", "A secondary cancer related to a primary that is not a breast cancer was not counted as a breast cancer metastasis.",
                            List.of(index.sourceId(c), index.sourceId(rc)));
                    return new Classified(Role.OTHER_CANCER_SECONDARY, k.coding(), k.site(), k.siteDisplay(), false);
                }
            }
            metastasisConditions.add(c);
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
        if (primaryConditions.contains(c)) return true;
        boolean breastSite = c.getBodySite().stream().flatMap(b -> b.getCoding().stream()).anyMatch(k -> t.isBreastStructure(k.getSystem(), k.getCode()));
        for (Coding k : c.getCode().getCoding()) {
            if (t.isPrimaryBreastCancer(k.getSystem(), k.getCode())) return true;
            if (breastSite && t.isGenericMalignancy(k.getSystem(), k.getCode())) return true;
        }
        String text = allText(c.getCode());
        if (breastSite || t.mentionsBreastSite(text)) return true;
        boolean known = c.getCode().getCoding().stream().anyMatch(k -> k.hasSystem() && t.knowsSystem(k.getSystem()));
        return !known && !t.looksLikeNeoplasm(null, null, text);
    }

    private Classified genericSecondary(Condition c, Coding k, boolean viaProfile) {
            for (CodeableConcept b : c.getBodySite()) {
                for (Coding s : b.getCoding()) {
                    if (t.isRegionalNodeStructure(s.getSystem(), s.getCode())) return new Classified(Role.REGIONAL, k, null, null, viaProfile);
                }
            }
            for (CodeableConcept b : c.getBodySite()) {
                for (Coding s : b.getCoding()) {
                    Terminology.SiteMapping site = t.bodyStructureSite(s.getSystem(), s.getCode());
                    if (site != null) {
                        return metastasisOrOther(c, new Classified(Role.METASTASIS, k,
                                new Terminology.SiteMapping(site.site(), display(s, b), site.specific()), null, viaProfile));
                    }
                }
            }
            for (CodeableConcept b : c.getBodySite()) {
                for (Coding s : b.getCoding()) unrecognised(index.sourceId(c), "Condition.bodySite", s);
            }
            return metastasisOrOther(c, new Classified(Role.METASTASIS, k,
                    new Terminology.SiteMapping(Metastasis.UNSPECIFIED, null, false), null, viaProfile));
        }

        /** An organ-level code with a finer body site (94222008 + femur) names one lesion at that structure. */
        private Terminology.SiteMapping refineBySite(Condition c, Terminology.SiteMapping s) {
            String display = s.display();
            for (CodeableConcept b : c.getBodySite()) {
                for (Coding k : b.getCoding()) {
                    Terminology.SiteMapping bs = t.bodyStructureSite(k.getSystem(), k.getCode());
                    if (bs != null && bs.site().equals(s.site()) && bs.specific()) {
                        return new Terminology.SiteMapping(s.site(), display(k, b), true);
                    }
                }
            }
            return new Terminology.SiteMapping(s.site(), display, s.specific());
        }

        private void condition(Condition c, Classified k) {
            String id = index.sourceId(c);
            switch (k.role()) {
                case PRIMARY -> {
                    DatedValue d = conditionDate(c);
                    Laterality side = conditionLaterality(c);
                    Coding coding = k.coding();
                    String display = coding == null ? text(c.getCode()) : display(coding, c.getCode());
                    out.primaries.add(new PrimaryTumour(id, coding == null ? null : coding.getCode(), display, d.date(),
                            d.date() == null ? DateBasis.UNDATED : DateBasis.RECORDED, side));
                    if (d.date() == null) note("dates", "The primary breast cancer has no onset or recorded date.", List.of(id));
                    stageSummary(c);
                }
                case METASTASIS -> {
                    DatedValue d = conditionDate(c);
                    Terminology.SiteMapping s = k.site();
                    Integer count = lesionCountExtension(c);
                    if (count == null) count = lesionCounts.get(c);
                    String siteDisplay = s.display() != null ? s.display() : display(k.coding(), c.getCode());
                    out.metastases.add(new Metastasis(id, s.site(), s.specific(), siteDisplay, d.date(),
                            d.date() == null ? DateBasis.UNDATED : DateBasis.RECORDED, count));
                    if (!Metastasis.UNSPECIFIED.equals(s.site())) break;
                    note("metastatic site", "A metastasis record names no site.", List.of(id));
                }
                case REGIONAL -> note("regional nodes", "Secondary cancer in the regional (axillary, internal mammary or supraclavicular) nodes "
                        + "is nodal (N) disease, not a distant metastasis.", List.of(id));
                case OTHER_CANCER_SECONDARY -> { }
                case OTHER -> otherCondition(c);
            }
        }

        private void otherCondition(Condition c) {
            if (symptomCondition(c)) return;
            String text = text(c.getCode());
            for (Coding k : c.getCode().getCoding()) {
                boolean unknownSystem = k.getSystem() != null && !t.knowsSystem(k.getSystem());
                if (unknownSystem || t.looksLikeNeoplasm(k.getSystem(), k.getCode(), text + " " + nz(k.getDisplay()))) {
                    unrecognised(index.sourceId(c), "Condition.code", k);
                }
            }
            if (c.getCode().getCoding().isEmpty() && t.looksLikeNeoplasm(null, null, text)) {
                unrecognisedText(index.sourceId(c), "Condition.code", text);
            }
        }

        private void stageSummary(Condition c) {
            for (Condition.ConditionStageComponent st : c.getStage()) {
                for (Coding k : st.getSummary().getCoding()) {
                    String cat = t.tnmCategory(k.getSystem(), k.getCode(), TnmAxis.STAGE_GROUP);
                    if (cat != null) {
                        out.staging.add(new TnmCategory(index.sourceId(c), TnmAxis.STAGE_GROUP, cat, false, conditionDate(c).date()));
                        break;
                    }
                }
            }
        }

        private Integer lesionCountExtension(Condition c) {
            Extension ext = c.getExtensionByUrl(t.lesionCountExtensionUrl());
            return ext == null ? null : integer(ext.getValue());
        }

        private Laterality conditionLaterality(Condition c) {
            Laterality side = bodySiteLaterality(c.getBodySite());
            if (side != null) return side;
            for (Coding k : c.getCode().getCoding()) {
                Laterality l = t.laterality(k.getSystem(), k.getCode());
                if (l != null) return l;
            }
            return null;
        }

        private Laterality bodySiteLaterality(List<CodeableConcept> sites) {
            Laterality found = null;
            for (CodeableConcept b : sites) {
                Laterality l = null;
                for (Extension ext : b.getExtension()) {
                    if (ext.getValue() instanceof CodeableConcept q) {
                        for (Coding k : q.getCoding()) {
                            Laterality x = t.laterality(k.getSystem(), k.getCode());
                            if (x != null) l = x;
                        }
                    }
                }
                if (l == null) {
                    for (Coding k : b.getCoding()) {
                        Laterality x = t.laterality(k.getSystem(), k.getCode());
                        if (x != null) l = x;
                    }
                }
                if (l != null) found = found == null || found == l ? l : Laterality.BILATERAL;
            }
            return found;
        }

        private boolean symptomCondition(Condition c) {
            String status = code(c.getClinicalStatus());
            if ("resolved".equals(status) || "inactive".equals(status) || "remission".equals(status)) return false;
            String symptom = symptom(c.getCode(), c.getBodySite());
            if (symptom == null) return false;
            out.symptoms.add(new PrimarySymptom(index.sourceId(c), symptom, conditionDate(c).date()));
            return true;
        }

        /** A symptom of the breast: by code, or by its words together with a breast / chest-wall site. */
        private String symptom(CodeableConcept code, List<CodeableConcept> bodySites) {
            for (Coding k : code.getCoding()) {
                String s = t.symptom(k.getSystem(), k.getCode());
                if (s != null) return s;
            }
            String text = allText(code);
            String s = t.symptomByText(text);
            if (s == null) return null;
            boolean breastSite = false;
            for (CodeableConcept b : bodySites) {
                for (Coding k : b.getCoding()) {
                    String region = t.locoregionalRegion(k.getSystem(), k.getCode());
                    if ("breast".equals(region) || "chest-wall".equals(region)) breastSite = true;
                }
                if (!breastSite && t.mentionsBreastSite(allText(b))) breastSite = true;
            }
            return breastSite || t.mentionsBreastSite(text) ? s : null;
        }

        // ------------------------------------------------------------ Observations

        private void lesionCount(Observation o) {
            if (!anyCoding(o.getCode(), t::isLesionCount)) return;
            Integer n = integer(o.getValue());
            if (n == null) return;
            if (o.getFocus().isEmpty()) {
                unfocusedLesionCount = n;
                unfocusedLesionSource = index.sourceId(o);
                return;
            }
            for (Reference f : o.getFocus()) {
                Resource target = index.resolve(f, o);
                if (target != null) lesionCounts.put(target, n);
            }
        }

        /** A count without focus speaks for all distant disease: usable only when that is one organ. */
        private void applyUnfocusedLesionCount() {
            Set<String> organs = new HashSet<>();
            for (Metastasis m : out.metastases) organs.add(m.site());
            if (organs.size() == 1 && !organs.contains(Metastasis.UNSPECIFIED)) {
                List<Metastasis> updated = new ArrayList<>();
                for (Metastasis m : out.metastases) {
                    updated.add(m.lesionCount() != null ? m : new Metastasis(m.sourceId(), m.site(), m.specificSite(), m.siteDisplay(),
                            m.onset(), m.dateBasis(), unfocusedLesionCount));
                }
                out.metastases.clear();
                out.metastases.addAll(updated);
            } else {
                note("lesion count", "A lesion count without focus could not be attributed to one organ site and was not used.",
                        List.of(unfocusedLesionSource));
            }
        }

        private void observation(Observation o) {
            String id = index.sourceId(o);
            CodeableConcept code = o.getCode();
            for (Coding k : code.getCoding()) {
                String system = k.getSystem(), c = k.getCode();
                Terminology.TnmAxisMapping axis = t.tnmAxis(system, c);
                if (axis != null) { staging(o, axis); return; }
                Terminology.ReceptorTest rt = t.receptorTest(system, c);
                if (rt != null) { receptor(o, rt); return; }
                if (t.isDiseaseStatus(system, c)) { diseaseStatus(o); return; }
                PerformanceScale scale = t.performanceScale(system, c);
                if (scale != null) { performance(o, scale); return; }
                if (t.isMarginObservation(system, c)) { margin(o); return; }
                if (t.isMetastasisSiteObservation(system, c)) { metastasisSite(o); return; }
                if (t.isLesionCount(system, c)) return;
            }
            if (o.hasValueBooleanType() && !o.getValueBooleanType().booleanValue()) return; // "absent"
            String symptom = symptom(code, o.hasBodySite() ? List.of(o.getBodySite()) : List.of());
            if (symptom != null) out.symptoms.add(new PrimarySymptom(id, symptom, effective(o)));
        }

        /** "Site of distant metastasis" with a body structure as value is a metastasis record of its own. */
        private void metastasisSite(Observation o) {
            if (!(o.getValue() instanceof CodeableConcept cc)) return;
            String id = index.sourceId(o);
            for (Coding k : cc.getCoding()) {
                if (t.isNoFinding(k.getSystem(), k.getCode())) return;
                if (t.isRegionalNodeStructure(k.getSystem(), k.getCode())) {
                    note("regional nodes", "Secondary cancer in the regional (axillary, internal mammary or supraclavicular) nodes "
                            + "is nodal (N) disease, not a distant metastasis.", List.of(id));
                    return;
                }
                Terminology.SiteMapping s = t.bodyStructureSite(k.getSystem(), k.getCode());
                if (s != null) {
                    LocalDate d = effective(o);
                    out.metastases.add(new Metastasis(id, s.site(), s.specific(), display(k, cc), d,
                            d == null ? DateBasis.UNDATED : DateBasis.RECORDED, lesionCounts.get(o)));
                    return;
                }
            }
            for (Coding k : cc.getCoding()) unrecognised(id, "Observation.value", k);
            if (cc.getCoding().isEmpty()) unrecognisedText(id, "Observation.value", cc.getText());
        }

        private void staging(Observation o, Terminology.TnmAxisMapping axis) {
            String id = index.sourceId(o);
            String category = null;
            if (o.getValue() instanceof CodeableConcept cc) {
                for (Coding k : cc.getCoding()) {
                    category = t.tnmCategory(k.getSystem(), k.getCode(), axis.axis());
                    if (category != null) break;
                }
                if (category == null && cc.getCoding().isEmpty() && cc.hasText()) category = Terminology.normaliseAjcc(cc.getText(), axis.axis());
                if (category == null) {
                    for (Coding k : cc.getCoding()) unrecognised(id, "Observation.value", k);
                    if (cc.getCoding().isEmpty()) unrecognisedText(id, "Observation.value", cc.getText());
                    return;
                }
            } else if (o.getValue() instanceof StringType s) {
                category = Terminology.normaliseAjcc(s.getValue(), axis.axis());
                if (category == null) { unrecognisedText(id, "Observation.value", s.getValue()); return; }
            } else {
                return; // a staging panel without a value
            }
            out.staging.add(new TnmCategory(id, axis.axis(), category, axis.pathological(), effective(o)));
        }

        private void receptor(Observation o, Terminology.ReceptorTest test) {
            String id = index.sourceId(o);
            ReceptorValue value = null;
            boolean codedButUnknown = false;
            if (o.getValue() instanceof CodeableConcept cc) {
                for (Coding k : cc.getCoding()) {
                    value = t.receptorResult(k.getSystem(), k.getCode());
                    if (value != null) break;
                }
                if (value == null) value = t.receptorByText(allText(cc));
                if (value == null) {
                    codedButUnknown = true;
                    for (Coding k : cc.getCoding()) unrecognised(id, "Observation.value", k);
                }
            }
            if (value == null) {
                for (CodeableConcept i : o.getInterpretation()) {
                    for (Coding k : i.getCoding()) {
                        value = t.receptorResult(k.getSystem(), k.getCode());
                        if (value != null) break;
                    }
                    if (value != null) break;
                }
            }
            if (value == null && o.getValue() instanceof Quantity q && q.hasValue() && test.receptor() != Receptor.HER2
                    && (test.percent() || "%".equals(q.getCode()) || "%".equals(q.getUnit()))) {
                value = percent(q.getValue());
            }
            if (value == null && o.getValue() instanceof StringType s) {
                value = textResult(s.getValue(), test);
            }
            if (value == null) {
                value = ReceptorValue.UNKNOWN;
                if (!codedButUnknown) note("receptor result", "A " + test.receptor() + " result could not be read (value not coded, not a percentage "
                        + "and no positive/negative word): taken as unknown.", List.of(id));
            }
            out.receptors.add(new ReceptorStatus(id, test.receptor(), value, effective(o)));
        }

        private ReceptorValue textResult(String text, Terminology.ReceptorTest test) {
            if (text == null) return null;
            if (test.receptor() != Receptor.HER2) {
                Matcher m = PERCENT.matcher(text);
                if (m.find()) return percent(new BigDecimal(m.group(1).replace(',', '.')));
            }
            return t.receptorByText(text);
        }

        private ReceptorValue percent(BigDecimal v) {
            return v.compareTo(t.receptorPositiveMinPercent()) >= 0 ? ReceptorValue.POSITIVE : ReceptorValue.NEGATIVE;
        }

        private void diseaseStatus(Observation o) {
            String id = index.sourceId(o);
            Response response = null;
            if (o.getValue() instanceof CodeableConcept cc) {
                for (Coding k : cc.getCoding()) {
                    response = t.response(k.getSystem(), k.getCode());
                    if (response != null) break;
                }
                if (response == null) {
                    for (Coding k : cc.getCoding()) unrecognised(id, "Observation.value", k);
                    if (cc.getCoding().isEmpty()) unrecognisedText(id, "Observation.value", cc.getText());
                    return;
                }
            } else {
                return;
            }
            boolean primary = false, distant = false;
            for (Reference f : o.getFocus()) {
                Resource target = index.resolve(f, o);
                if (target != null && primaryConditions.contains(target)) primary = true;
                else if (target != null && metastasisConditions.contains(target)) distant = true;
            }
            DiseaseFocus focus = primary == distant ? DiseaseFocus.WHOLE : primary ? DiseaseFocus.PRIMARY : DiseaseFocus.DISTANT;
            out.diseaseStatuses.add(new DiseaseStatus(id, focus, response, effective(o)));
        }

        private void performance(Observation o, PerformanceScale scale) {
            String id = index.sourceId(o);
            Integer score = integer(o.getValue());
            if (score == null && scale == PerformanceScale.ECOG) {
                if (o.getValue() instanceof CodeableConcept cc) score = ecog(cc);
                if (score == null) for (CodeableConcept i : o.getInterpretation()) if ((score = ecog(i)) != null) break;
            }
            if (score == null) {
                if (o.getValue() instanceof CodeableConcept cc) for (Coding k : cc.getCoding()) unrecognised(id, "Observation.value", k);
                return;
            }
            int max = scale == PerformanceScale.ECOG ? 5 : 100;
            if (score < 0 || score > max) {
                note("performance status", scale + " score " + score + " is out of range and was not used.", List.of(id));
                return;
            }
            out.performance.add(new PerformanceStatus(id, scale, score, effective(o)));
        }

        private Integer ecog(CodeableConcept cc) {
            for (Coding k : cc.getCoding()) {
                Integer s = t.ecogAnswer(k.getSystem(), k.getCode());
                if (s != null) return s;
            }
            return null;
        }

        private void margin(Observation o) {
            String id = index.sourceId(o);
            Boolean involved = null;
            if (o.getValue() instanceof CodeableConcept cc) {
                for (Coding k : cc.getCoding()) {
                    involved = t.marginInvolved(k.getSystem(), k.getCode());
                    if (involved != null) break;
                }
                if (involved == null) involved = t.marginByText(allText(cc));
                if (involved == null) {
                    for (Coding k : cc.getCoding()) unrecognised(id, "Observation.value", k);
                    return;
                }
            } else if (o.getValue() instanceof StringType s) {
                involved = t.marginByText(s.getValue());
                if (involved == null) { unrecognisedText(id, "Observation.value", s.getValue()); return; }
            } else {
                return;
            }
            out.margins.add(new MarginStatus(id, involved, effective(o)));
        }

        // ------------------------------------------------------------ Medications

        private void medicationRequest(MedicationRequest m) {
            MedicationRequest.MedicationRequestStatus s = m.getStatus();
            if (s == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR || s == MedicationRequest.MedicationRequestStatus.CANCELLED
                    || s == MedicationRequest.MedicationRequestStatus.DRAFT || m.getDoNotPerform()) return;
            // a proposal or a plan is not a therapy started: weeks on therapy run from a real start
            MedicationRequest.MedicationRequestIntent intent = m.getIntent();
            if (intent == MedicationRequest.MedicationRequestIntent.PROPOSAL || intent == MedicationRequest.MedicationRequestIntent.PLAN) return;
            LocalDate start = date(m.getAuthoredOnElement());
            if (start == null && m.getDispenseRequest().getValidityPeriod().hasStart()) start = date(m.getDispenseRequest().getValidityPeriod().getStartElement());
            therapy(m, m.getMedication(), start, "MedicationRequest.medication");
        }

        private void medicationStatement(MedicationStatement m) {
            MedicationStatement.MedicationStatementStatus s = m.getStatus();
            if (s == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR || s == MedicationStatement.MedicationStatementStatus.NOTTAKEN
                    || s == MedicationStatement.MedicationStatementStatus.INTENDED) return;
            therapy(m, m.getMedication(), effectiveDate(m.getEffective()), "MedicationStatement.medication");
        }

        private void medicationAdministration(MedicationAdministration m) {
            MedicationAdministration.MedicationAdministrationStatus s = m.getStatus();
            if (s == MedicationAdministration.MedicationAdministrationStatus.ENTEREDINERROR
                    || s == MedicationAdministration.MedicationAdministrationStatus.NOTDONE) return;
            therapy(m, m.getMedication(), effectiveDate(m.getEffective()), "MedicationAdministration.medication");
        }

        private void therapy(DomainResource r, Type medication, LocalDate start, String element) {
            String id = index.sourceId(r);
            List<CodeableConcept> concepts = new ArrayList<>();
            if (medication instanceof CodeableConcept cc) {
                concepts.add(cc);
            } else if (medication instanceof Reference ref) {
                Resource target = index.resolve(ref, r);
                if (target instanceof Medication med) {
                    concepts.add(med.getCode());
                    for (Medication.MedicationIngredientComponent ing : med.getIngredient()) {
                        if (ing.getItem() instanceof CodeableConcept ic) concepts.add(ic);
                    }
                } else if (ref.hasDisplay()) {
                    concepts.add(new CodeableConcept().setText(ref.getDisplay()));
                }
            }
            Terminology.Ingredient ing = null;
            for (CodeableConcept cc : concepts) {
                for (Coding k : cc.getCoding()) {
                    ing = t.ingredient(k.getSystem(), k.getCode());
                    if (ing != null) break;
                }
                if (ing != null) break;
            }
            boolean byText = false;
            if (ing == null) {
                for (CodeableConcept cc : concepts) {
                    ing = t.ingredientByText(allText(cc));
                    if (ing != null) { byText = true; break; }
                }
            }
            if (ing == null) {
                boolean any = false;
                for (CodeableConcept cc : concepts) {
                    for (Coding k : cc.getCoding()) { unrecognised(id, element, k); any = true; }
                }
                if (!any) {
                    String text = concepts.isEmpty() ? null : allText(concepts.get(0));
                    if (text != null && !text.isBlank()) unrecognisedText(id, element, text);
                    else note("medication", "A medication record names no drug.", List.of(id));
                }
                return;
            }
            if (byText) note("medication", "A medication was recognised by its name, not by its code.", List.of(id));
            out.therapies.add(new SystemicTherapy(id, ing.drugClass(), ing.name(), start));
        }

        // ------------------------------------------------------------ Procedures & orders

        private record Kind(ProcedureKind kind, Coding coding) {
        }

        private void procedure(Procedure p) {
            Procedure.ProcedureStatus s = p.getStatus();
            if (s != Procedure.ProcedureStatus.COMPLETED && s != Procedure.ProcedureStatus.INPROGRESS) return;
            String id = index.sourceId(p);
            LocalDate date = effectiveDate(p.getPerformed());
            for (Coding k : p.getCode().getCoding()) {
                if (t.isChemotherapyProcedure(k.getSystem(), k.getCode())) {
                    out.therapies.add(new SystemicTherapy(id, DrugClass.CHEMOTHERAPY, "chemotherapy (procedure)", date));
                    return;
                }
            }
            Kind kind = kind(p, p.getCode(), p.getBodySite(), p.getReasonReference());
            if (kind == null) {
                reportProcedure(id, "Procedure.code", p.getCode());
                return;
            }
            out.procedures.add(new ProcedureDone(id, kind.kind(), kind.coding() == null ? null : kind.coding().getCode(),
                    procedureLaterality(p.getBodySite(), p.getCode()), prophylactic(p.getCode(), p.getReasonCode()), date));
        }

        private void serviceRequest(ServiceRequest r) {
            ServiceRequest.ServiceRequestStatus s = r.getStatus();
            if (s != ServiceRequest.ServiceRequestStatus.DRAFT && s != ServiceRequest.ServiceRequestStatus.ACTIVE) return;
            if (r.getDoNotPerform()) return;
            String id = index.sourceId(r);
            Kind kind = kind(r, r.getCode(), r.getBodySite(), r.getReasonReference());
            if (kind == null) {
                reportProcedure(id, "ServiceRequest.code", r.getCode());
                return;
            }
            out.orders.add(new ProposedOrder(id, kind.kind(), kind.coding() == null ? null : kind.coding().getCode(),
                    procedureLaterality(r.getBodySite(), r.getCode()), prophylactic(r.getCode(), r.getReasonCode()), s.toCode()));
        }

        private void reportProcedure(String id, String element, CodeableConcept code) {
            for (Coding k : code.getCoding()) unrecognised(id, element, k);
            if (code.getCoding().isEmpty() && code.hasText()) unrecognisedText(id, element, code.getText());
        }

        private Kind kind(DomainResource r, CodeableConcept code, List<CodeableConcept> bodySites, List<Reference> reasons) {
            for (Coding k : code.getCoding()) {
                String kind = t.procedureKind(k.getSystem(), k.getCode());
                if (kind == null) continue;
                if (!"RADIOTHERAPY".equals(kind)) return new Kind(ProcedureKind.valueOf(kind), k);
                return new Kind(radiotherapyKind(r, bodySites, reasons), k);
            }
            if (t.mentionsTumourBoard(allText(code))) {
                note("tumour board", "A tumour board review was recognised by its name, not by its code.", List.of(index.sourceId(r)));
                return new Kind(ProcedureKind.TUMOUR_BOARD_REVIEW, code.getCoding().isEmpty() ? null : code.getCodingFirstRep());
            }
            return null;
        }

        /** Radiotherapy is locoregional only when aimed at the breast, chest wall or regional nodes. */
        private ProcedureKind radiotherapyKind(DomainResource r, List<CodeableConcept> bodySites, List<Reference> reasons) {
            boolean metastatic = false;
            for (CodeableConcept b : bodySites) {
                for (Coding k : b.getCoding()) {
                    if (t.locoregionalRegion(k.getSystem(), k.getCode()) != null) return ProcedureKind.LOCOREGIONAL_RADIOTHERAPY;
                    if (t.bodyStructureSite(k.getSystem(), k.getCode()) != null) metastatic = true;
                }
            }
            if (metastatic) return ProcedureKind.METASTASIS_RADIOTHERAPY;
            for (Reference ref : reasons) {
                Resource target = index.resolve(ref, r);
                if (target != null && metastasisConditions.contains(target)) return ProcedureKind.METASTASIS_RADIOTHERAPY;
                if (target != null && primaryConditions.contains(target) && bodySites.isEmpty()) {
                    // aimed at the primary's disease without a site: still not proven locoregional
                    break;
                }
            }
            for (CodeableConcept b : bodySites) for (Coding k : b.getCoding()) unrecognised(index.sourceId(r), r.fhirType() + ".bodySite", k);
            return ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE;
        }

        private Laterality procedureLaterality(List<CodeableConcept> bodySites, CodeableConcept code) {
            Laterality side = null;
            for (Coding k : code.getCoding()) {
                Laterality l = t.laterality(k.getSystem(), k.getCode());
                if (l != null) { side = l; break; }
            }
            if (side == Laterality.BILATERAL) return side;
            Laterality site = bodySiteLaterality(bodySites);
            if (site == null) return side;
            if (side == null || side == site) return site;
            return Laterality.BILATERAL;
        }

        private boolean prophylactic(CodeableConcept code, List<CodeableConcept> reasons) {
            for (Coding k : code.getCoding()) if (t.isProphylacticMastectomy(k.getSystem(), k.getCode())) return true;
            if (t.mentionsProphylactic(allText(code))) return true;
            for (CodeableConcept r : reasons) if (t.mentionsProphylactic(allText(r))) return true;
            return false;
        }

        // ------------------------------------------------------------ helpers

        private void unrecognised(String sourceId, String element, Coding k) {
            String key = k.getSystem() + "|" + k.getCode();
            if (unrecognised.containsKey(key)) return;
            if (unrecognised.size() >= t.unrecognisedMax()) { unrecognisedDropped++; return; }
            unrecognised.put(key, new UnrecognisedCode(sourceId, element, k.getSystem(), k.getCode(), k.getDisplay()));
        }

        private void unrecognisedText(String sourceId, String element, String text) {
            if (text == null || text.isBlank()) return;
            String key = "text|" + text;
            if (unrecognised.containsKey(key)) return;
            if (unrecognised.size() >= t.unrecognisedMax()) { unrecognisedDropped++; return; }
            unrecognised.put(key, new UnrecognisedCode(sourceId, element, null, null, text));
        }

        private void note(String topic, String text, List<String> ids) {
            MappingNote existing = notes.get(text);
            if (existing == null) {
                notes.put(text, new MappingNote(topic, text, List.copyOf(ids)));
            } else if (!ids.isEmpty()) {
                List<String> merged = new ArrayList<>(existing.sourceIds());
                for (String id : ids) if (!merged.contains(id)) merged.add(id);
                notes.put(text, new MappingNote(topic, text, List.copyOf(merged)));
            }
        }

        private static boolean hasProfile(Resource r, String suffix) {
            for (CanonicalType p : r.getMeta().getProfile()) {
                String v = p.getValue();
                if (v != null && v.contains(suffix)) return true;
            }
            return false;
        }

        private static boolean anyCoding(CodeableConcept cc, java.util.function.BiPredicate<String, String> test) {
            for (Coding k : cc.getCoding()) if (test.test(k.getSystem(), k.getCode())) return true;
            return false;
        }

        private static String nz(String s) { return s == null ? "" : s; }

        private static String text(CodeableConcept cc) {
            if (cc == null) return "";
            if (cc.hasText()) return cc.getText();
            for (Coding k : cc.getCoding()) if (k.hasDisplay()) return k.getDisplay();
            return "";
        }

        private static String allText(CodeableConcept cc) {
            if (cc == null) return "";
            StringBuilder b = new StringBuilder(nz(cc.getText()));
            for (Coding k : cc.getCoding()) if (k.hasDisplay()) b.append(' ').append(k.getDisplay());
            return b.toString();
        }

        private static String display(Coding k, CodeableConcept cc) {
            if (k != null && k.hasDisplay()) return k.getDisplay();
            if (cc != null && cc.hasText()) return cc.getText();
            return k == null ? null : k.getCode();
        }

        private static Integer integer(Type v) {
            if (v instanceof IntegerType i && i.getValue() != null) return i.getValue();
            if (v instanceof Quantity q && q.hasValue()) {
                BigDecimal d = q.getValue();
                try {
                    return d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
                } catch (ArithmeticException e) {
                    return null;
                }
            }
            return null;
        }

        private record DatedValue(LocalDate date) {
        }

        private DatedValue conditionDate(Condition c) {
            LocalDate d = null;
            Type onset = c.getOnset();
            if (onset instanceof DateTimeType dt) d = date(dt);
            else if (onset instanceof Period p && p.hasStart()) d = date(p.getStartElement());
            if (d == null && c.hasRecordedDateElement()) d = date(c.getRecordedDateElement());
            return new DatedValue(d);
        }

        private LocalDate effective(Observation o) {
            LocalDate d = effectiveDate(o.getEffective());
            if (d == null && o.hasIssued()) d = date(o.getIssuedElement());
            return d;
        }

        private LocalDate effectiveDate(Type t) {
            if (t instanceof DateTimeType dt) return date(dt);
            if (t instanceof Period p && p.hasStart()) return date(p.getStartElement());
            if (t instanceof InstantType i) return date(i);
            return null;
        }

        /** The calendar date as written (no time-zone shift); a year or year-month is taken as its first day. */
        /**
         * The first ten characters as a date: {@code YYYY-MM-DD} read directly (LocalDate.of validates the
         * day as {@code LocalDate.parse} does), anything else through {@code LocalDate.parse}.
         */
        private static LocalDate isoDate(String s) {
            if (s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10)) {
                return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
            }
            return LocalDate.parse(s.substring(0, 10));
        }

        private static boolean digits(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') return false;
            }
            return true;
        }

        private LocalDate date(PrimitiveType<?> dt) {
            if (dt == null) return null;
            String s = dt.getValueAsString();
            if (s == null || s.length() < 4) return null;
            try {
                if (s.length() >= 10) return isoDate(s);
                note("dates", "A partial date (year or month only) was taken as the first day of that period.", List.of());
                if (s.length() >= 7) return LocalDate.parse(s.substring(0, 7) + "-01");
                return LocalDate.parse(s.substring(0, 4) + "-01-01");
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}

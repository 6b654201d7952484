#!/usr/bin/env python3
"""Synthetic cohort for the audit benchmark: N breast cancer patients as FHIR R4 Bulk Data NDJSON, one file
per resource type, each patient's resources scattered over the files (as an EHR export writes them).

About a third of the patients are de novo metastatic (metastasis within weeks of the primary), a third
recurrent (metastasis years later), a third without metastasis; de novo patients get systemic therapy,
restaging, tumour-board reviews and acts of every kind the audit judges (lumpectomy, mastectomy, contralateral
mastectomy, axillary dissection, sentinel node biopsy, breast radiotherapy, margins), some done up front, some
after the response window, some undated; every patient also has encounters (a type the audit does not read).
About 15 resources per patient (6 of them encounters). Deterministic for a seed.

usage: generate.py N OUT_DIR [SEED]
"""
import json, os, random, sys
from datetime import date, timedelta

SCT, LOINC, RX = "http://snomed.info/sct", "http://loinc.org", "http://www.nlm.nih.gov/research/umls/rxnorm"
DRUGS = [("72965", "letrozole"), ("1873916", "palbociclib"), ("56946", "paclitaxel"), ("224905", "trastuzumab")]
SITES = [("94222008", "Secondary malignant neoplasm of bone"), ("94381002", "Secondary malignant neoplasm of liver"),
         ("94391008", "Secondary malignant neoplasm of lung")]
PROCS = {"lumpectomy": ("392021009", "Lumpectomy of breast"), "mastectomy": ("172043006", "Simple mastectomy"),
         "alnd": ("79544006", "Complete axillary lymphadenectomy"), "snb": ("396487001", "Sentinel lymph node biopsy"),
         "rt": ("33195004", "External beam radiation therapy")}
BREAST = {"left": ("80248007", "Left breast structure"), "right": ("73056007", "Right breast structure")}


def cc(system, code, display):
    return {"coding": [{"system": system, "code": code, "display": display}]}


def d(x):
    return x.isoformat()


def patient_resources(i, rnd):
    pid = "p%07d" % i
    subj = {"reference": "Patient/" + pid}
    out = []
    add = lambda r: out.append(r)
    add({"resourceType": "Patient", "id": pid, "gender": "female",
         "birthDate": d(date(1940, 1, 1) + timedelta(days=rnd.randrange(0, 40 * 365)))})
    dx = date(2018, 1, 1) + timedelta(days=rnd.randrange(0, 6 * 365))
    side = rnd.choice(["left", "right"])
    add({"resourceType": "Condition", "id": pid + "-bc", "subject": subj, "code": cc(SCT, "353431000119107", "Malignant neoplasm of left female breast") if side == "left" else cc(SCT, "254837009", "Malignant neoplasm of breast"),
         "bodySite": [cc(SCT, *BREAST[side])], "onsetDateTime": d(dx),
         "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")})
    for k, (code, name) in enumerate([("16112-5", "ER"), ("16113-3", "PR"), ("48676-1", "HER2")]):
        pos = rnd.random() < (0.75 if k < 2 else 0.2)
        add({"resourceType": "Observation", "id": "%s-rec%d" % (pid, k), "status": "final", "subject": subj,
             "code": cc(LOINC, code, name), "effectiveDateTime": d(dx + timedelta(days=3)),
             "valueCodeableConcept": cc(LOINC, "LA6576-8", "Positive") if pos else cc(LOINC, "LA6577-6", "Negative")})
    kind = rnd.random()
    nodes = rnd.choice(["N0", "N1", "N2"])
    add({"resourceType": "Observation", "id": pid + "-cn", "status": "final", "subject": subj,
         "code": cc(LOINC, "21906-3", "Regional lymph nodes.clinical [Class] Cancer"), "effectiveDateTime": d(dx + timedelta(days=2)),
         "valueCodeableConcept": cc("http://cancerstaging.org", "c" + nodes, "c" + nodes)})
    for e in range(rnd.randrange(4, 9)):
        add({"resourceType": "Encounter", "id": "%s-enc%d" % (pid, e), "status": "finished", "subject": subj,
             "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
             "period": {"start": d(dx + timedelta(days=20 * e))}})
    if kind < 0.34:
        return out  # no metastasis
    de_novo = kind < 0.67
    met_date = dx + timedelta(days=rnd.randrange(5, 60) if de_novo else rnd.randrange(400, 2000))
    for m in range(rnd.randrange(1, 3)):
        site = rnd.choice(SITES)
        add({"resourceType": "Condition", "id": "%s-met%d" % (pid, m), "subject": subj, "code": cc(SCT, *site),
             "onsetDateTime": d(met_date),
             "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")})
    start = met_date + timedelta(days=rnd.randrange(5, 40))
    for t in range(rnd.randrange(1, 3)):
        code, name = DRUGS[t if rnd.random() < 0.7 else rnd.randrange(len(DRUGS))]
        mr = {"resourceType": "MedicationRequest", "id": "%s-mr%d" % (pid, t), "status": "active", "intent": "order",
              "subject": subj, "authoredOn": d(start)}
        if rnd.random() < 0.3:
            mr["medicationReference"] = {"reference": "Medication/med-" + code}
        else:
            mr["medicationCodeableConcept"] = cc(RX, code, name)
        add(mr)
    for s in range(rnd.randrange(0, 3)):
        value = rnd.choice([("268910001", "Patient's condition improved"), ("359746009", "Patient's condition stable"),
                            ("271299001", "Patient's condition worsened")])
        add({"resourceType": "Observation", "id": "%s-ds%d" % (pid, s), "status": "final", "subject": subj,
             "code": cc(LOINC, "97509-4", "Cancer disease status"), "effectiveDateTime": d(start + timedelta(weeks=10 + 8 * s)),
             "valueCodeableConcept": cc(SCT, *value)})
    if rnd.random() < 0.6:
        add({"resourceType": "Procedure", "id": pid + "-tb", "status": "completed", "subject": subj,
             "code": cc("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C93304", "Tumor Board Review"),
             "performedDateTime": d(start + timedelta(weeks=rnd.randrange(0, 20)))})
    if not de_novo or rnd.random() < 0.3:
        return out
    op = start + timedelta(weeks=rnd.randrange(-4, 30))
    surgery = rnd.choice(["lumpectomy", "mastectomy", "mastectomy", "lumpectomy", "rt"])
    acts = [surgery] + (["alnd"] if rnd.random() < 0.4 else ["snb"] if rnd.random() < 0.5 else [])
    if rnd.random() < 0.05:
        acts.append("contralateral")
    for a, act in enumerate(acts):
        proc_side = side
        if act == "contralateral":
            act, proc_side = "mastectomy", "left" if side == "right" else "right"
        code, display = PROCS[act]
        p = {"resourceType": "Procedure", "id": "%s-op%d" % (pid, a), "status": "completed", "subject": subj,
             "code": cc(SCT, code, display)}
        if act in ("lumpectomy", "mastectomy", "rt"):
            p["bodySite"] = [cc(SCT, *BREAST[proc_side])]
        if rnd.random() > 0.03:
            p["performedDateTime"] = d(op)
        add(p)
    if surgery in ("lumpectomy", "mastectomy") and rnd.random() < 0.8:
        involved = rnd.random() < 0.15
        add({"resourceType": "Observation", "id": pid + "-margin", "status": "final", "subject": subj,
             "code": cc(LOINC, "44669-0", "Surgical margin [Interpretation]"), "effectiveDateTime": d(op + timedelta(days=4)),
             "valueCodeableConcept": {"text": "Involved"} if involved else cc(LOINC, "LA27151-2", "Uninvolved")})
    return out


def main():
    n, out_dir = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261127)
    os.makedirs(out_dir, exist_ok=True)
    files = {}

    def write(r):
        t = r["resourceType"]
        if t not in files:
            files[t] = open(os.path.join(out_dir, t + ".ndjson"), "w")
        files[t].write(json.dumps(r, separators=(",", ":")) + "\n")

    for code, name in DRUGS:
        write({"resourceType": "Medication", "id": "med-" + code, "code": cc(RX, code, name)})
    lines = 0
    for i in range(n):
        for r in patient_resources(i, rnd):
            write(r)
            lines += 1
    for f in files.values():
        f.close()
    print("%d patients, %d resources in %s" % (n, lines, out_dir))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the ICD-10-PCS groups of three files of fhir-profiles/ from the PCS table rows below.

ICD-10-PCS is read by its character prefix (CodeSystems.ICD10PCS is hierarchical): a table and body part
(0HBT, "Excision of Right Breast") stand for every approach, device and qualifier under them, so the files list
those prefixes, and the codes under them that must not follow them as `equivalence: unmatched` (a diagnostic
excision is a biopsy) or with a kind of their own. The rows transcribe the CMS ICD-10-PCS tables (FY2025:
0HB, 0HT, 07B, 07T, DM0-DM2, D00, D02, D70-D72, DB0-DB2, DF0, DF2, DG2, DP0, DT2, DW2, and the destruction
tables 005, 0B5, 0F5, 0G5, 0P5, 0Q5, 0T5); the displays are built from the tables' axis titles as PCS titles are.

Run from fhir-profiles/:  python3 tools/icd10pcs_groups.py   (rewrites the PCS group of each file, nothing else)
"""
import json
from pathlib import Path

PCS = "http://www.cms.gov/Medicare/Coding/ICD10"
HERE = Path(__file__).resolve().parent.parent

APPROACH = {"0": "Open Approach", "3": "Percutaneous Approach", "4": "Percutaneous Endoscopic Approach",
            "7": "Via Natural or Artificial Opening", "8": "Via Natural or Artificial Opening Endoscopic",
            "X": "External Approach"}

# (prefix, display, procedure kind, side, metastatic site); None = the file does not list the prefix.
# Kind RADIOTHERAPY: the body site decides, and the code's own site (last column) counts as one.
NODES = [
    # 0HB excision: a portion of the breast (lumpectomy, partial mastectomy) or of the nipple (central excision)
    ("0HBT", "Excision of Right Breast", "BREAST_CONSERVING_SURGERY", "RIGHT", None),
    ("0HBU", "Excision of Left Breast", "BREAST_CONSERVING_SURGERY", "LEFT", None),
    ("0HBV", "Excision of Bilateral Breast", "BREAST_CONSERVING_SURGERY", "BILATERAL", None),
    ("0HBW", "Excision of Right Nipple", "BREAST_CONSERVING_SURGERY", "RIGHT", None),
    ("0HBX", "Excision of Left Nipple", "BREAST_CONSERVING_SURGERY", "LEFT", None),
    # 0HT resection: all of the breast; simple, skin-sparing, nipple-sparing and subcutaneous mastectomies are all
    # coded here (PCS has no axis for the technique). Resection of the nipple alone: a central excision.
    ("0HTT", "Resection of Right Breast", "MASTECTOMY", "RIGHT", None),
    ("0HTU", "Resection of Left Breast", "MASTECTOMY", "LEFT", None),
    ("0HTV", "Resection of Bilateral Breast", "MASTECTOMY", "BILATERAL", None),
    ("0HTW", "Resection of Right Nipple", "BREAST_CONSERVING_SURGERY", "RIGHT", None),
    ("0HTX", "Resection of Left Nipple", "BREAST_CONSERVING_SURGERY", "LEFT", None),
    # 07B excision of axillary nodes that is not a biopsy: removal of nodes beyond staging, read like SNOMED
    # 234262008 "Excision of axillary lymph node" (terminology.md: sampling/excision beyond the sentinel node)
    ("07B5", "Excision of Right Axillary Lymphatic", "AXILLARY_DISSECTION", "RIGHT", None),
    ("07B6", "Excision of Left Axillary Lymphatic", "AXILLARY_DISSECTION", "LEFT", None),
    # 07T resection: the whole axillary chain, an axillary lymph node dissection
    ("07T5", "Resection of Right Axillary Lymphatic", "AXILLARY_DISSECTION", "RIGHT", None),
    ("07T6", "Resection of Left Axillary Lymphatic", "AXILLARY_DISSECTION", "LEFT", None),
    # section D, body system M (breast): body part 0 = left, 1 = right
    ("DM00", "Beam Radiation of Left Breast", "LOCOREGIONAL_RADIOTHERAPY", "LEFT", None),
    ("DM01", "Beam Radiation of Right Breast", "LOCOREGIONAL_RADIOTHERAPY", "RIGHT", None),
    ("DM10", "Brachytherapy of Left Breast", "LOCOREGIONAL_RADIOTHERAPY", "LEFT", None),
    ("DM11", "Brachytherapy of Right Breast", "LOCOREGIONAL_RADIOTHERAPY", "RIGHT", None),
    ("DM20", "Stereotactic Radiosurgery of Left Breast", "LOCOREGIONAL_RADIOTHERAPY", "LEFT", None),
    ("DM21", "Stereotactic Radiosurgery of Right Breast", "LOCOREGIONAL_RADIOTHERAPY", "RIGHT", None),
    # chest wall and axillary nodes: locoregional whatever the technique
    ("DB07", "Beam Radiation of Chest Wall", "LOCOREGIONAL_RADIOTHERAPY", None, None),
    ("DB17", "Brachytherapy of Chest Wall", "LOCOREGIONAL_RADIOTHERAPY", None, None),
    ("DB27", "Stereotactic Radiosurgery of Chest Wall", "LOCOREGIONAL_RADIOTHERAPY", None, None),
    ("D704", "Beam Radiation of Axillary Lymphatics", "LOCOREGIONAL_RADIOTHERAPY", None, None),
    ("D714", "Brachytherapy of Axillary Lymphatics", "LOCOREGIONAL_RADIOTHERAPY", None, None),
    ("D724", "Stereotactic Radiosurgery of Axillary Lymphatics", "LOCOREGIONAL_RADIOTHERAPY", None, None),
    # beam radiation of a metastatic site: radiotherapy of a metastasis (palliative unless its words say ablative)
    ("D000", "Beam Radiation of Brain", "RADIOTHERAPY", None, "brain"),
    ("D001", "Beam Radiation of Brain Stem", "RADIOTHERAPY", None, "brain"),
    ("DP0", "Beam Radiation of Musculoskeletal System (bones)", "RADIOTHERAPY", None, "bone"),
    ("DB02", "Beam Radiation of Lung", "RADIOTHERAPY", None, "lung"),
    ("DB05", "Beam Radiation of Pleura", "RADIOTHERAPY", None, "pleura"),
    ("DF00", "Beam Radiation of Liver", "RADIOTHERAPY", None, "liver"),
    # stereotactic radiosurgery outside the breast: ablation of the metastasis at that site (catalogue "ablated metastasis")
    ("D020", "Stereotactic Radiosurgery of Brain", "METASTASIS_ABLATION", None, "brain"),
    ("D021", "Stereotactic Radiosurgery of Brain Stem", "METASTASIS_ABLATION", None, "brain"),
    ("D026", "Stereotactic Radiosurgery of Spinal Cord", "METASTASIS_ABLATION", None, None),
    ("DB21", "Stereotactic Radiosurgery of Bronchus", "METASTASIS_ABLATION", None, "lung"),
    ("DB22", "Stereotactic Radiosurgery of Lung", "METASTASIS_ABLATION", None, "lung"),
    ("DB25", "Stereotactic Radiosurgery of Pleura", "METASTASIS_ABLATION", None, "pleura"),
    ("DB26", "Stereotactic Radiosurgery of Mediastinum", "METASTASIS_ABLATION", None, "mediastinum"),
    ("DF20", "Stereotactic Radiosurgery of Liver", "METASTASIS_ABLATION", None, "liver"),
    ("DG22", "Stereotactic Radiosurgery of Adrenal Glands", "METASTASIS_ABLATION", None, "adrenal"),
    ("DT20", "Stereotactic Radiosurgery of Kidney", "METASTASIS_ABLATION", None, "kidney"),
    ("D726", "Stereotactic Radiosurgery of Abdomen Lymphatics", "METASTASIS_ABLATION", None, "distant-lymph-nodes"),
    ("D727", "Stereotactic Radiosurgery of Pelvis Lymphatics", "METASTASIS_ABLATION", None, "distant-lymph-nodes"),
    ("D728", "Stereotactic Radiosurgery of Inguinal Lymphatics", "METASTASIS_ABLATION", None, "distant-lymph-nodes"),
    ("DW21", "Stereotactic Radiosurgery of Head and Neck", "METASTASIS_ABLATION", None, None),
    ("DW23", "Stereotactic Radiosurgery of Abdomen", "METASTASIS_ABLATION", None, None),
    ("DW26", "Stereotactic Radiosurgery of Pelvic Region", "METASTASIS_ABLATION", None, None),
    # destruction (radiofrequency, microwave, cryo, laser ablation) of a metastatic organ
    ("0050", "Destruction of Brain", "METASTASIS_ABLATION", None, "brain"),
    ("0B5K", "Destruction of Right Lung", "METASTASIS_ABLATION", None, "lung"),
    ("0B5L", "Destruction of Left Lung", "METASTASIS_ABLATION", None, "lung"),
    ("0B5M", "Destruction of Bilateral Lungs", "METASTASIS_ABLATION", None, "lung"),
    ("0B5C", "Destruction of Right Upper Lung Lobe", "METASTASIS_ABLATION", None, "lung"),
    ("0B5D", "Destruction of Right Middle Lung Lobe", "METASTASIS_ABLATION", None, "lung"),
    ("0B5F", "Destruction of Right Lower Lung Lobe", "METASTASIS_ABLATION", None, "lung"),
    ("0B5G", "Destruction of Left Upper Lung Lobe", "METASTASIS_ABLATION", None, "lung"),
    ("0B5H", "Destruction of Lung Lingula", "METASTASIS_ABLATION", None, "lung"),
    ("0B5J", "Destruction of Left Lower Lung Lobe", "METASTASIS_ABLATION", None, "lung"),
    ("0F50", "Destruction of Liver", "METASTASIS_ABLATION", None, "liver"),
    ("0F51", "Destruction of Right Lobe Liver", "METASTASIS_ABLATION", None, "liver"),
    ("0F52", "Destruction of Left Lobe Liver", "METASTASIS_ABLATION", None, "liver"),
    ("0G52", "Destruction of Left Adrenal Gland", "METASTASIS_ABLATION", None, "adrenal"),
    ("0G53", "Destruction of Right Adrenal Gland", "METASTASIS_ABLATION", None, "adrenal"),
    ("0G54", "Destruction of Bilateral Adrenal Glands", "METASTASIS_ABLATION", None, "adrenal"),
    ("0P5", "Destruction of Upper Bones", "METASTASIS_ABLATION", None, "bone"),
    ("0Q5", "Destruction of Lower Bones", "METASTASIS_ABLATION", None, "bone"),
    ("0T50", "Destruction of Right Kidney", "METASTASIS_ABLATION", None, "kidney"),
    ("0T51", "Destruction of Left Kidney", "METASTASIS_ABLATION", None, "kidney"),
]

# Codes under a listed prefix that take another kind, or none. Qualifier X (Diagnostic) marks a biopsy:
# of the breast or nipple it is no operation of the primary; of axillary nodes, open or endoscopic, it is the
# surgical biopsy that stages the axilla (sentinel node biopsy or sampling); percutaneous, a needle biopsy.
DIAGNOSTIC = [
    (["0HBT", "0HBU", "0HBV", "0HBW", "0HBX"], "0378X", None),
    (["07B5", "07B6"], "04", "SENTINEL_NODE_BIOPSY"),
    (["07B5", "07B6"], "3", None),
]
# the destruction tables' biopsies do not exist (destruction has no diagnostic qualifier); bone destruction
# codes also cover joints' neighbours, but only bones are under 0P5 / 0Q5.


def diagnostic_codes():
    for prefixes, approaches, kind in DIAGNOSTIC:
        for p in prefixes:
            title = next(n[1] for n in NODES if n[0] == p)
            for a in approaches:
                yield p + a + "ZX", f"{title}, {APPROACH[a]}, Diagnostic", kind


def target_displays(path, fallback):
    """The display each target code has where the file already uses it, else the CodeSystem's."""
    shown = dict(fallback)
    for g in json.loads(path.read_text())["group"]:
        for e in g["element"]:
            for t in e["target"]:
                if t.get("code"):
                    shown.setdefault(t["code"], t.get("display"))
    return shown


def code_system(name):
    cs = json.loads((HERE / f"CodeSystem-{name}.json").read_text())
    return {c["code"]: c["display"] for c in cs["concept"]}


def element(code, display, target, target_display):
    if target is None:
        return {"code": code, "display": display, "target": [{"equivalence": "unmatched",
                                                              "comment": "a biopsy: no procedure kind"}]}
    return {"code": code, "display": display,
            "target": [{"code": target, "display": target_display, "equivalence": "equivalent"}]}


def rewrite(file, target_system, elements):
    path = HERE / file
    doc = json.loads(path.read_text())
    groups = [g for g in doc["group"] if g["source"] != PCS]
    at = next((i for i, g in enumerate(doc["group"]) if g["source"] == PCS), len(groups))
    groups.insert(at, {"source": PCS, "target": target_system, "element": elements})
    doc["group"] = groups
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def main():
    kinds = target_displays(HERE / "ConceptMap-procedure-kind.json", code_system("procedure-kind"))
    sides = target_displays(HERE / "ConceptMap-laterality.json", code_system("laterality"))
    sites = code_system("metastatic-site")

    kind_elements = [element(p, d, k, kinds[k]) for p, d, k, _, _ in NODES]
    kind_elements += [element(c, d, k, kinds.get(k)) for c, d, k in diagnostic_codes()]
    rewrite("ConceptMap-procedure-kind.json", "http://primum.org/fhir/CodeSystem/procedure-kind", kind_elements)

    side_elements = [element(p, d, s, sides[s]) for p, d, _, s, _ in NODES if s]
    rewrite("ConceptMap-laterality.json", "http://primum.org/fhir/CodeSystem/laterality", side_elements)

    site_elements = [element(p, d, s, sites[s]) for p, d, _, _, s in NODES if s]
    rewrite("ConceptMap-procedure-target-site.json", "http://primum.org/fhir/CodeSystem/metastatic-site", site_elements)


if __name__ == "__main__":
    main()

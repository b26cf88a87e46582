"""Scans as offices really make them (#12): colour pages, grey paper, bleed-through, a fold, tilt,
blur, noise, JPEG 55 and a red 财务专用章 over the table on every fourth page (samples/office.py).

The end-to-end tests OCR the office scan of the 13-page budget sample (six financial tables, three
seals) and of 24 pages of the seed rendering (its nine financial tables and the first thirteen pages
of 绩效目标表 with merged 一级/二级 cells; seven seals), both drawn on demand from the committed text
PDFs, seeded. Goldens come from the generator's data (``office_golden``), never from the extractor.
"""
from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from conftest import ROOT

SAMPLES = ROOT / "samples"
SEED_PAGES = list(range(4, 15)) + list(range(16, 29))     # financial tables, then 绩效目标表


def _generate():
    sys.path.insert(0, str(SAMPLES))
    import generate
    return generate


def _evaluate(doc: dict, golden: dict, tmp) -> dict:
    from extractor.compare.evaluate import evaluate
    stem = golden["source"]["file"].removesuffix(".pdf")
    pred, gold = tmp / "pred", tmp / "gold"
    pred.mkdir()
    gold.mkdir()
    (pred / f"{stem}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (gold / f"{stem}.json").write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    return evaluate(pred, gold)[1]


def _extract(pdf) -> dict:
    from extractor.pipeline import extract
    from extractor.write import document_json
    return json.loads(document_json(extract(pdf)))


@pytest.fixture(scope="module")
def budget():
    gen = _generate()
    return _extract(gen.office_scan("putuo_2025_budget")), gen.office_golden("putuo_2025_budget")


@pytest.fixture(scope="module")
def seed():
    gen = _generate()
    return (_extract(gen.office_scan("jiyuan_2020_full", pages=SEED_PAGES)),
            gen.office_golden("jiyuan_2020_full", SEED_PAGES))


def _printed(golden: dict) -> set:
    """(table type, first page, row label, column, value) of every amount the pages print."""
    return {(t["type"], t["pages"][0], r.get("side"), r.get("code") or r.get("name"), col, float(v))
            for t in golden["tables"] for r in t["rows"] for col, v in r["values"].items()}


def _emitted(doc: dict) -> list:
    return [(t["type"], t["pages"][0], r.get("side"), r.get("code") or r.get("name"), col, float(v))
            for t in doc["tables"] for r in t["rows"] for col, v in r["values"].items()]


# ------------------------------------------------------------------------------------------ the seal
def _digits_and_ruling() -> np.ndarray:
    import cv2
    img = np.full((400, 600, 3), (218, 224, 228), np.uint8)          # BGR paper
    cv2.putText(img, "12,345.67", (230, 215), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (30, 30, 30), 3)
    cv2.line(img, (20, 240), (580, 240), (30, 30, 30), 2)
    return img


def _red_seal_over_digits() -> np.ndarray:
    """A paper-grey image with black digits and a ruling, a red ring and star pressed over them (ink
    multiplies: black under red stays black), and a line of red type that is no seal."""
    import cv2
    img = _digits_and_ruling()
    seal = np.zeros((400, 600), np.float32)
    cv2.circle(seal, (330, 200), 110, 1.0, 9)
    star = np.array([[330, 140], [345, 185], [392, 185], [354, 212], [368, 258], [330, 230], [292, 258],
                     [306, 212], [268, 185], [315, 185]], np.int32)
    cv2.fillPoly(seal, [star], 1.0)
    red = np.array((40, 30, 215), np.float32) / 255.0                  # BGR of red ink
    img = (img * (1.0 - 0.85 * seal[:, :, None] * (1.0 - red))).astype(np.uint8)
    cv2.putText(img, "RED TYPE HEADING", (20, 370), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (40, 30, 215), 2)
    return img


def test_a_red_seal_is_taken_out_and_what_lies_under_it_stays():
    from extractor.read.seal import remove_seals
    img = _red_seal_over_digits()
    gray, seals = remove_seals(img)
    assert [s.colour for s in seals] == ["red"]                       # the red type is no seal
    x0, y0, x1, y1 = seals[0].bbox
    assert all(abs(a - b) <= 8 for a, b in zip((x0, y0, x1, y1), (216, 86, 445, 315))), seals  # the ring's outside
    paper = int(np.median(gray[20:60, 20:200]))
    ring = gray[196:204, 436:438]                                       # the ring's right side, on paper
    assert ring.min() >= paper - 12, (ring.min(), paper)
    assert gray[175:185, 320:340].min() >= paper - 12                   # the star, on paper
    ruling = gray[239:242, 280:380]                                     # the ruling under the star
    assert ruling.max() <= 90, ruling.max()
    digits = gray[190:218, 230:440] < 100                               # the digits under ring and star
    plain = cv2_gray(_digits_and_ruling())[190:218, 230:440] < 100
    assert digits.sum() >= 0.9 * plain.sum() > 0
    assert gray[355:375, 20:300].min() < 150                            # red type outside a seal is kept


def cv2_gray(img: np.ndarray) -> np.ndarray:
    import cv2
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)


def test_a_grey_page_has_no_seal():
    from extractor.read.seal import remove_seals
    import cv2
    img = cv2.cvtColor(cv2_gray(_red_seal_over_digits()), cv2.COLOR_GRAY2BGR)
    gray, seals = remove_seals(img)
    assert seals == [] and np.array_equal(gray, cv2_gray(img))


def test_office_scans_are_drawn_the_same_every_time(tmp_path):
    gen = _generate()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = gen.office_scan("putuo_2025_budget", out_dir=tmp_path / "a", pages=[4])
    b = gen.office_scan("putuo_2025_budget", out_dir=tmp_path / "b", pages=[4])
    assert a.read_bytes() == b.read_bytes()
    golden = gen.office_golden("putuo_2025_budget", [4])
    assert [s["page"] for s in golden["seals"]] == [1] and [t["pages"] for t in golden["tables"]] == [[1]]


# ------------------------------------------------------------------------------------------ end to end
def test_sealed_budget_scan_reads_every_table_and_amount(budget, tmp_path):
    doc, golden = budget
    overall = _evaluate(doc, golden, tmp_path)
    print("office budget:", overall)
    assert [(t["type"], t["pages"]) for t in doc["tables"]] == [(t["type"], t["pages"]) for t in golden["tables"]]
    assert overall["tables"]["f1"] == 1.0
    assert overall["cells"]["f1"] >= 0.998, overall
    assert overall["checks_failed"] == 0, overall


def test_sealed_budget_scan_emits_no_amount_the_pages_do_not_print(budget):
    doc, golden = budget
    emitted = _emitted(doc)
    assert len(emitted) == len(set(emitted)), "an amount emitted twice"
    assert set(emitted) <= _printed(golden), sorted(set(emitted) - _printed(golden))


def _same_seals(doc: dict, golden: dict) -> None:
    got = [(s["page"], s["colour"]) for s in doc["seals"]]
    assert got == [(s["page"], s["colour"]) for s in golden["seals"]]
    for s, g in zip(doc["seals"], golden["seals"]):
        ax0, ay0, ax1, ay1 = s["bbox"]
        bx0, by0, bx1, by1 = g["bbox"]
        inter = max(0, min(ax1, bx1) - max(ax0, bx0)) * max(0, min(ay1, by1) - max(ay0, by0))
        union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter
        assert inter / union >= 0.8, (s, g)


def test_seals_are_recorded_on_the_sealed_pages_only(budget):
    doc, golden = budget
    _same_seals(doc, golden)
    on_tables = sorted({(s["page"]) for t in doc["tables"] for s in t["seals"]})
    assert on_tables == [s["page"] for s in golden["seals"]]
    for t in doc["tables"]:
        assert all(s["page"] in t["pages"] for s in t["seals"])


def test_sealed_seed_scan_reads_tables_and_indicators(seed, tmp_path):
    """The seed rendering's financial tables and 绩效目标表 (merged 一级/二级 cells), seven pages sealed."""
    doc, golden = seed
    overall = _evaluate(doc, golden, tmp_path)
    print("office seed:", overall)
    assert [(t["type"], t["pages"]) for t in doc["tables"]] == [(t["type"], t["pages"]) for t in golden["tables"]]
    assert overall["tables"]["f1"] == 1.0
    assert overall["cells"]["f1"] >= 0.998, overall
    assert overall["indicators"]["f1"] >= 0.98, overall
    assert len(doc["performance"]) == len(golden["performance"])
    emitted = _emitted(doc)
    assert len(emitted) == len(set(emitted)) and set(emitted) <= _printed(golden)
    _same_seals(doc, golden)


# ------------------------------------------------------------------------------------------ precision
def test_a_low_confidence_amount_no_sum_confirms_is_flagged():
    from extractor.mapping.financial.tables import MappedTable, SumGroup
    from extractor.models import Column, Row, Table
    from extractor.reconcile import repair_tables
    rows = [Row(kind="total", name="合计", values={"total": 300, "basic": 200, "project": 100}, page=1,
                bbox=(0, 0, 1, 1), flags=["ocr_low_confidence:basic"]),
            Row(kind="item", code="20101", name="人大事务", values={"total": 80, "basic": 77, "project": 10},
                page=1, bbox=(0, 0, 1, 1), flags=["ocr_low_confidence:basic", "ocr_low_confidence:project"])]
    table = Table(type="expenditure", pages=[1], columns=[Column(id=c, key=c, label=c, score=100)
                                                          for c in ("total", "basic", "project")], rows=rows)
    m = MappedTable(table, [SumGroup("total", ["basic", "project"], None)])
    assert repair_tables([m], {1}) == 0
    assert "ocr_unconfirmed:basic" not in rows[0].flags          # 300 = 200 + 100 confirms it
    assert "ocr_unconfirmed:basic" in rows[1].flags and "ocr_unconfirmed:project" in rows[1].flags
    rows[1].flags = ["ocr_low_confidence:basic"]
    assert repair_tables([m], set()) == 0 and rows[1].flags == ["ocr_low_confidence:basic"]   # text pages

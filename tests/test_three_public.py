"""三公 tables (issue 22): a header label cut short by its narrow cell, a part of 因公出国（境）费 printed
beside its 小计 without 其中, and 单位：万元 printed inside the table frame."""
from __future__ import annotations

import importlib.util
from decimal import Decimal

from conftest import ROOT, corpus_doc

SAMPLE = ROOT / "samples" / "classes" / "three_public_unit_in_frame.py"


def _sample():
    spec = importlib.util.spec_from_file_location("three_public_unit_in_frame", SAMPLE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_clipped_vertical_label_keeps_its_key():
    """西安应急管理局 p32: the narrow vertical cell cuts 因公出国（境）费 to 因公出国（ (2018年) and 因公 / 出国（
    (2019年); it is the 因公出国 column, not a third 合计 (total@prior_year#3)."""
    t = next(t for t in corpus_doc("西安/应急管理局_2026年部门预算.pdf").tables if t.type == "three_public")
    assert t.pages == [32]
    ids = {c.id: c.label for c in t.columns}
    assert ids["abroad@prior_year"].endswith("因公出国（")
    assert ids["abroad@current_year"].endswith("因公 / 出国（")
    assert "total@prior_year#3" not in ids and "total@current_year#3" not in ids
    rules = {c.rule: c.status for c in t.checks}
    # 2019年 holds: 小计 28.38 = 公务接待 4.38 + 公务用车 24.00
    assert rules["total@current_year#2 = abroad@current_year + reception@current_year + vehicle@current_year"] == "pass"
    total = next(r for r in t.rows if r.name == "合计")
    assert (total.values["total@current_year#2"], total.values["reception@current_year"],
            total.values["vehicle@current_year"]) == (28.38, 4.38, 24)


def test_unit_in_frame_and_research_part_of_abroad():
    mod = _sample()
    pdf = SAMPLE.with_suffix(".pdf")
    from extractor import extract
    doc = extract(str(pdf))
    [t] = doc.tables
    assert t.type == "three_public" and t.unit == mod.UNIT
    assert [c.key for c in t.columns] == mod.KEYS
    part = next(c for c in t.columns if c.key == "abroad.research")
    assert part.label.endswith(mod.RESEARCH_LABEL)
    assert [r.name for r in t.rows] == [row[0] for row in mod.DATA]
    for row, printed in zip(t.rows, mod.DATA):
        assert {k: Decimal(repr(v)) for k, v in row.values.items()} == \
            {k: Decimal(v) for k, v in zip(mod.KEYS, printed[1:])}
    rules = {c.rule: c.status for c in t.checks}
    assert rules == {"total = abroad + reception + vehicle": "pass",
                     "vehicle = vehicle.purchase + vehicle.operation": "pass"}

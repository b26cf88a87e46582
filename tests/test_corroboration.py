"""A failing sum is the publication's error only where something read independently shows it: a total
the prose states (reconcile/prose/stated.py), or a second sum over the same table (reconcile/tables/
same_page.py). Sample pages from samples/corroboration.py, whose expected figures come from that script's
data; the same pages without that evidence keep the check ``fail``."""
from __future__ import annotations

import importlib.util
import re
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corroboration"


def _generator():
    spec = importlib.util.spec_from_file_location("corroboration", ROOT / "samples" / "corroboration.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _generator()


def _checks(doc) -> dict[str, tuple[str, str, str | None]]:
    (table,) = doc.tables
    return {c.rule: (c.status, c.detail, c.evidence) for c in table.checks}


def _pair(detail: str, label: str) -> tuple[Decimal, Decimal]:
    """(printed, sum) the check states for ``label`` ("201 一般公共服务支出 [basic]")."""
    m = re.search(re.escape(label) + r" printed (-?[\d.]+), sum (-?[\d.]+)", detail)
    assert m, (label, detail)
    return Decimal(m.group(1)), Decimal(m.group(2))


def _printed(code: str, column: int) -> Decimal:
    """A printed amount of the misprinted table, from the generator's rows (column 2 合计, 3 基本支出)."""
    return Decimal(next(r for r in gen.misprinted_rows(code) if r[0] == code)[column])


def test_samples_are_current(tmp_path):
    for name, code in gen.MISPRINTED.items():
        assert gen.draw_misprinted(tmp_path / "x.pdf", code).read_bytes() == (SAMPLES / f"{name}.pdf").read_bytes()
    assert gen.draw_stated(tmp_path / "y.pdf").read_bytes() == (SAMPLES / "stated_total.pdf").read_bytes()


def test_a_class_its_items_contradict_is_a_publication_error():
    doc = extract(SAMPLES / "misprinted_class.pdf")
    checks = _checks(doc)
    status, detail, evidence = checks["group_rows = sum(children)"]
    code = gen.MISPRINTED["misprinted_class"]
    printed = _printed(code, 3)
    # both numbers stay: the printed 类 and what its 款 add up to
    assert _pair(detail, f"{code} 一般公共服务支出 [basic]") == (printed, printed - gen.MISPRINT)
    assert status == "publication_error"
    assert evidence.startswith("an independent sum over p1: the rows under 201 一般公共服务支出 [basic]")
    # the 合计 = Σ 类 failure the misprint causes: the 项 reach the 合计, the 类 between do not
    status, detail, evidence = checks["total_row = sum(class rows)"]
    total = gen.totals(gen.CLASS_ROWS)["basic"]
    assert _pair(detail, "合计 [basic]") == (total, total + gen.MISPRINT)
    assert status == "publication_error"
    assert "the rows at the foot of 合计 [basic], 合计 [total] reach it" in evidence
    assert doc.verdict.status == "verified"


def test_an_item_its_class_contradicts_is_a_publication_error():
    doc = extract(SAMPLES / "misprinted_item.pdf")
    checks = _checks(doc)
    status, detail, evidence = checks["group_rows = sum(children)"]
    printed = _printed("20101", 3)
    assert _pair(detail, "20101 人大事务 [basic]") == (printed, printed - gen.MISPRINT)
    assert status == "publication_error"
    assert "the row over 20101 人大事务 [basic], 20101 人大事务 [total] is reached by the rows at the foot" in evidence
    assert checks["total_row = sum(class rows)"][0] == "pass"


@pytest.mark.parametrize("total_follows", [False, True])
def test_a_class_over_items_with_nothing_under_them(tmp_path, total_follows):
    """With the 合计 the sum of the 款, two sets of printed amounts show the 类 wrong; with the 合计 the sum
    of the 类 as printed, only the 款 do, one set against another: no second sum, the check stays failing."""
    doc = extract(gen.draw_misprinted(tmp_path / "two_level.pdf", "201", gen.TWO_LEVEL_ROWS, total_follows))
    status, detail, evidence = _checks(doc)["group_rows = sum(children)"]
    printed = Decimal(next(r for r in gen.misprinted_rows("201", gen.TWO_LEVEL_ROWS) if r[0] == "201")[3])
    assert _pair(detail, "201 一般公共服务支出 [basic]") == (printed, printed - gen.MISPRINT)
    if total_follows:
        assert (status, evidence) == ("fail", None)
        assert doc.verdict.status == "inconsistent"
    else:
        assert status == "publication_error"
        assert "the row over 201 一般公共服务支出 [basic], 201 一般公共服务支出 [total] is reached" in evidence


@pytest.mark.parametrize("with_prose", [True, False])
def test_a_total_the_prose_states_is_the_publications(tmp_path, with_prose):
    doc = extract(gen.draw_stated(tmp_path / "stated.pdf", with_prose))
    status, detail, evidence = _checks(doc)["total_row = sum(item rows)"]
    stated = gen.stated_total()
    assert _pair(detail, "合计 [total]") == (stated, stated - gen.UNPRINTED)
    if with_prose:
        assert status == "publication_error"
        assert evidence == ("the prose states the printed total the rows do not reach: "
                            f"p1 “{gen.YEAR}年基本支出预算” {stated}万元")
    else:
        assert (status, evidence) == ("fail", None)

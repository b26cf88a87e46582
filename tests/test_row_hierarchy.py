"""Which row heads which (issue 22): a unit's code in the subject-code column, a unit code wrapped over two
header cells, a 合计 repeated on each continuation page, a 款 printed as its own leaf, and a 政府采购 list's
专项 | 经济科目 subtotal rows. Corpus pages where the corpus shows the class; otherwise the sample pages of
samples/row_hierarchy.py, whose expected values come from that script's data."""
from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import corpus_doc, extracted

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "row_hierarchy"
YINGJI = "西安/应急管理局_2026年部门预算.pdf"


def _generator():
    spec = importlib.util.spec_from_file_location("row_hierarchy", ROOT / "samples" / "row_hierarchy.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _sample(name: str):
    from extractor.pipeline import extract
    return extract(SAMPLES / f"{name}.pdf")


def _table(doc, type_, page):
    return next(t for t in doc.tables if t.type == type_ and page in t.pages)


def _checks(table) -> dict[str, str]:
    return {c.rule: c.status for c in table.checks}


def _num(v) -> Decimal:
    return Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


# ---- 1. a 单位编码 in the subject-code column ---------------------------------------------------------
@pytest.mark.parametrize("type_, page, units", [
    ("general_budget_expenditure", 7, {"125001": "2080.32", "125002": "461.80", "125003": "830.27", "125004": "270.98"}),
    ("general_budget_basic_expenditure", 10, {"125001": "2080.32", "125002": "461.80", "125003": "830.27",
                                              "125004": "270.98"}),
    ("general_budget_basic_expenditure", 16, {"125001": "1071.87", "125002": "276.60", "125003": "551.11",
                                              "125004": "122.81"}),
    ("general_budget_basic_expenditure", 19, {"125001": "1071.87", "125002": "276.60", "125003": "551.11",
                                              "125004": "122.81"}),
])
def test_unit_code_printed_as_subject_code_is_a_unit_subtotal(type_, page, units):
    """西安 应急管理局 p7 (表5): 合计 3,643.37, then 125001 西安市安全生产监督管理局 2,080.32 over its own classes
    208 社会保障和就业支出 115.11 … 224 灾害防治及应急管理支出 1,861.49, then 125002 … Each 6-digit 单位编码 is a unit
    subtotal (was a subject row: units and their classes were summed together, twice the 合计)."""
    table = _table(corpus_doc(YINGJI), type_, page)
    got = {r.unit_code: _num(r.values["total"]) for r in table.rows if r.kind == "unit"}
    assert got == {k: Decimal(v) for k, v in units.items()}
    assert all(r.code is None for r in table.rows if r.kind == "unit")
    checks = _checks(table)
    assert checks["total_row = sum(unit rows)"] == "pass" and checks["unit_row = sum(class rows)"] == "pass"
    assert "fail" not in checks.values()


@pytest.mark.parametrize("type_, page", [("general_budget_expenditure", 7), ("general_budget_basic_expenditure", 16)])
def test_item_printed_with_its_own_two_digits_is_completed_from_the_class_above(type_, page):
    """西安 应急管理局 p7: 208 社会保障和就业支出 115.11, then 05 行政事业单位离退休 113.28 (the 款's own digits), then
    2080505 机关事业单位基本养老保险缴费支出 81.23 and 2080506 … 32.05: 05 is 20805, the group over them (it was a
    bare code under no class, and no 类 = Σ 款 sum ran)."""
    table = _table(corpus_doc(YINGJI), type_, page)
    row = next(r for r in table.rows if r.name == "行政事业单位离退休")
    assert (row.code, row.kind, row.flags, row.values["total"]) == ("20805", "group", ["code_completed"], 113.28)
    assert row.code_levels.model_dump(by_alias=True) == {"class": "208", "item": "05", "subitem": None}
    assert not [r for r in table.rows if r.code and len(r.code) == 2]
    assert _checks(table)["group_rows = sum(children)"] == "pass"


def test_unit_code_wrapped_over_two_header_cells_is_not_part_of_the_subject_code():
    """西安 应急管理局 pp30-31 (表12 政府采购): 科目编码 类 | 款 | 项 | 单位 / 编码 prints 224 | 01 | 06 | 125001: the code
    is 2240106 and the unit 125001 (was 2240106125001)."""
    table = _table(corpus_doc(YINGJI), "government_procurement", 30)
    first = next(r for r in table.rows if r.name == "事故应急救援")
    assert (first.code, first.unit_code, first.values["total"]) == ("2240106", "125001", 59.8)
    last = table.rows[-1]
    assert (last.code, last.unit_code, last.name, last.page) == ("2240109", "125004", "简易防化服", 31)
    assert {r.unit_code for r in table.rows if r.kind == "item"} == {"125001", "125002", "125003", "125004"}
    assert _checks(table)["total_row = sum(item rows)"] == "pass"


# ---- 3a. a 合计 repeated under the repeated header -----------------------------------------------------
def test_total_repeated_on_a_continuation_page_is_a_repeat():
    gen = _generator()
    flat = [r for page in gen.REPEATED_TOTAL_PAGES for r in page]
    expected = gen.totals(flat)
    table = _table(_sample("repeated_total"), "general_budget_expenditure", 1)
    assert table.pages == [1, 2]
    totals = [r for r in table.rows if r.kind == "total"]
    assert [(r.page, r.flags) for r in totals] == [(1, []), (2, ["repeated_total"])]
    assert totals[0].values == totals[1].values == {"total": float(expected["total"]), "basic": float(expected["basic"]),
                                                    "project": float(expected["project"])}
    # 20103 continues 201 from page 1: a 款, not a class beside 201 and 208
    checks = _checks(table)
    assert checks["total_row = sum(class rows)"] == "pass" and checks["group_rows = sum(children)"] == "pass"
    classes = [r.code for r in table.rows if r.kind == "group" and len(r.code or "") == 3]
    assert classes == [r[0] for r in flat if len(r[0]) == 3]


# ---- 3b. a 款 printed twice: itself and its own leaf ---------------------------------------------------
def test_item_printed_again_as_its_own_leaf_is_one_child():
    gen = _generator()
    table = _table(_sample("own_leaf"), "general_budget_expenditure", 1)
    twice = [r for r in table.rows if r.code == "21999"]
    assert [r.kind for r in twice] == ["group", "item"]
    assert twice[0].values == twice[1].values == {"total": 502, "project": 502}
    printed = {row[0]: row[2] for row in gen.expenditure_table(gen.OWN_LEAF_ROWS)}
    assert _num(next(r for r in table.rows if r.code == "219").values["total"]) == Decimal(printed["219"]) == 502
    checks = _checks(table)
    assert checks["group_rows = sum(children)"] == "pass" and checks["total_row = sum(class rows)"] == "pass"
    total = next(r for r in table.rows if r.kind == "total")
    assert _num(total.values["total"]) == gen.totals(gen.OWN_LEAF_ROWS)["total"]


# ---- 3c. 政府采购 专项 | 经济科目 subtotal rows ---------------------------------------------------------
def test_procurement_subtotal_rows_head_their_items():
    gen = _generator()
    table = _table(_sample("procurement_subtotals"), "government_procurement", 1)
    groups = [r for r in table.rows if r.kind == "group"]
    assert [(r.name, r.classifications["economic"].name, _num(r.values["total"])) for r in groups] == \
        [(p, e, sum(Decimal(a) for _, _, a in items)) for p, e, items in gen.PROCUREMENT_GROUPS]
    assert [r.name for r in table.rows if r.kind == "item"] == \
        [n for _, _, items in gen.PROCUREMENT_GROUPS for n, _, _ in items]
    total = next(r for r in table.rows if r.kind == "total")
    assert _num(total.values["total"]) == gen.procurement_total()
    checks = _checks(table)
    assert checks == {"total_row = sum(headings below)": "pass", "subtotal_row = sum(items below)": "pass"}
    detail = next(c.detail for c in table.checks if c.rule == "subtotal_row = sum(items below)")
    assert detail.startswith(f"{len(gen.PROCUREMENT_GROUPS)} sums hold")


def test_procurement_subtotals_under_numbered_headings():
    """江苏省政协办公厅 2019 公开12表 (real): 合计 1,624.42 over 一、货物A 350.00 and 三、服务C 1,274.42, each over
    专项 rows (办公设备购置费 | 办公设备购置 300.00; 省政协专项会议 | 会议费 50.00 …) over their purchases."""
    table = _table(extracted("江苏 江苏省政协办公厅2019年预算公开表.pdf"), "government_procurement", 12)
    subtotals = [(r.name, r.values["total"]) for r in table.rows if r.kind == "group" and not r.name.startswith(("一", "三"))]
    assert subtotals == [("办公设备购置费", 300), ("省政协专项会议", 50), ("省政协专项会议", 952.65), ("交通运行费", 50),
                         ("省政协业务工作经费", 271.77)]
    assert _checks(table) == {"total_row = sum(headings below)": "pass", "heading_row = sum(numbered items)": "pass",
                              "subtotal_row = sum(items below)": "pass"}


def test_procurement_subtotals_on_a_continuation_page_read_with_the_first_pages_columns():
    """江苏省政协办公厅 2017 政府采购预算表 pp12-13: p13 repeats the header but its 采购品目大类 column is blank, so
    its own layout took that column for amounts and 省政协全委会 | 会议费 714.80 came apart from its purchases.
    Read with p12's columns, 714.80 heads 会议服务 65.00, 住宿服务 362.60, 餐饮服务 207.20, 交通运输和仓储服务 80.00."""
    table = _table(corpus_doc("江苏省政协办公厅/2017年度部门预算公开表.pdf"), "government_procurement", 13)
    on13 = [(r.kind, r.name, r.values.get("total")) for r in table.rows if r.page == 13]
    assert on13[:5] == [("group", "省政协全委会", 714.8), ("item", "会议服务", 65), ("item", "住宿服务", 362.6),
                        ("item", "餐饮服务", 207.2), ("item", "交通运输和仓储服务", 80)]
    assert [n for k, n, _ in on13 if k == "group"] == ["省政协全委会", "省政协委员培训费", "省政协常委会"]
    assert "fail" not in _checks(table).values() and _checks(table)["subtotal_row = sum(items below)"] == "pass"


def test_procurement_items_keep_their_names_when_the_first_page_shows_none():
    """江苏省人大常委会办公厅 2017 政府采购预算表 pp20-23: p20 prints only 合计 2,247.85 and 一、货物A 59.00, so the
    采购物品名称 column was blank there and taken for amounts: every purchase on pp21-23 lost its name. The
    header names it (catalog), so p21's 台式计算机（20万以下） 10.00 … keep their names under 办公设备购置费 59.00."""
    table = _table(corpus_doc("江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf"), "government_procurement", 20)
    on21 = [(r.kind, r.name, r.values.get("total")) for r in table.rows if r.page == 21][:6]
    assert on21 == [("group", "办公设备购置费", 59), ("item", "台式计算机（20万以下）", 10),
                    ("item", "便携式计算机（20万以下）", 14), ("item", "其他办公设备", 8), ("item", "图书和档案", 4),
                    ("item", "家具用具", 23)]
    assert not [r for r in table.rows if r.name is None]
    assert _checks(table) == {"total_row = sum(headings below)": "pass", "heading_row = sum(numbered items)": "pass",
                              "subtotal_row = sum(items below)": "pass"}

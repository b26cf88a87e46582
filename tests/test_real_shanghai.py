"""The five 上海市普陀区 disclosures: every financial table found and typed, goldens exact, checks pass."""
from __future__ import annotations

import json

import pytest

from conftest import GOLDEN, as_json, extracted

# (type, pages) of every ruled table, read off each file page by page.
EXPECTED = {
    "上海市普陀区人民政府万里街道办事处24年预算.pdf": [
        # p. 2, the table of contents, is drawn with paper-white boxes: no ruling shows, no table
        ("summary", [10]), ("revenue", [11, 12, 13, 14, 15]), ("expenditure", [16, 17, 18, 19, 20]),
        ("appropriation_summary", [21]), ("general_budget_expenditure", [22, 23, 24, 25, 26]),
        ("government_fund_expenditure", [27]), ("state_capital_expenditure", [28]),
        ("general_budget_basic_expenditure", [29, 30]), ("three_public", [31])],
    "上海市普陀区人民政府办公室单位25年预算.pdf": [
        ("summary", [8]), ("revenue", [9, 10]), ("expenditure", [11, 12]), ("appropriation_summary", [13]),
        ("general_budget_expenditure", [14, 15]), ("government_fund_expenditure", [16]),
        ("state_capital_expenditure", [17]), ("general_budget_basic_expenditure", [18, 19]), ("three_public", [20])],
    "上海市普陀区商务委员会25年预算.pdf": [
        ("summary", [9]), ("revenue", [10, 11]), ("expenditure", [12, 13]), ("appropriation_summary", [14]),
        ("general_budget_expenditure", [15, 16]), ("government_fund_expenditure", [17]),
        ("state_capital_expenditure", [18]), ("general_budget_basic_expenditure", [19, 20]), ("three_public", [21])],
    "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": [
        ("unknown", [6]),   # the list of member units
        ("summary", [7]), ("revenue", [8, 9]), ("expenditure", [10, 11]), ("appropriation_summary", [12, 13]),
        ("general_budget_expenditure", [14, 15]), ("general_budget_basic_expenditure", [16]), ("three_public", [17]),
        ("government_fund_expenditure", [18]), ("state_capital_expenditure", [19])],
    "附件2：部门决算模板.pdf": [
        ("unknown", [4]),
        ("summary", [5]), ("revenue", [6]), ("expenditure", [7]), ("appropriation_summary", [8, 9]),
        ("general_budget_expenditure", [10]), ("general_budget_basic_expenditure", [11]), ("three_public", [12]),
        ("government_fund_expenditure", [13]), ("state_capital_expenditure", [14])],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_table_found_and_typed(name):
    doc = extracted(name)
    assert [(t.type, t.pages) for t in doc.tables] == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_arithmetic_check_fails(name):
    doc = extracted(name)
    failed = [(t.type, c.rule, c.detail) for t in doc.tables for c in t.checks if c.status == "fail"]
    assert failed == []


@pytest.mark.parametrize("stem", ["上海市普陀区商务委员会25年预算", "上海市普陀区规划和自然资源局 2024 年度部门决算"])
def test_matches_hand_checked_golden(stem):
    from extractor.compare import diff_documents
    doc = as_json(extracted(stem + ".pdf"))
    golden = json.loads((GOLDEN / "real" / f"{stem}.json").read_text(encoding="utf-8"))
    assert diff_documents(doc, golden) == []


def test_document_fields():
    doc = extracted("上海市普陀区规划和自然资源局 2024 年度部门决算.pdf")
    assert (doc.department, doc.year, doc.doc_kind) == ("上海市普陀区规划和自然资源局", 2024, "final_account")
    doc = extracted("上海市普陀区人民政府万里街道办事处24年预算.pdf")
    assert (doc.department, doc.year, doc.doc_kind) == ("上海市普陀区人民政府万里街道办事处", 2024, "budget")


def test_numbers_exact_as_printed():
    doc = extracted("上海市普陀区商务委员会25年预算.pdf")
    summary = next(t for t in doc.tables if t.type == "summary")
    first = summary.rows[0]
    assert (first.side, first.name, first.values) == ("revenue", "一、财政拨款收入", {"total": 371514655})
    final = extracted("上海市普陀区规划和自然资源局 2024 年度部门决算.pdf")
    totals = [r.values["total"] for r in final.tables[1].rows if r.name == "总计"]
    assert totals == [9859.38, 9859.38]
    three = final.tables[7]
    assert three.rows[0].values["total@budget"] == 2.85 and three.rows[0].values["reception@final"] == 0.39


def test_split_code_columns_joined_and_short_kuan_padded():
    doc = extracted("上海市普陀区人民政府万里街道办事处24年预算.pdf")
    basic = next(t for t in doc.tables if t.type == "general_budget_basic_expenditure")
    row = next(r for r in basic.rows if r.name == "津贴补贴")
    # the PDF prints 款 "2" for 02: the code is repaired and the row says so
    assert row.code == "30102" and row.code_levels.item == "02" and "code_zero_padded" in row.flags
    assert row.values == {"total": 16623810, "basic.personnel": 16623810, "basic.public": 0}


def test_continuation_with_repeated_header_is_stitched_once():
    doc = extracted("上海市普陀区商务委员会25年预算.pdf")
    table = next(t for t in doc.tables if t.type == "general_budget_expenditure")
    names = [r.name for r in table.rows]
    assert "功能分类科目名称" not in names and len(names) == len(set((r.code, r.name) for r in table.rows))
    assert table.rows[-1].kind == "total" and table.rows[-1].values["total"] == 371514655


def test_two_panel_table_is_one_list():
    doc = extracted("上海市普陀区规划和自然资源局 2024 年度部门决算.pdf")
    basic = next(t for t in doc.tables if t.type == "general_budget_basic_expenditure")
    assert [c.id for c in basic.columns] == ["total"]
    totals = [(r.name, r.values["total"]) for r in basic.rows if r.kind == "total"]
    assert totals == [("人员经费合计", 4884.09), ("公用经费合计", 480.66)]
    # left panel (301, 303) first, then the right panel (302, 310)
    classes = [r.code for r in basic.rows if r.code and len(r.code) == 3]
    assert classes == ["301", "303", "302", "310"]


def test_readers_agree():
    """PDFium (default) and pdfplumber (reference) readers give the same tables."""
    def strip(doc):
        data = as_json(doc)
        for t in data["tables"]:
            for r in t["rows"]:
                r.pop("bbox")
        return data["tables"]
    name = "上海市普陀区商务委员会25年预算.pdf"
    assert strip(extracted(name, "pdfium")) == strip(extracted(name, "pdfplumber"))

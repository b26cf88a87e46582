"""Small pieces with exact answers: numbers, titles, header keys, arithmetic checks that can fail."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractor import catalog
from extractor.text.amounts import NotANumber, parse_amount, to_json_number


@pytest.mark.parametrize("text, value", [
    ("24,979.8", 24979.8), ("371,514,655.00", 371514655), ("0.00", 0), ("（1,234.50）", -1234.5),
    ("１２３．４", 123.4), ("590.715374", 590.715374), (" 754.75 ", 754.75), ("-12", -12)])
def test_amounts_parse_exactly(text, value):
    parsed = to_json_number(parse_amount(text))
    assert parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize("text", ["", "-", "—", "－"])
def test_blank_markers(text):
    assert parse_amount(text) is None


def test_text_is_not_a_number():
    with pytest.raises(NotANumber):
        parse_amount("本表为空表")
    assert parse_amount("12,345.67") == Decimal("12345.67")


@pytest.mark.parametrize("title, expected", [
    ("2020年部门支出总体情况表", "expenditure"),
    ("2025年预算单位一般公共预算基本支出部门预算经济分类预算表", "general_budget_basic_expenditure"),
    ("公开01表 收支预算总表", "summary"),
    ("预算05表 一般公共预算支出表", "general_budget_expenditure"),
    ("表1：2026年市级部门收支预算总表", "summary"),
    ("十、一般公共预算“三公”经费支出预算表", "three_public"),
    ("财政拨款收入支出决算总表", "appropriation_summary"),
    ("收入决算表", "revenue"),
    ("支出决算表", "expenditure"),
])
def test_titles_map_to_types(title, expected):
    assert catalog.title_index().match(title, 72).value == expected


def test_narrative_line_is_not_a_title():
    assert catalog.title_index().match("2025年，上海市普陀区商务委员会收入预算37,151.47万元", 72) is None


@pytest.mark.parametrize("label, key", [
    ("工资福利支出", "basic.personnel"), ("对个人和家庭的补助", "basic.individual"), ("一般性项目", "project.general"),
    ("因公出国（境）费", "abroad"), ("事业单位经营收入", "operating_income"), ("年初结转和结余", "carryover")])
def test_header_aliases(label, key):
    assert catalog.column_index().match(label, 80).value == key


def test_column_sum_check_fails_on_a_wrong_number():
    from extractor.mapping.financial.tables import MappedTable, SumGroup
    from extractor.models import Column, Row, Table
    from extractor.reconcile import run_checks

    def row(name, total, basic, project, kind="item", code=None):
        return Row(kind=kind, name=name, code=code, values={"total": total, "basic": basic, "project": project},
                   page=1, bbox=(0, 0, 1, 1))
    table = Table(type="expenditure", pages=[1], columns=[Column(id=k, key=k, label=k, score=100) for k in
                                                            ("total", "basic", "project")],
                  rows=[row("合计", 30.5, 10.25, 20.25, kind="total"), row("一般公共服务支出", 30.5, 10.25, 20.25, "group", "201"),
                        row("行政运行", 30.5, 10.25, 20.0, code="2010101")])
    mapped = MappedTable(table, [SumGroup("total", ["basic", "project"], None)])
    run_checks([mapped])
    by_rule = {c.rule: c for c in table.checks}
    assert by_rule["total = basic + project"].status == "fail"
    assert "2010101 行政运行 printed 30.5, sum 30.25" in by_rule["total = basic + project"].detail
    assert by_rule["group_rows = sum(children)"].status == "fail"
    assert by_rule["total_row = sum(class rows)"].status == "pass"

"""What the text says: the figures of the prose as facts, and their checks against the tables.

The expected figures below were read from the pages themselves (pdfplumber text of the page named in
each comment), not from the extractor's output.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor import catalog
from extractor.mapping.prose.facts import ProseLine, build_facts, money_factor
from extractor.pipeline import extract

from conftest import corpus_pdf, extracted

_DOCS: dict[str, object] = {}


def corpus_doc(rel: str):
    if rel not in _DOCS:
        _DOCS[rel] = extract(corpus_pdf(rel))
    return _DOCS[rel]


def has(doc, key: str, value, unit: str = "万元", **extra) -> None:
    """A fact with this key, value and unit (and the given change/share fields) is among the document's."""
    hits = [f for f in doc.facts if f.key == key and f.value == value and f.unit == unit
            and all(getattr(f, k) == v for k, v in extra.items())]
    assert hits, (f"no fact {key}={value}{unit} {extra}; facts of that key: "
                  f"{[(f.label, f.value, f.unit, f.change, f.change_rate) for f in doc.facts if f.key == key]}")


def every_counterpart_checked(doc) -> None:
    """Every money fact whose key has a table counterpart got a check (and so a status)."""
    keys = {f["key"] for f in catalog.load("facts")["fact"] if f.get("counterparts")}
    for f in doc.facts:
        if f.key in keys and money_factor(f.unit) is not None:
            assert f.status is not None, f
    assert {c.rule for c in doc.checks} >= {"fact_change", "fact_share"}


# ---- the 上海市普陀区 disclosures in ../shared/real ---------------------------------------------
SHANGWU = "上海市普陀区商务委员会25年预算.pdf"
WANLI = "上海市普陀区人民政府万里街道办事处24年预算.pdf"
BANGONGSHI = "上海市普陀区人民政府办公室单位25年预算.pdf"
GUIHUA = "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"


def test_shangwu_budget_text():
    doc = extracted(SHANGWU)
    # p7 部门预算编制说明
    has(doc, "revenue_total", 37151.47)
    has(doc, "fiscal_appropriation", 37151.47, change=24558.18)
    for key in ("business_income", "operating_income", "other_income"):
        has(doc, key, 0)
    has(doc, "expenditure_total", 37151.47)
    has(doc, "fiscal_appropriation", 37151.47, change=24491.71)
    has(doc, "general_budget", 37151.47, change=24491.71)
    has(doc, "government_fund", 0, change=0)
    has(doc, "state_capital", 0, change=0)
    reasons = [f.reason for f in doc.facts if f.key == "fiscal_appropriation"]
    assert all(r and "政策资金项目预算增加" in r for r in reasons)
    # p22 其他相关情况说明
    has(doc, "three_public", 1, change=0)
    for key in ("abroad", "vehicle", "vehicle.purchase", "vehicle.operation"):
        has(doc, key, 0, change=0)
    has(doc, "reception", 1, change=0)
    has(doc, "organ_operation", 171.01)
    has(doc, "government_procurement", 38.2)
    has(doc, "government_procurement.goods", 7.8)
    has(doc, "government_procurement.works", 0)
    has(doc, "government_procurement.services", 30.4)
    has(doc, "vehicles", 0, "辆")
    has(doc, "vehicles.purchase", 0, "辆")
    has(doc, "equipment", 0, "台（套）")
    assert not any(f.value == 100 and f.unit == "万元" for f in doc.facts)   # 单价100万元（含）以上: a threshold
    every_counterpart_checked(doc)
    status = {c.detail.split(" ")[2]: c.status for c in doc.checks if c.rule.startswith("fact ") and "=" in c.rule}
    assert status["revenue_total"] == status["three_public"] == status["organ_operation"] == "pass"
    assert all(c.status != "fail" for c in doc.checks)
    empty = [c for c in doc.checks if c.rule.startswith("empty_table_explained")]
    assert len(empty) == 2 and all(c.status == "pass" for c in empty)       # 注: …故本表为空表


def test_wanli_budget_text():
    doc = extracted(WANLI)
    # p6
    has(doc, "revenue_total", 15621.11)
    has(doc, "fiscal_appropriation", 15621.11, change=-876.75)
    has(doc, "expenditure_total", 15621.11)
    has(doc, "general_budget", 15621.11, change=-876.75)
    has(doc, "government_fund", 0, change=0)
    has(doc, "state_capital", 0, change=0)
    # p32
    has(doc, "three_public", 47.91, change=25)
    has(doc, "abroad", 0, change=0)
    has(doc, "vehicle", 46.56, change=25)
    has(doc, "vehicle.purchase", 25, change=25)
    has(doc, "vehicle.operation", 21.56, change=0)
    has(doc, "reception", 1.35, change=0)
    has(doc, "organ_operation", 443.18)
    has(doc, "government_procurement", 1662.44)
    has(doc, "government_procurement.goods", 93.98)
    has(doc, "government_procurement.works", 815.87)
    has(doc, "government_procurement.services", 752.59)
    has(doc, "government_procurement.sme", 664.98)
    has(doc, "government_procurement.sme", 465.49)
    has(doc, "vehicles", 7, "辆")
    has(doc, "vehicles.purchase", 1, "辆")
    every_counterpart_checked(doc)


def test_bangongshi_budget_text():
    doc = extracted(BANGONGSHI)
    # p6
    has(doc, "revenue_total", 9101.68)
    has(doc, "fiscal_appropriation", 9101.68, change=-2389.52)
    has(doc, "general_budget", 9101.68, change=-2389.52)
    # p21
    has(doc, "three_public", 867.5, change=0)
    has(doc, "abroad", 839, change=0)
    has(doc, "vehicle", 0, change=0)
    has(doc, "reception", 28.5, change=0)
    has(doc, "organ_operation", 213.28)
    has(doc, "government_procurement", 34)
    has(doc, "government_procurement.goods", 0)
    has(doc, "government_procurement.works", 0)
    has(doc, "government_procurement.services", 34)
    has(doc, "performance.projects", 11, "个")
    every_counterpart_checked(doc)


def test_guihua_final_account_text():
    doc = extracted(GUIHUA)
    # p20 收入支出决算总体情况说明
    has(doc, "current_revenue", 9746.5)
    has(doc, "fiscal_appropriation", 9746.5, share=100)
    has(doc, "current_expenditure", 9759.38)
    has(doc, "basic_expenditure", 5377.64, share=55.1)
    has(doc, "project_expenditure", 4381.74, share=44.9)
    # p25-26 “三公”经费: 年初预算 2.85, 决算 0.39 (@budget and @final of the 三公 table)
    has(doc, "three_public", 2.85)
    has(doc, "three_public", 0.39, change=-0.15)
    has(doc, "reception", 0.39, change=-0.15, change_rate=-27.78)
    has(doc, "abroad", 0)
    has(doc, "vehicle.purchase", 0)
    has(doc, "vehicle.operation", 0)
    # p27
    has(doc, "organ_operation", 142.8, change=-13.52, change_rate=-8.65)
    has(doc, "government_procurement", 2319.21)
    has(doc, "government_procurement.goods", 122.43)
    has(doc, "government_procurement.works", 1387.72)
    has(doc, "government_procurement.services", 809.07)
    every_counterpart_checked(doc)
    by_value = {(f.key, f.value): f.status for f in doc.facts}
    assert by_value[("three_public", 2.85)] == by_value[("three_public", 0.39)] == "pass"
    assert next(c for c in doc.checks if c.rule == "fact_share").status == "pass"


# ---- five corpus files from five places ---------------------------------------------------------
BEIJING_NOTE = "北京/政府办公厅_附件1：北京市重大项目建设指挥部办公室2026年度部门预算情况说明.pdf"


def test_beijing_narrative_only_file():
    doc = corpus_doc(BEIJING_NOTE)
    assert doc.tables == [] and doc.facts
    assert "no_tables" not in {w.code for w in doc.warnings}
    # p3-p4 收入预算情况说明
    has(doc, "revenue_total", 4704.24, prior=4464.03, change=240.21, change_rate=5.38)
    has(doc, "fiscal_appropriation", 4695.06)
    has(doc, "general_budget", 4695.06)
    has(doc, "government_fund", 0)
    has(doc, "state_capital", 0)
    has(doc, "carryover", 9.18)
    # p5 支出预算情况说明
    has(doc, "expenditure_total", 4704.24, prior=4464.03, change=240.21, change_rate=5.38)
    has(doc, "basic_expenditure", 4306.39, share=91.54)
    has(doc, "project_expenditure", 397.85, share=8.46)
    # p6 “三公”, 政府采购, 机关运行经费
    has(doc, "three_public", 44.17, change=-0.73, change_rate=-1.63)
    has(doc, "abroad", 29.17)
    has(doc, "reception", 0)
    has(doc, "vehicle", 15)
    has(doc, "vehicle.purchase", 0)
    has(doc, "vehicle.operation", 15)
    has(doc, "government_procurement", 26.98)
    has(doc, "government_procurement.goods", 6.79)
    has(doc, "government_procurement.works", 0)
    has(doc, "government_procurement.services", 20.19)
    has(doc, "organ_operation", 321.34)
    has(doc, "vehicles", 10, "台")
    has(doc, "equipment", 0, "台（套）")
    three = next(f for f in doc.facts if f.key == "three_public")
    assert three.reason and three.reason.startswith("主要原因") and "过紧日子" in three.reason
    checks = {c.rule: c for c in doc.checks}
    assert checks["fact_change"].status == "pass"
    # 占本年支出预算91.54%: the text states no 本年支出 of its own, so the share has no base to test
    assert checks["fact_share"].status == "skipped"
    assert all(f.status in (None, "skipped") for f in doc.facts)     # its tables are in 附件2


def test_hangzhou_text():
    doc = corpus_doc("杭州/2026年杭州市交通运输局部门预算.pdf")
    # p5-p6
    has(doc, "revenue_total", 665964.37, change=107573.11, change_rate=19.3)
    has(doc, "general_budget", 414883.38, share=62.3)
    has(doc, "government_fund", 221493, share=33.3)
    has(doc, "business_income", 9680.97, share=1.4)
    has(doc, "expenditure_total", 665964.37, change=107573.11, change_rate=19.3)
    has(doc, "project_expenditure", 576171.11, share=86.5)
    # p12 “三公” (873.20, +384.30, +78.6%); p15 机关运行经费, 政府采购, 车辆
    has(doc, "three_public", 873.2, change=384.3, change_rate=78.6)
    has(doc, "organ_operation", 8989.73, change=-217.38, change_rate=-2.4)
    has(doc, "government_procurement", 17367.84)
    has(doc, "government_procurement.goods", 1438.24)
    has(doc, "government_procurement.works", 2833.64)
    has(doc, "government_procurement.services", 13095.96)
    has(doc, "vehicles", 324, "辆")
    has(doc, "vehicles.purchase", 23, "辆")
    has(doc, "equipment", 85, "台（套）")
    every_counterpart_checked(doc)


def test_chongqing_text():
    doc = corpus_doc("重庆/2026年重庆市人民政府办公厅部门预算.pdf")
    # p2-p3
    has(doc, "revenue_total", 19230.18, change=2784.38)
    has(doc, "general_budget", 18417.7, change=2781.9)
    has(doc, "business_income", 812.48, change=2.48)
    has(doc, "basic_expenditure", 9018.47, change=362.1)
    has(doc, "project_expenditure", 9399.23, change=2419.8)
    # p3-p4 “三公”, 机关运行经费, 政府采购, 车辆
    has(doc, "three_public", 394.49, change=-2.48)
    has(doc, "abroad", 184.49, change=0)
    has(doc, "reception", 10, change=0)
    has(doc, "vehicle.operation", 200, change=-2.48)
    has(doc, "vehicle.purchase", 0, change=0)
    has(doc, "organ_operation", 1815, change=21.99)
    has(doc, "government_procurement", 4542.69)
    has(doc, "government_procurement.goods", 110)
    has(doc, "government_procurement.works", 0)
    has(doc, "government_procurement.services", 4432.69)
    has(doc, "vehicles", 46, "辆")
    every_counterpart_checked(doc)


def test_changsha_text():
    doc = corpus_doc("长沙/2026年长沙市公安局2025年部门预算.pdf")
    # p6, p8
    has(doc, "revenue_total", 68632.12, change=-1316.82)
    has(doc, "general_budget", 68632.12)
    # p9-p10
    has(doc, "organ_operation", 2045.01, change=-29.3, change_rate=-1.41)
    has(doc, "three_public", 458.5)
    has(doc, "reception", 28.5)
    has(doc, "vehicle", 400)
    has(doc, "vehicle.purchase", 150)
    has(doc, "vehicle.operation", 250)
    has(doc, "abroad", 30)
    has(doc, "meeting", 18)
    has(doc, "training", 163.46)
    has(doc, "government_procurement", 16476.85)
    has(doc, "government_procurement.goods", 2716.09)
    has(doc, "government_procurement.works", 9021.25)
    has(doc, "government_procurement.services", 4739.51)
    has(doc, "vehicles", 102, "辆")
    has(doc, "vehicles.purchase", 6, "辆")
    has(doc, "equipment", 8, "台")
    every_counterpart_checked(doc)


def test_shenzhen_text():
    doc = corpus_doc("深圳/2026年深圳市交通运输局部门预算.pdf")
    # p15 政府采购
    has(doc, "government_procurement", 7558.99)
    has(doc, "government_procurement.goods", 23)
    has(doc, "government_procurement.works", 0)
    has(doc, "government_procurement.services", 7535.99)
    # p16 “三公”
    has(doc, "three_public", 147.9, change=-28.11)
    has(doc, "abroad", 115, change=-14.8)
    has(doc, "reception", 5.1, change=-10.01)
    has(doc, "vehicle", 27.8)
    has(doc, "vehicle.purchase", 0, change=0)
    has(doc, "vehicle.operation", 27.8, change=-3.3)
    has(doc, "vehicles", 17, "辆")
    # p18 机关运行经费, 车辆
    has(doc, "organ_operation", 2484.6, change=-379.46, change_rate=-13.2)
    has(doc, "equipment", 26, "台（套）")
    every_counterpart_checked(doc)


# ---- a changed digit fails its check ---------------------------------------------------------------
def _draw_budget(path: Path, stated: str) -> None:
    """One page: a prose paragraph stating two figures, and the ruled 收入预算总表 they come from."""
    pytest.importorskip("reportlab")          # a test extra
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    c.setFont("STSong-Light", 11)
    c.drawString(60, 550, "一、收入预算情况说明")
    c.drawString(60, 530, f"2025年，某某市统计局收入预算1,205,000元，其中：财政拨款收入{stated}元，比2024年预算")
    c.drawString(60, 514, "增加100,000元；事业收入200,000元。")
    c.setFont("STSong-Light", 16)
    c.drawCentredString(421, 470, "2025年部门收入预算总表")
    c.setFont("STSong-Light", 10)
    c.drawString(60, 448, "编制部门：某某市统计局")
    c.drawRightString(780, 448, "单位：元")
    xs = [60, 160, 400, 530, 660, 780]
    rows = [("科目编码", "科目名称", "合计", "财政拨款收入", "事业收入"),
            ("201", "一般公共服务支出", "1,205,000.00", "1,005,000.00", "200,000.00"),
            ("20105", "统计信息事务", "1,205,000.00", "1,005,000.00", "200,000.00"),
            ("2010501", "行政运行", "1,205,000.00", "1,005,000.00", "200,000.00"),
            ("", "合计", "1,205,000.00", "1,005,000.00", "200,000.00")]
    top, h = 440, 22
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * h, xs[-1], top - i * h)
    for x in xs:
        c.line(x, top, x, top - len(rows) * h)
    for i, row in enumerate(rows):
        y = top - i * h - 15
        for j, text in enumerate(row):
            if j < 2 or i == 0:
                c.drawString(xs[j] + 4, y, text)
            else:
                c.drawRightString(xs[j + 1] - 4, y, text)
    c.showPage()
    c.save()


def test_changed_digit_fails_its_check(tmp_path):
    original, altered = tmp_path / "original.pdf", tmp_path / "altered.pdf"
    _draw_budget(original, "1,005,000")
    _draw_budget(altered, "1,006,000")           # one digit of the stated amount changed
    good = extract(original)
    [table] = good.tables
    assert table.type == "revenue"
    fact = next(f for f in good.facts if f.key == "fiscal_appropriation")
    assert (fact.value, fact.unit, fact.change, fact.status) == (1005000, "元", 100000, "pass")
    assert all(c.status != "fail" for c in good.checks)
    bad = extract(altered)
    fact = next(f for f in bad.facts if f.key == "fiscal_appropriation")
    assert fact.status == "fail"
    [check] = [c for c in bad.checks if c.status == "fail"]
    assert check.rule == "fact fiscal_appropriation = table"
    for words in ("fiscal_appropriation", "财政拨款收入", "1006000元", "收入预算总表", "合计",
                  "[fiscal_appropriation]", "1005000元"):
        assert words in check.detail, (words, check.detail)
    business = next(f for f in bad.facts if f.key == "business_income")
    assert business.status == "pass"


def test_units_and_rounding():
    """万元 text against a 元 table passes within the printed rounding; a share is checked against its
    two amounts; facts the catalog does not know are kept with key null."""
    lines = [ProseLine(1, "一、支出预算情况说明", True),
             ProseLine(1, "2025年支出预算37,151.47万元，比上年增加1,000.00万元，增长2.77%。其中：基本支出预算"),
             ProseLine(1, "1,983.07万元，占支出预算5.34%；某某专项资金12.00万元。", True)]
    prose = build_facts(lines)
    total, basic, other = prose.facts
    assert (total.key, total.value, total.change, total.change_rate) == ("expenditure_total", 37151.47, 1000, 2.77)
    assert (basic.key, basic.value, basic.share, basic.share_of) == ("basic_expenditure", 1983.07, 5.34, "支出预算")
    assert (other.key, other.label, other.value) == (None, "某某专项资金", 12)
    assert prose.share_base == {1: 0}


def test_schema_has_facts():
    from extractor.models import Document
    schema = Document.model_json_schema()
    assert "facts" in schema["properties"] and "checks" in schema["properties"]
    assert {"key", "label", "value", "unit", "page", "text", "change", "change_rate", "reason"} <= set(
        schema["$defs"]["Fact"]["properties"])

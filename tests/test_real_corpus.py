"""Every regional template in ../shared/real: each printed financial table found and typed, stitched
across pages. The lists were written by reading each file's pages (titles and page breaks)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import extracted, real_pdf

EXPECTED = {
    "上海 2026年上海市民政局_部门预算.pdf": [
        ("summary", [7]), ("revenue", [8]), ("expenditure", [9]), ("appropriation_summary", [10]),
        ("general_budget_expenditure", [11]), ("government_fund_expenditure", [12]),
        ("state_capital_expenditure", [13]), ("general_budget_basic_expenditure", [14]),
        ("three_public", [15])],
    "北京 2026年北京市司法局部门预算.pdf": [
    ],
    "北京 政府办公厅_附件2：北京市信访办公室2026年度部门预算报表.pdf": [
        ("summary", [1]), ("revenue", [2]), ("expenditure", [3, 4]), ("appropriation_summary", [5]),
        ("general_budget_expenditure", [6]), ("general_budget_basic_expenditure", [7]),
        ("government_fund_expenditure", [8]), ("state_capital_expenditure", [9]), ("three_public", [10]),
        ("government_procurement", [11]), ("government_purchase_services", [12])],
    "广州 政务服务和数据管理局_广州市政务服务和数据管理局2026年项目支出绩效目标表（含转移支付项目）.pdf": [
    ],
    "广州 生态环境局_广州市生态环境局2026年部门整体预算绩效目标申报表.pdf": [
    ],
    "杭州 2026年杭州市气象局部门预算.pdf": [
        ("summary", [15]), ("revenue", [16]), ("expenditure", [17]), ("appropriation_summary", [18]),
        ("general_budget_expenditure", [19]), ("general_budget_basic_expenditure", [20]),
        ("three_public", [21]), ("government_fund_expenditure", [22]), ("state_capital_expenditure", [23]),
        ("project_expenditure", [24])],
    "江苏 江苏省政协办公厅2019年预算公开表.pdf": [
        ("summary", [1]), ("revenue", [2]), ("expenditure", [3]), ("appropriation_summary", [4]),
        ("appropriation_expenditure", [5]), ("appropriation_basic_expenditure", [6]),
        ("general_budget_expenditure", [7]), ("general_budget_basic_expenditure", [8]), ("three_public", [9]),
        ("government_fund_expenditure", [10]), ("organ_operation_expenditure", [11]),
        ("government_procurement", [12])],
    "深圳 2026年深圳市信访局部门预算.pdf": [
        ("summary", [15, 16]), ("revenue", [17]), ("expenditure", [18, 19, 20]),
        ("basic_expenditure", [21, 22]), ("project_expenditure", [23]), ("appropriation_summary", [24, 25]),
        ("general_budget_expenditure", [26, 27]), ("expenditure_by_economic", [28, 29, 30]),
        ("three_public", [31]), ("government_fund_expenditure", [32]), ("state_capital_expenditure", [33])],
    "烟台 2026年烟台市信访局部门预算.pdf": [
        ("summary", [6]), ("revenue", [7, 8]), ("expenditure", [9, 10]), ("appropriation_summary", [11, 12]),
        ("general_budget_expenditure", [13, 14]), ("general_budget_basic_expenditure", [15, 16, 17]),
        ("three_public", [18]), ("government_fund_expenditure", [19]), ("state_capital_expenditure", [20]),
        ("basic_expenditure", [21, 22, 23]), ("project_expenditure", [24]), ("government_procurement", [25])],
    "福州 2026年福州市生态环境局部门预算.pdf": [
        ("budget_units", [4]), ("summary", [7]), ("revenue", [8]), ("expenditure", [9]),
        ("appropriation_summary", [10]), ("general_budget_expenditure", [11]),
        ("government_fund_expenditure", [12]), ("state_capital_expenditure", [13]),
        ("expenditure_by_economic", [14]), ("general_budget_basic_expenditure", [15, 16, 17]),
        ("three_public", [18])],
    "苏州 2026年苏州市审计局部门预算.pdf": [
        ("summary", [9]), ("revenue", [10]), ("expenditure", [11]), ("appropriation_summary", [12, 13]),
        ("appropriation_expenditure", [14]), ("appropriation_basic_expenditure", [15]),
        ("general_budget_expenditure", [16]), ("general_budget_basic_expenditure", [17]),
        ("three_public", [18]), ("government_fund_expenditure", [19]), ("state_capital_expenditure", [20]),
        ("organ_operation_expenditure", [21]), ("government_procurement", [22])],
    "西安 气象局_2026年部门预算.pdf": [
        ("budget_units", [6]), ("unknown", [10]), ("table_index", [17]), ("summary", [18]), ("revenue", [19]),
        ("expenditure", [20]), ("appropriation_summary", [21]), ("general_budget_expenditure", [22]),
        ("expenditure_by_economic", [23]), ("general_budget_basic_by_function", [24]),
        ("general_budget_basic_expenditure", [25]), ("government_fund_expenditure", [26]),
        ("project_expenditure", [27]), ("carryover_expenditure", [28]), ("government_procurement", [29]),
        ("three_public", [30])],
    "重庆 2026年重庆市气象局部门预算.pdf": [
        ("summary", [6]), ("revenue", [7, 8]), ("expenditure", [9, 10]), ("appropriation_summary", [11]),
        ("general_budget_expenditure", [12, 13]), ("general_budget_basic_expenditure", [14, 15]),
        ("government_fund_expenditure", [16]), ("three_public", [17]), ("government_procurement", [18])],
    "长沙 2026年长沙市信访局部门预算.pdf": [
        ("summary", [12]), ("revenue", [13]), ("expenditure", [14]), ("appropriation_summary", [15, 16]),
        ("general_budget_expenditure", [17]), ("general_budget_basic_expenditure", [18, 19]),
        ("three_public", [20]), ("government_fund_expenditure", [21])],
}

# 绩效目标表: (forms, indicator rows), counted on the rendered pages. A form is one project or department
# form (a project list prints one per row group); an indicator is one printed 三级 row.
PERFORMANCE = {
    "上海 2026年上海市民政局_部门预算.pdf": (0, 0),              # p. 16 says 1 project has targets; no form
    "北京 2026年北京市司法局部门预算.pdf": (0, 0),              # the index names 预算表12/13; not in the file
    "北京 政府办公厅_附件2：北京市信访办公室2026年度部门预算报表.pdf": (10, 78),  # pp. 13-16: 9 projects
    # (16 + 8 + 7 + 6 + 10 + 6 + 6 + 5 + 4 rows); p. 17: the department form, 10 rows
    "广州 政务服务和数据管理局_广州市政务服务和数据管理局2026年项目支出绩效目标表（含转移支付项目）.pdf": (70, 404),
    # 70 project rows over pp. 1-12, each indicator list one cell: 35 37 35 35 46 41 38 35 29 37 24 12 a page
    "广州 生态环境局_广州市生态环境局2026年部门整体预算绩效目标申报表.pdf": (1, 25),
    "杭州 2026年杭州市气象局部门预算.pdf": (3, 0),              # 表11 p. 25: unit | project | amount | goal only
    "江苏 江苏省政协办公厅2019年预算公开表.pdf": (0, 0),
    "深圳 2026年深圳市信访局部门预算.pdf": (6, 0),              # pp. 10-11: unit | project | 预算数 | goal, 6 rows
    "烟台 2026年烟台市信访局部门预算.pdf": (3, 32),             # pp. 30-32: 7 + 13 + 12
    "福州 2026年福州市生态环境局部门预算.pdf": (1, 14),          # pp. 23-24: 3 + 11
    "苏州 2026年苏州市审计局部门预算.pdf": (0, 0),              # p. 30: 7 projects named in prose only
    # 表14 p. 31: 32; 表15 p. 32: 32; 表16 p. 33 a blank template: no 三级 filled, its 9 二级 rows no indicators
    "西安 气象局_2026年部门预算.pdf": (3, 64),
    "重庆 2026年重庆市气象局部门预算.pdf": (3, 23),             # 表十 pp. 19-20: 8 + 3; 表十一 blank; 表十二 12
    "长沙 2026年长沙市信访局部门预算.pdf": (5, 101),            # pp. 22-29: 16 16 23 21; pp. 30-32: 10 + 10 + 5
}

# ruled boxes that are not financial tables: kept raw and typed unknown, never dropped (the lists the
# catalog names, 预算单位构成 budget_units and 报表目录 table_index, are typed and keep their raw grid too)
NOT_FINANCIAL = {"西安 气象局_2026年部门预算.pdf": [10]}             # a yearly comparison


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_tables_found_and_typed(name):
    doc = extracted(name)
    assert [(t.type, t.pages) for t in doc.tables] == EXPECTED[name]
    assert [t.pages[0] for t in doc.tables if t.type == "unknown"] == NOT_FINANCIAL.get(name, [])


@pytest.mark.parametrize("name", sorted(PERFORMANCE))
def test_performance_forms_and_indicators_counted(name):
    doc = extracted(name)
    assert (len(doc.performance), sum(len(p.indicators) for p in doc.performance)) == PERFORMANCE[name]


def test_every_file_has_its_performance_count():
    assert set(PERFORMANCE) == set(EXPECTED)


def test_coverage_line_on_stderr():
    res = subprocess.run([sys.executable, "-m", "extractor.cli", "extract",
                          str(real_pdf("江苏 江苏省政协办公厅2019年预算公开表.pdf")), "-o", "/dev/null"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0
    line = res.stderr.strip().splitlines()[-1]
    assert line.startswith("江苏 江苏省政协办公厅2019年预算公开表.pdf: 12 pages; tables 12 (")
    assert "summary 1" in line and "unknown 0" in line and "checks failed 0" in line

"""Values read on the right row and column, and sums that hold, on real corpus pages (../shared/corpus).

Every number asserted here was read off the rendered page, not copied from the extractor's output.
"""
from __future__ import annotations

import pytest

from extractor.reconcile.tables.arith import compare, same_when_rounded

from conftest import corpus_doc as doc


def table(d, type_: str, page: int | None = None):
    return next(t for t in d.tables if t.type == type_ and (page is None or page in t.pages))


def check(t, rule_start: str):
    return next(c for c in t.checks if c.rule.startswith(rule_start))


def rows_named(t, name: str, page: int | None = None):
    return [r for r in t.rows if r.name == name and (page is None or r.page == page)]


GONGXIN = "西安/工业和信息化局_2026年部门预算.pdf"


def test_white_header_shading_is_no_ruling():
    """工信局 p20: Word shades the header cells with white boxes inset from their borders; read as rulings
    they cut the grid into slivers and the 序号 column took the amounts' place. The page prints four panels:
    项目 | 预算数 for revenue and three expenditure classifications."""
    t = table(doc(GONGXIN), "summary", 20)
    revenue = {r.name: r.values.get("total") for r in t.rows if r.side == "revenue"}
    assert revenue["1、财政拨款"] == 1053642667.43
    assert revenue["其中：专项资金列入部门预算的项目"] == 1000000000
    assert revenue["本年收入合计"] == 1056072667.43
    assert revenue["收入总计"] == 1059464715.06
    spent = [r.values.get("total") for r in t.rows if r.side == "expenditure" and r.name == "本年支出合计"]
    assert spent == [1055907667.43] * 3
    # 序号 13, 14 … are no amounts
    assert not any(v in (13, 14, 15) for r in t.rows for v in r.values.values())


def test_revenue_table_columns_under_shaded_header():
    t = table(doc(GONGXIN), "revenue", 23)
    total = next(r for r in t.rows if r.kind == "total")
    assert total.values["total"] == 1059464715.06
    assert total.values["general_budget"] == 1053642667.43
    assert total.values["business_income"] == 2430000
    school = rows_named(t, "西安市工业技工学校")[0]
    assert school.values["total"] == 16172766.70
    assert school.values["business_income"] == 2100000


def test_row_carried_over_a_page_without_its_top_border():
    """工信局 p28: the first row (24 · 215 资源勘探工业信息等支出) continues from p27; Word drew its side
    rulings but no line above it."""
    t = table(doc(GONGXIN), "general_budget_expenditure", 28)
    row = next(r for r in t.rows if r.code == "215")
    assert row.page == 28
    assert row.values["total"] == 1021805239.60
    assert row.values["project"] == 1005135600
    assert check(t, "total_row").status == "pass"


def test_clipped_list_number_is_not_text():
    """重庆 规划和自然资源局 p18: a Word list number '1' sits under （一） clipped to nothing; the page shows
    （一）一般公共预算资金 223,898.88, and 一、本年收入 266,026.92 = 223,898.88 + 42,128.04."""
    t = table(doc("重庆/2026年重庆市规划和自然资源局部门预算.pdf"), "appropriation_summary", 18)
    row = rows_named(t, "（一）一般公共预算资金")[0]
    assert row.values["total"] == 223898.88
    assert check(t, "heading_row = sum(numbered items) [revenue]").status == "pass"


def test_subitem_printed_without_its_item_is_a_child_of_the_class():
    """人社局 p35: 301 工资福利支出 7,804.52 has 3010201 津贴补贴 and 3010202 改革性补贴 (7-digit) printed
    beside the 5-digit 30101 基本工资 with no 30102 row; they are 301's children too."""
    t = table(doc("西安/人力资源和社会保障局_2026年部门预算.pdf"), "general_budget_basic_expenditure", 35)
    assert next(r for r in t.rows if r.code == "301").values["total"] == 7804.52
    assert check(t, "group_rows").status == "pass"


def test_blank_heading_and_of_which_rows_in_summary():
    """人社局 p29: 1、财政拨款 is printed blank (its amount is on (1) 一般公共预算拨款收入 181,716.56) and
    上年结转 90.57 is followed by 其中：财政拨款资金结转 90.57; 本年收入合计 182,066.56, 收入总计 182,157.13."""
    t = table(doc("西安/人力资源和社会保障局_2026年部门预算.pdf"), "summary", 29)
    assert check(t, "total_row = sum(rows above) [revenue]").status == "pass"


def test_of_which_row_not_summed_into_grand_total():
    """公安局 p22: 收入总计 3,444,476,979.18 = 本年收入合计 3,280,825,029.74 + 上年实户资金余额
    32,624,907.71 + 上年结转 131,027,041.73 (其中：财政拨款资金结转 131,027,041.73 is part of it)."""
    d = doc("西安/2026年西安市公安局部门预算.pdf")
    t = table(d, "summary", 22)
    assert check(t, "total_row = sum(rows above) [revenue]").status == "pass"
    rev = table(d, "revenue", 23)
    c = check(rev, "revenue.total = summary.revenue_total")
    assert c.status == "pass" and "3444476979.18 vs 3444476979.18" in c.detail


def test_breakdown_without_of_which_in_appropriation_summary():
    """卫健委 p153: 总计 864,177.93 = 本年收入合计 805,251.56 + 年初结转和结余 58,926.37, itself broken down
    into 一般公共预算财政拨款 95.39 and 政府性基金预算财政拨款 58,830.98."""
    t = table(doc("西安/卫生健康委员会_2026年部门预算.pdf"), "appropriation_summary", 153)
    assert check(t, "total_row = sum(rows above) [revenue]").status == "pass"


@pytest.mark.parametrize("rel, page, total", [
    ("杭州/2026年杭州市司法局部门预算.pdf", 25, 99230.46),            # 本年收入 98,883.14 + 上年结转结余 347.32
    ("西安/2026年西安市审计局部门预算.pdf", 23, 42034723.58),          # + 上年实户资金余额 981,827.50
    ("烟台/2026年烟台市教育局部门预算.pdf", 10, 315441.72),            # + 上级补助收入 205.89, below 本年收入合计
])
def test_revenue_total_with_money_carried_in(rel, page, total):
    """The 收入总表's 合计 includes columns the 收支总表 prints below its 本年收入合计: it is that table's 收入总计."""
    t = table(doc(rel), "revenue", page)
    c = check(t, "revenue.total = summary.revenue_total")
    assert c.status == "pass", c.detail
    assert f"{total} vs {total}" in c.detail


def test_same_total_printed_to_fewer_decimals():
    """医保局 p30 prints 480544221.6 (a spreadsheet cell too narrow), p29 480544221.62."""
    t = table(doc("西安/医疗保障局_2026年部门预算.pdf"), "revenue", 30)
    assert next(r for r in t.rows if r.kind == "total").values["total"] == 480544221.6
    c = check(t, "revenue.total = summary.revenue_total")
    assert c.status == "pass" and "rounding" in c.detail


def test_number_leading_a_project_name_is_no_subject_code():
    """烟台 交通运输局 p30: the project 12328电话运行维护费 (the 12328 hotline), 合计 10.00."""
    t = table(doc("烟台/2026年烟台市交通运输局部门预算.pdf"), "project_expenditure", 30)
    row = rows_named(t, "12328电话运行维护费")[0]
    assert row.code is None
    assert row.values["total"] == 10
    assert all(c.status != "fail" for c in t.checks)


@pytest.mark.parametrize("rel, type_, page, rule, detail", [
    # 基本支出 小计 82,479.29 printed beside 人员经费 67,627.51 + 日常公用 14,902.37 = 82,529.88
    ("杭州/2026年杭州市交通运输局部门预算.pdf", "general_budget_expenditure", 30,
     "basic = basic.personnel + basic.public", "合计 printed 82479.29, sum 82529.88"),
    # 30211 差旅费 (p24): 财政拨款 4.50 but 一般公共预算 5.50
    ("烟台/2026年烟台市民政局部门预算.pdf", "basic_expenditure", 24,
     "fiscal_appropriation = general_budget", "30211 差旅费 printed 4.5, sum 5.5"),
])
def test_publication_errors_stay_failing(rel, type_, page, rule, detail):
    c = check(table(doc(rel), type_, page), rule)
    assert c.status == "fail" and detail in c.detail


# ---- arithmetic -------------------------------------------------------------------------------------
def test_whole_yuan_rounding():
    # three amounts printed in whole 元 may miss their printed total by a yuan or two
    assert compare(1000, [333, 333, 334], 0, whole_units=True)[0] == "exact"
    assert compare(1002, [333, 333, 334], 0, whole_units=True)[0] == "rounding"
    assert compare(1002, [333, 333, 334], 0)[0] == "fail"          # whole by chance: no slack
    assert compare(1010, [333, 333, 334], 0, whole_units=True)[0] == "fail"


def test_same_when_rounded():
    assert same_when_rounded(480544221.6, 480544221.62)
    assert not same_when_rounded(480544221.6, 480544221.66)
    assert not same_when_rounded(5, 5.4)          # 5 may have been printed 5.00


def test_slivers_collapse_to_the_ruling_most_cells_use():
    from extractor.grid.lattice import _drop_slim
    bounds = [35.2, 40.6, 54.9, 60.4, 144.0, 149.4, 154.8, 229.1]
    values = [35.2] * 9 + [40.6] + [54.9] * 9 + [60.4] + [144.0] + [149.4] * 9 + [154.8] + [229.1] * 9
    assert _drop_slim(bounds, values, []) == [35.2, 54.9, 149.4, 229.1]
    # a character set inside a sliver (tiny print) keeps it
    assert _drop_slim([0.0, 5.0, 20.0], [0.0, 5.0, 20.0], [(1.0, 4.0)]) == [0.0, 5.0, 20.0]


# ---- issue 22: the grand total by position, each cell's own printed decimals ------------------------
FUZHOU_JJ = "福州/公安局交通警察局_2026年部门预算.pdf"
XIAN_KJ = "西安/科技创新局_2026年部门预算.pdf"


def test_grand_total_found_by_position_whatever_its_name():
    """福州交警 p7 收支总表: 本年收入合计 53,764.88 + 上年结转结余 8,000.00 = 收入合计 61,764.88 (the grand total is
    named 收入合计, not 收入总计); the 收入总表 p8 合计 61,764.88 includes the 8,000.00 上年结转结余 it prints."""
    c = check(table(doc(FUZHOU_JJ), "revenue", 8), "revenue.total = summary.revenue_total")
    assert c.status == "pass" and c.detail.startswith("61764.88 vs 61764.88 (p8, p7); against 收入合计")


def test_cell_printed_with_fewer_decimals_rounds_to_its_own():
    """西安科技创新局 p43 收入总表 (spreadsheet General format in narrow cells): 合计 943865000 beside
    一般公共预算 小计 936647884.3 and 上年实户资金余额 7217115.63 (parts .33 + .63 = .96 as the 收支总表 p42 prints
    收入总计 943,864,999.96); p46 一般公共预算支出 合计 936647884.3 over 人员 + 公用 + 项目 = .33."""
    d = doc(XIAN_KJ)
    revenue = table(d, "revenue", 43)
    total = next(r for r in revenue.rows if r.name == "合计")
    assert total.values["total"] == 943865000 and total.values["prior_account_balance"] == 7217115.63
    assert check(revenue, "total = general_budget").status == "pass"
    cross = check(revenue, "revenue.total = summary.revenue_total")
    assert cross.status == "pass" and cross.detail.startswith("943865000 vs 943864999.96")
    assert check(table(d, "general_budget_expenditure", 46), "total = basic.personnel").status == "pass"
    assert check(table(d, "expenditure_by_economic", 48), "total = basic.personnel").status == "pass"


def test_printed_decimals_set_each_cells_slack():
    assert compare(936647884.3, [936647884.33], 2, shown=[1, 2])[0] == "rounding"
    assert compare(943865000, [936647884.3, 7217115.63], 2, shown=[0, 1, 2])[0] == "rounding"
    assert compare(5, [4.9], 2, shown=[2, 2])[0] == "fail"            # printed 5.00: exact to the cent
    assert compare(936647884.3, [936647884.43], 2, shown=[1, 2])[0] == "fail"
    assert same_when_rounded(943865000, 943864999.96, (0, 2))
    assert same_when_rounded(943864999.96, 943865000, (None, 0))       # only the coarse one's print matters
    assert not same_when_rounded(943865000, 943864999.96)             # 943865000 may have been printed .00
    assert not same_when_rounded(943865000, 943864999.4, (0, 2))

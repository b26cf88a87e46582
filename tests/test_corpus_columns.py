"""Column layouts of the development corpus (../shared/corpus): 其中 over several columns, bracketed codes,
group headings not in the catalog, caption lines drawn inside the frame, memo columns, fund-source columns
under categories; and, on hand-built grids, layouts seen outside the corpus (plain 预算 under 收入 | 支出,
当年预算 | 上年结转结余 copies, a one-column number row). Numbers were read off the rendered pages."""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import corpus_doc, extracted

def _table(doc, type_, page):
    return next(t for t in doc.tables if t.type == type_ and page in t.pages)


def _check(table, rule):
    return next((c for c in table.checks if c.rule == rule), None)


def _row(table, name):
    return next(r for r in table.rows if r.name == name)


# ---- 1 + 2: 小计 | 其中：基本支出 | 项目支出, and [2013299]其他组织事务支出 ---------------------------------
def test_of_which_over_two_columns_adds_up_to_the_subtotal():
    doc = corpus_doc("广州/2026年广州市交通运输局部门预算.pdf")
    table = _table(doc, "general_budget_expenditure", 15)
    total = next(r for r in table.rows if r.kind == "total")
    # p15: 合计 456,990.37 | 其中：基本支出 103,700.53 | 项目支出 353,289.84
    assert total.values == {"total": 456990.37, "basic": 103700.53, "project": 353289.84}
    check = _check(table, "total = basic + project")
    assert check is not None and check.status == "pass"
    assert _check(table, "total = project") is None


def test_bracketed_code_goes_to_code_and_levels():
    doc = corpus_doc("广州/2026年广州市交通运输局部门预算.pdf")
    table = _table(doc, "general_budget_expenditure", 15)
    row = next(r for r in table.rows if r.code == "2013299")
    # p15: [2013299]其他组织事务支出 16.25 | 0.00 | 16.25
    assert row.name == "其他组织事务支出"
    assert (row.code_levels.class_, row.code_levels.item, row.code_levels.subitem) == ("201", "32", "99")
    assert row.values == {"total": 16.25, "basic": 0, "project": 16.25}
    klass = next(r for r in table.rows if r.code == "201")
    assert klass.name == "一般公共服务支出" and klass.kind == "group"
    assert all(c.status != "fail" for c in table.checks)


# ---- 3: 其他资金收入 over 事业收入 · 事业单位经营收入 · 其他收入; 财政专户拨款收入 ---------------------------------
def test_group_heading_not_taken_from_its_own_leaf():
    doc = corpus_doc("广州/2026年广州市卫生健康委员会部门预算.pdf")
    table = _table(doc, "revenue", 9)
    ids = [c.id for c in table.columns]
    assert not any(i.startswith("unmapped:") for i in ids)
    assert {"fiscal_special_account.education", "fiscal_special_account.other"} <= set(ids)
    assert not any(c.rule.startswith("other_income =") for c in table.checks)
    # p9 合计: 3,324,258.76 = 一般公共预算 324,314.91 + 事业收入 2,927,142.92 + 其他收入 72,800.92 (0.01 rounding)
    total = _row(table, "合计")
    assert (total.values["total"], total.values["general_budget"], total.values["business_income"],
            total.values["other_income"]) == (3324258.76, 324314.91, 2927142.92, 72800.92)
    # 广州市胸科医院: 92,495.02 = 19,190.33 + 71,766.69 + 1,538.00
    chest = _row(table, "广州市胸科医院")
    assert (chest.values["total"], chest.values["general_budget"], chest.values["business_income"],
            chest.values["other_income"]) == (92495.02, 19190.33, 71766.69, 1538)
    sums = [c for c in table.checks if c.rule.startswith("total = general_budget")]
    assert len(sums) == 1 and sums[0].status == "pass"


def test_fund_groups_have_their_own_keys():
    doc = corpus_doc("广州/2026年广州市交通运输局部门预算.pdf")
    table = _table(doc, "basic_expenditure", 24)
    ids = [c.id for c in table.columns]
    assert "fiscal_special_account" in ids and "other_funds" in ids and "fiscal_appropriation#2" not in ids


# ---- 4: 部门： | 江苏省人大常委会办公厅 | 单位：万元 printed inside the frame -------------------------------------
def test_caption_line_inside_the_frame_is_not_a_header():
    doc = corpus_doc("江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf")
    table = _table(doc, "three_public", 20)
    labels = {c.id: c.label for c in table.columns}
    assert not any("部门" in l or "单位" in l for l in labels.values())
    row = table.rows[0]
    # p20: 合计 2,542.60 | 三公 小计 833.60 | 因公出国（境）费 222.50 | 公务用车 小计 183.60 | 购置 0 |
    # 运行维护 183.60 | 公务接待费 427.50 | 会议费 1,305.25 | 培训费 403.75
    assert row.values == {"total": 2542.6, "total#2": 833.6, "abroad": 222.5, "vehicle": 183.6,
                          "vehicle.purchase": 0, "vehicle.operation": 183.6, "reception": 427.5,
                          "meeting": 1305.25, "training": 403.75}
    assert _check(table, "total#2 = abroad + vehicle + reception").status == "pass"
    assert _check(table, "total = total#2 + meeting + training").status == "pass"


def test_title_with_qualifier_inside_the_frame_is_a_caption():
    doc = corpus_doc("江苏省政协办公厅/2017年度部门预算公开表.pdf")
    table = _table(doc, "three_public", 11)
    row = table.rows[0]
    # p11: 三公 小计 676.10 = 因公出国（境）费 76.00 + 公务用车 156.60 + 公务接待费 443.50
    assert (row.values["total#2"], row.values["abroad"], row.values["vehicle"], row.values["reception"]) == \
        (676.1, 76, 156.6, 443.5)
    assert all(c.status == "pass" for c in table.checks)


# ---- 5: 深圳 2026年政府采购项目 memo columns; fund-source columns under 三公 categories ------------------------
def test_procurement_memo_columns_are_mapped():
    doc = corpus_doc("深圳/2026年深圳市交通运输局部门预算.pdf")
    table = _table(doc, "expenditure", 27)
    ids = [c.id for c in table.columns]
    assert ids[-3:] == ["government_procurement", "government_procurement.sme", "government_procurement.small_micro"]
    unit = table.rows[0]
    # p27 深圳市交通运输局（本级）: 388,763.56 | 11,826.97 | 376,936.60 | … | 7,558.99 | 2,726.35 | 131.67
    assert (unit.values["total"], unit.values["basic"], unit.values["project"]) == (388763.56, 11826.97, 376936.6)
    assert (unit.values["government_procurement"], unit.values["government_procurement.sme"],
            unit.values["government_procurement.small_micro"]) == (7558.99, 2726.35, 131.67)
    assert not any("government_procurement" in c.rule.split(" = ")[0] for c in table.checks)


def test_three_public_fund_columns_belong_to_their_category():
    doc = corpus_doc("深圳/2026年深圳市交通运输局部门预算.pdf")
    table = _table(doc, "three_public", 46)
    ids = [c.id for c in table.columns]
    assert not any("#" in i for i in ids)
    row = next(r for r in table.rows if r.name == "2025年")
    # p46 2025年: 总计 176.01 = 因公出国(境)费 129.80 + 公务接待费 15.11 + 公务用车 31.10 (运行维护费 31.10)
    assert (row.values["general_budget"], row.values["abroad.general_budget"], row.values["reception.general_budget"],
            row.values["vehicle.general_budget"], row.values["vehicle.operation.general_budget"]) == \
        (176.01, 129.8, 15.11, 31.1, 31.1)
    check = _check(table, "general_budget = abroad.general_budget + reception.general_budget + vehicle.general_budget")
    assert check is not None and check.status == "pass"


# ---- 6: layouts seen outside the corpus, on hand-built grids ---------------------------------------------------
def _grid(cells, n_rows, n_cols):
    """cells: (row, col, rowspan, colspan, text)."""
    from extractor.grid.model import Grid, GridCell
    out = [GridCell(r, c, rs, cs, t, (c * 50.0, r * 20.0, (c + cs) * 50.0, (r + rs) * 20.0))
           for r, c, rs, cs, t in cells]
    return Grid(page=1, bbox=(0, 0, n_cols * 50.0, n_rows * 20.0), n_rows=n_rows, n_cols=n_cols,
                col_x=[c * 50.0 for c in range(n_cols + 1)], row_y=[r * 20.0 for r in range(n_rows + 1)], cells=out)


def _layout(grid):
    from extractor.mapping.financial.header import build_layout
    from extractor.settings import DEFAULT
    return build_layout(grid, DEFAULT)


def test_plain_budget_under_revenue_and_expenditure_is_the_total():
    grid = _grid([(0, 0, 1, 2, "收入"), (0, 2, 1, 2, "支出"),
                  (1, 0, 1, 1, "项目"), (1, 1, 1, 1, "预算"), (1, 2, 1, 1, "项目"), (1, 3, 1, 1, "2026年预算数"),
                  (2, 0, 1, 1, "一、财政拨款"), (2, 1, 1, 1, "10.00"), (2, 2, 1, 1, "一、一般公共服务支出"),
                  (2, 3, 1, 1, "10.00")], 3, 4)
    layout = _layout(grid)
    cols = [(c.id, c.side) for c in layout.value_columns]
    assert cols == [("total", "revenue"), ("total", "expenditure")]


def test_current_year_and_carryover_copies_get_a_measure():
    heads = ["小计", "因公出国(境)费", "公务接待费"]
    cells = [(0, 0, 2, 1, "单位名称"), (0, 1, 1, 3, "当年预算"), (0, 4, 1, 3, "上年结转结余")]
    cells += [(1, 1 + i, 1, 1, h) for i, h in enumerate(heads)] + [(1, 4 + i, 1, 1, h) for i, h in enumerate(heads)]
    cells += [(2, 0, 1, 1, "某局")] + [(2, 1 + i, 1, 1, v) for i, v in enumerate(
        ["3.00", "1.00", "2.00", "1.50", "0.50", "1.00"])]
    layout = _layout(_grid(cells, 3, 7))
    ids = [c.id for c in layout.value_columns]
    assert ids == ["total@current_year", "abroad@current_year", "reception@current_year",
                   "total@carryover", "abroad@carryover", "reception@carryover"]
    from extractor.mapping.financial.tables import _sum_groups
    groups = {(g.parent, tuple(g.children)) for g in _sum_groups(layout)}
    assert ("total@current_year", ("abroad@current_year", "reception@current_year")) in groups
    assert ("total@carryover", ("abroad@carryover", "reception@carryover")) in groups


@pytest.mark.parametrize("marks", [["**", "1"], ["栏次", "1", "2"]])
def test_column_number_row_is_header(marks):
    n = len(marks)
    cells = [(0, 0, 1, 1, "项目")] + [(0, i, 1, 1, "预算数") for i in range(1, n)]
    cells += [(1, i, 1, 1, m) for i, m in enumerate(marks)]
    cells += [(2, 0, 1, 1, "合计")] + [(2, i, 1, 1, "5.00") for i in range(1, n)]
    layout = _layout(_grid(cells, 3, n))
    assert layout.body_start == 2 and layout.header_rows == [0, 1]
    assert layout.value_columns[0].id == "total"


def test_lone_of_which_stays_a_part():
    cells = [(0, 0, 1, 1, "科目名称"), (0, 1, 1, 1, "合计"), (0, 2, 1, 1, "基本支出"), (0, 3, 1, 1, "项目支出"),
             (0, 4, 1, 1, "其中：政府采购"),
             (1, 0, 1, 1, "合计"), (1, 1, 1, 1, "9.00"), (1, 2, 1, 1, "4.00"), (1, 3, 1, 1, "5.00"), (1, 4, 1, 1, "2.00")]
    layout = _layout(_grid(cells, 2, 5))
    from extractor.mapping.financial.tables import _sum_groups
    assert [(g.parent, g.children) for g in _sum_groups(layout)] == [("total", ["basic", "project"])]


def test_prior_current_change_groups_become_measures():
    doc = corpus_doc("西安/2026年西安市审计局部门预算.pdf")
    table = _table(doc, "three_public", 35)
    assert not any(c.key.startswith("unmapped:") for c in table.columns)
    assert {c.measure for c in table.columns} == {"prior_year", "current_year", "change"}
    total = next(r for r in table.rows if r.name == "合计")
    # p35 合计: 上年 526,000.00 = 三公 120,000.00 + 会议费 20,000.00 + 培训费 386,000.00 (接待 20,000.00, 公务用车 100,000.00);
    # 当年 332,000.00 = 102,000.00 + 20,000.00 + 210,000.00; 增减变化情况 -194,000.00 = -18,000.00 + -176,000.00
    v = total.values
    assert (v["total@prior_year"], v["total@prior_year#2"], v["reception@prior_year"], v["vehicle@prior_year"],
            v["meeting@prior_year"], v["training@prior_year"]) == (526000, 120000, 20000, 100000, 20000, 386000)
    assert (v["total@current_year"], v["total@current_year#2"], v["training@current_year"]) == (332000, 102000, 210000)
    assert (v["total@change"], v["total@change#2"], v["training@change"]) == (-194000, -18000, -176000)
    for rule in ("total@prior_year = total@prior_year#2 + meeting@prior_year + training@prior_year",
                 "total@current_year#2 = abroad@current_year + reception@current_year + vehicle@current_year"):
        assert _check(table, rule).status == "pass"


# ---- text columns: a project's 绩效目标 and a 备注 beside the amounts -----------------------------------
def test_goal_column_is_the_project_rows_text_not_rows_of_its_own():
    """部门预算项目支出及其他支出预算表 prints each project's 绩效目标 right of its amounts (p81 of the PDF,
    printed page 79): the goal belongs to the project's row; before, every goal was a row with no amounts."""
    doc = corpus_doc("广州/2026年广州市卫生健康委员会部门预算.pdf")
    table = _table(doc, "project_expenditure", 81)
    assert [(c.key, c.label) for c in table.text_columns] == [("goal", "绩效目标")]
    row = _row(table, "科教项目")
    assert row.page == 81 and row.values["total"] == 1000 and row.values["other_funds"] == 1000
    assert row.texts["goal"] == ("通过科教项目，一是开展广州医科大学中西医临床学院本科教学工作，推动本科教学改革；"
                                 "二是开展医院科研工作，推动科研质量改革。")
    assert not [r for r in table.rows if r.name and r.name.startswith("通过")]
    assert sum(1 for r in table.rows if r.page == 81) == 8        # the eight projects printed on p81


def test_counts_right_of_the_names_are_values_and_remarks_are_kept():
    """培训费明细表 (p19-20): 序号 | 培训名称 | 时间 | 人数 | 金额 | 备注. On p20 every 人数 has two or three
    digits (655, 21, 120, 200), which looked like subject codes; right of the names they are counts
    (``attendees``), and 时间 is the row's text (``time``)."""
    doc = corpus_doc("西安/2026年西安市财政局部门预算.pdf")
    table = _table(doc, "training_expenses", 20)
    row = _row(table, "市级部门及区县预算绩效管理业务、区县财政部门财会监督业务等财政业务培训")
    assert row.code is None
    assert row.values == {"attendees": 655, "total": 11.47}
    assert row.texts == {"time": "2026年10月8日至2026年11月15日", "remarks": "全年共5期"}
    first = _row(table, "财政干部业务培训")        # p19: the remark wraps onto a second line
    assert first.texts == {"time": "不晚于2026年11月30日", "remarks": "参加其他单位组织的培训"}
    assert first.values["total"] == 4


def test_second_classification_named_column_maps_to_its_classification():
    """烟台 一般公共预算基本支出表 prints 部门经济分类 | 政府预算支出经济分类科目名称 (p18): the second label
    column is the government economic classification (was `unmapped:政府预算支出经济分类科目名称`)."""
    doc = corpus_doc("烟台/2026年烟台市交通运输局部门预算.pdf")
    table = _table(doc, "general_budget_basic_expenditure", 18)
    row = next(r for r in table.rows if r.code == "30101")
    assert row.name == "基本工资" and row.values["total"] == 369.9
    assert row.classifications["government_economic"].code == "50101"
    assert row.classifications["government_economic"].name == "工资奖金津补贴"


def test_total_merged_over_both_label_columns_is_no_classification():
    """西安 公安局 一般公共预算基本支出表 (p30): 合计 is one cell over 部门经济分类 and 政府经济分类."""
    doc = corpus_doc("西安/2026年西安市公安局部门预算.pdf")
    table = _table(doc, "general_budget_basic_expenditure", 30)
    total = next(r for r in table.rows if r.kind == "total")
    assert total.name == "合计" and total.values["total"] == 2291949163.84
    assert total.classifications == {}         # was {government_economic: {name: 合计}}
    row = next(r for r in table.rows if r.code == "30101")
    assert row.classifications["government_economic"].code == "50101"


# ---- catalog words of one region that any region may print ----------------------------------------------
def test_plain_this_year_budget_under_both_sides_is_the_total():
    """长沙 部门收支总体情况表 (p13) heads its amounts 收入 / 本年预算 and 支出 / 本年预算; 基本支出表 (p19)
    prints 人员类 | 公用经费; the 收入表 prints 其它收入 (其他 written 其它)."""
    doc = corpus_doc("长沙/2026年长沙市公安局2025年部门预算.pdf")
    summary = _table(doc, "summary", 13)
    assert [(c.key, c.side) for c in summary.columns] == [("total", "revenue"), ("total", "expenditure")]
    assert _row(summary, "收入总计").values == {"total": 68632.12}
    assert _row(summary, "二、项目支出").values == {"total": 40233.95}
    assert _check(summary, "revenue_total = expenditure_total").status == "pass"
    basic = _table(doc, "general_budget_basic_expenditure", 19)
    total = next(r for r in basic.rows if r.kind == "total")
    assert total.values == {"total": 28398.17, "basic.personnel": 26353.16, "basic.public": 2045.01}
    assert _check(basic, "total = basic.personnel + basic.public").status == "pass"
    revenue = _table(doc, "revenue", 14)
    assert ("other_income", "其它收入") in [(c.key, c.label) for c in revenue.columns]


def test_non_fiscal_balance_column_is_a_revenue_source():
    """烟台 收入总表 prints 使用非财政拨款结余 among its sources: mapped, it joins the source identity."""
    doc = corpus_doc("烟台/2026年烟台市交通运输局部门预算.pdf")
    table = next(t for t in doc.tables if t.type == "revenue")
    assert ("non_fiscal_balance", "使用非财政拨款结余") in [(c.key, c.label) for c in table.columns]
    check = next(c for c in table.checks if "non_fiscal_balance" in c.rule)
    assert check.status == "pass"


# ---- 政府采购 detail tables: economic codes after the amounts, unit-coded subtotal rows -----------------
def test_procurement_codes_after_the_amounts_are_the_rows_classifications():
    """西安 公安局 p44 prints 采购项目 · 采购目录 · 购买服务内容 · 规格型号 · 数量, then the 部门 and 政府 economic
    codes (类 | 款 each), then 预算金额. The codes are no second panel: every purchase is one row with both
    classifications, its amount and its texts (before: three rows per purchase, 763 in all)."""
    doc = corpus_doc("西安/2026年西安市公安局部门预算.pdf")
    table = _table(doc, "government_procurement", 44)
    total = next(r for r in table.rows if r.kind == "total")
    assert total.values["total"] == 391328302.13 and total.texts == {}
    fund = table.rows[1]        # 1 全额 27,731,137.00 › 153001 西安市公安局 7,838,000.00 › its purchases
    unit = table.rows[2]
    assert (fund.kind, fund.unit_code, fund.name, fund.values["total"]) == ("unit", "1", "全额", 27731137)
    assert (unit.kind, unit.unit_code, unit.name, unit.values["total"]) == ("unit", "153001", "西安市公安局", 7838000)
    car = table.rows[3]
    assert (car.kind, car.code, car.name, car.values["total"]) == ("item", "2040201", "车辆运行维护费", 6500000)
    assert car.texts == {"specification": "车辆维修服务"}      # printed under 规格型号
    assert car.classifications["procurement_catalog"].name == "C23120301车辆维修和保养服务"
    assert car.classifications["department_economic"].code == "30231"
    assert car.classifications["government_economic"].code == "50208"
    assert not any(r.name is None and r.code is None and r.unit_code is None for r in table.rows)
    assert [(c.rule, c.status) for c in table.checks] == [
        ("total_row = sum(unit rows)", "pass"), ("department_row = sum(unit rows)", "pass"),
        ("unit_row = sum(class rows)", "pass")]


def test_procurement_table_with_overprinted_header_keeps_its_amounts():
    """西安 气象局 p29 prints the two economic-code headings over each other, so their words interleave; the
    预算金额 column is still read: 合计 7,007,500 元 = the 全额 rows, as the text on p13 states (700.75 万元)."""
    from conftest import extracted
    doc = extracted("西安 气象局_2026年部门预算.pdf")
    table = _table(doc, "government_procurement", 29)
    total = next(r for r in table.rows if r.kind == "total")
    assert total.values["total"] == 7007500
    assert [r.values["total"] for r in table.rows if r.name == "全额"] == [142500, 6865000]
    assert all(c.status == "pass" for c in table.checks) and len(table.checks) == 3
    fact = next(c for c in doc.checks if c.rule == "fact government_procurement = table")
    assert fact.status == "pass"


# ---- columns that were left `unmapped:` ---------------------------------------------------------------
def test_subset_and_count_columns_have_keys():
    """西安 财政局 p26 收入总表: 一般公共预算拨款 | 其中：专项资金列入部门预算项目 and 上年实户资金余额 get keys
    (special_funds_in_budget, a part; prior_account_balance); 北京 医疗保障局 预算05表 p6 prints 项目支出 over
    项目支出总数 | 扣除基建项目后预算数: the second is a part of the first, never its summand, so no identity
    `project = project_excluding_capital` is run (it holds only where nothing is 基建). Counts (人数, 数量) are
    keyed columns too."""
    doc = corpus_doc("西安/2026年西安市财政局部门预算.pdf")
    revenue = _table(doc, "revenue", 26)
    assert {c.key: c.label for c in revenue.columns}["special_funds_in_budget"] == \
        "部门预算 / 一般公共预算拨款 / 其中：专项资金列入部门预算项目"
    assert "prior_account_balance" in {c.key for c in revenue.columns}
    total = _row(revenue, "合计")
    assert (total.values["general_budget"], total.values["special_funds_in_budget"]) == (303312586.17, 170160000)
    assert not any(c.key.startswith("unmapped") for t in doc.tables for c in t.columns + t.text_columns)
    procurement = _table(doc, "government_procurement", 41)
    assert "quantity" in {c.key for c in procurement.columns}

    doc = corpus_doc("北京/医疗保障局_2026年部门预算.pdf")
    spent = _table(doc, "general_budget_expenditure", 6)
    training = next(r for r in spent.rows if r.code == "2050803")
    assert training.values == {"total": 99.81238, "basic": 18, "basic.public": 18, "project": 81.81238,
                               "project_excluding_capital": 81.81238}
    assert [c.rule for c in spent.checks if "excluding" in c.rule] == []


def test_a_bar_chart_under_a_table_like_caption_is_no_table():
    """西安 工信局 p9: 一般公共预算拨款支出明细 / 单位：万元 over a bar chart (axis 0-120000, value labels
    102180.52, 1419.73 458.2 186.84 653.23 …): the chart's frame held no word, only the bars' labels, and was
    typed general_budget_expenditure with two `unmapped:column` values."""
    doc = corpus_doc("西安/工业和信息化局_2026年部门预算.pdf")
    assert [t.type for t in doc.tables if 9 in t.pages] == []
    assert [t.type for t in doc.tables if 20 in t.pages] == ["summary"]


def test_classification_levels_and_a_label_wrapped_over_two_header_cells():
    """北京 财政局 政府购买服务预算表 p16 prints 指导性目录 over 二级 | 三级 beside the 一级 name: two classifications
    (were both `unmapped:指导性目录 / …`). 西安 生态环境局 p58 wraps 因公出国（境）费用 over two header cells in the
    增减变化情况 group: it is `abroad`, and the group's sum is checked like the 上年 and 当年 groups."""
    doc = corpus_doc("北京/财政局_2026年部门预算.pdf")
    services = _table(doc, "government_purchase_services", 16)
    row = next(r for r in services.rows if r.classifications)
    assert (row.name, row.values["total"]) == ("01-公共服务", 4869.2615)
    assert {k: v.name for k, v in row.classifications.items()} == {
        "service_catalog.level2": "0115-公共信息与宣传服务", "service_catalog.level3": "公共信息系统开发与维护服务"}

    doc = corpus_doc("西安/生态环境局_2026年部门预算.pdf")
    three = _table(doc, "three_public", 58)
    assert "abroad@change" in {c.id for c in three.columns}
    assert _check(three, "total@change#2 = abroad@change + vehicle@change + reception@change").status == "pass"


def test_codes_and_names_after_the_amount_classify_the_row():
    """西安 公安局 p42 财政拨款上年结转资金支出表: 预算单位代码 · 预算单位名称 · 预算项目名称 · 金额, then 功能分类科目代码 ·
    名称, 政府经济分类科目代码 · 名称, 项目类别, 资金性质, 备注. The columns after 金额 print no amount: they classify
    the project's row (they were read as a second panel, one amountless row per project, 31 rows for 18), and
    the unit's name is the row's text beside the project's name."""
    doc = corpus_doc("西安/2026年西安市公安局部门预算.pdf")
    carryover = _table(doc, "carryover_expenditure", 42)
    assert len(carryover.rows) == 18 and all(r.values for r in carryover.rows)
    row = _row(carryover, "长安区监管场所建设项目（南建）")
    assert (row.unit_code, row.values) == ("153001", {"total": 6810000})
    assert row.texts == {"project_category": "专用项目", "fund_nature": "一般债券", "unit_name": "西安市公安局"}
    assert {k: (v.code, v.name) for k, v in row.classifications.items()} == {
        "function": ("2040299", "其他公安支出"), "government_economic": ("50401", "房屋建筑物购建")}
    projects = sum(Decimal(str(r.values["total"])) for r in carryover.rows if r.kind == "item")
    assert projects == Decimal("131027041.73") == Decimal(str(_row(carryover, "合计").values["total"]))


def test_report_index_says_which_tables_are_empty_and_why():
    """西安 政府办公厅 p19 报表 index: 表9 部门综合预算政府性基金收支表 | 是 | 不涉及 (the three columns were
    `unmapped:` classifications of the row)."""
    doc = corpus_doc("西安/2026年西安市人民政府办公厅部门预算.pdf")
    index = _table(doc, "table_index", 19)
    assert _row(index, "表9").texts == {"report_name": "部门综合预算政府性基金收支表", "is_empty": "是",
                                        "empty_reason": "不涉及"}
    assert [r.name for r in index.rows if r.texts.get("is_empty") == "是"] == ["表9", "表11", "表16"]


def test_procurement_rows_under_a_project_keep_the_items_names():
    """江苏省政协办公厅 2019 公开12表 (real): 采购品目大类 · 专项名称 · 经济科目 · 采购物品名称 · 采购组织形式 · 总计. A 专项
    row (办公设备购置费 | 办公设备购置 | 300.00) heads its items (台式计算机（20万以下） 18.00 …): the items are named
    by 采购物品名称, the 专项 row carries 专项名称 and 经济科目 as its classifications (both were `unmapped:`)."""
    doc = extracted("江苏 江苏省政协办公厅2019年预算公开表.pdf")
    table = _table(doc, "government_procurement", 12)
    head = next(r for r in table.rows if r.values.get("total") == 300)
    # the 专项 row subtotals its items: a group named by its 专项名称 (tests/test_row_hierarchy.py)
    assert (head.kind, head.name) == ("group", "办公设备购置费") and {k: v.name for k, v in head.classifications.items()} == {
        "special_project": "办公设备购置费", "economic": "办公设备购置"}
    item = _row(table, "台式计算机（20万以下）")
    assert (item.values, item.texts) == ({"total": 18}, {"procurement_form": "分散自行组织"})

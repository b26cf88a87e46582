"""Table identification on the development corpus (../shared/corpus): catalog types for the recurring
tables printed beside the financial ones, untitled lists typed by their header row, titles left at a
page foot, and text that is no table (narrative headings, prose in a frame, charts). The values were
read from the pages themselves."""
from __future__ import annotations

from conftest import corpus_doc as doc_of


def table_on(doc, page: int):
    hits = [t for t in doc.tables if page in t.pages]
    assert hits, f"no table on page {page}: {[(t.type, t.pages) for t in doc.tables]}"
    return hits[0]


def row(table, name: str):
    return next(r for r in table.rows if r.name == name)


def test_administrative_and_three_public_by_fund():
    doc = doc_of("广州/2026年广州市交通运输局部门预算.pdf")
    t = table_on(doc, 21)
    assert (t.type, t.pages, t.unit) == ("administrative_three_public", [21], "万元")
    assert t.title == "财政拨款安排的行政经费及“三公”经费预算表"
    assert row(t, "行政经费").values == {"total": 8560.42, "general_budget": 8560.42, "government_fund": 0,
                                     "state_capital": 0}
    assert row(t, "“三公”经费").values["total"] == 627
    assert row(t, "1.公务用车购置费").values["general_budget"] == 230.55
    rules = {c.rule: c.status for c in t.checks}
    assert rules["total = general_budget + government_fund + state_capital"] == "pass"
    assert rules["heading_row = sum(numbered items)"] == "pass"      # (二) 567.72 = 230.55 + 337.17


def test_table_index_titled_and_untitled():
    doc = doc_of("西安/2026年西安市人民政府办公厅部门预算.pdf")
    t = table_on(doc, 19)
    assert (t.type, t.title, t.pages) == ("table_index", "报表目录", [19])
    assert ["表9", "部门综合预算政府性基金收支表", "是", "不涉及"] in t.raw
    # printed without a title: typed by its header row 报表 | 报表名称 | 是否空表 | 公开空表理由
    doc = doc_of("西安/国有资产监督管理委员会_2026年部门预算.pdf")
    t = table_on(doc, 23)
    assert t.type == "table_index" and t.title is None
    assert t.raw[0] == ["报表", "报表名称", "是否空表", "公开空表理由"]


def test_budget_units_lists():
    doc = doc_of("西安/2026年西安市人民政府办公厅部门预算.pdf")
    t = table_on(doc, 7)
    assert t.type == "budget_units" and t.title is None          # under the heading 三、预算单位构成
    assert t.raw[:2] == [["序号", "单位名称", "拟变动情况"], ["1", "西安市人民政府办公厅本级（机关）", ""]]
    # 福州: under a sentence ending 单位详细情况见下表: (no title), header 序号 | 单位名称
    doc = doc_of("福州/2026年福州市科技创新局部门预算.pdf")
    t = table_on(doc, 7)
    assert t.type == "budget_units" and t.title is None
    assert ["（一）", "福州市科学技术局(本级)"] in t.raw


def test_meeting_and_training_expense_lists():
    doc = doc_of("西安/2026年西安市财政局部门预算.pdf")
    meeting = next(t for t in doc.tables if t.type == "meeting_expenses")
    training = next(t for t in doc.tables if t.type == "training_expenses")
    assert 19 in meeting.pages and training.pages == [19, 20]
    assert row(meeting, "决算汇审会").values["total"] == 23
    assert row(meeting, "专项债券项目评审").values["total"] == 9.6
    assert row(training, "财政干部业务培训").values["total"] == 4
    assert training.raw[0] == ["序号", "培训名称", "时间", "人数", "金额", "备注"]


def test_title_with_broken_glyph_boxes():
    """Header glyphs whose boxes reach up through the title line are not read into the title."""
    doc = doc_of("西安/国有资产监督管理委员会_2026年部门预算.pdf")
    t = table_on(doc, 36)
    assert t.type == "three_public" and t.unit == "元"
    assert t.title == "2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）"


def test_title_at_a_page_foot_goes_to_the_next_pages_table():
    doc = doc_of("江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf")
    t = next(t for t in doc.tables if t.type == "appropriation_basic_expenditure")
    assert (t.title, t.pages[0], t.unit) == ("财政拨款基本支出预算表", 13, "万元")    # title printed on p12
    base = next(r for r in t.rows if r.code == "30101")
    assert (base.name, base.values["total"]) == ("基本工资", 1015.15)
    assert not [x for x in doc.tables if x.type == "unknown"]
    # the text set below page 11's box (not printed) is no table
    assert [x.type for x in doc.tables if 11 in x.pages] == ["appropriation_expenditure"]


def test_list_title_at_a_page_foot():
    """会议费明细表 / 单位：万元 end page 15; the list (typed by its header too) starts page 16."""
    doc = doc_of("西安/政务服务和数据管理局_2026年部门预算.pdf")
    t = table_on(doc, 16)
    assert (t.type, t.title, t.unit, t.pages) == ("meeting_expenses", "会议费明细表", "万元", [16])
    assert row(t, "系统相关业务会议").values["total"] == 0.64
    assert ["3", "评审会", "2025年6月26日", "40人", "0.32", ""] in t.raw


def test_narrative_heading_is_no_table():
    doc = doc_of("江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf")   # 五、财政拨款支出预算表情况说明 on p8
    assert doc.tables == []


def test_charts_and_framed_prose_are_no_tables():
    doc = doc_of("西安/工业和信息化局_2026年部门预算.pdf")          # bar charts on p7 and p11
    assert not [t for t in doc.tables if set(t.pages) & {7, 11, 12, 13} and t.type == "unknown"]
    assert table_on(doc, 6).type == "budget_units"                    # the list above the p7 chart
    doc = doc_of("北京/2026年北京市应急管理局部门预算.pdf")           # 部门职责 printed in a frame
    assert not [t for t in doc.tables if 3 in t.pages]


def test_not_a_title_patterns():
    from extractor import catalog
    assert catalog.not_a_title("一、收支预算总表情况说明")
    assert catalog.not_a_title("年单位预算编制范围的单位详细情况见下表：")
    assert catalog.not_a_title("八、一般公共预算支出预算表……………12")
    assert not catalog.not_a_title("八、一般公共预算支出预算表")
    assert catalog.header_rules()[("序号", "单位名称", "拟变动情况")] == "budget_units"

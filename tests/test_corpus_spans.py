"""北京 预算表12 project lists whose merged cells span pages, and a 收入总表 too wide for its page: names, codes
and amounts read off the pages (pdfplumber words, rendered and read by eye). Skipped when ../shared/corpus
is not beside the checkout."""
from __future__ import annotations

from conftest import corpus_doc

YJ = "北京/应急管理局_2026年部门预算.pdf"
SW = "北京/水务局_2026年部门预算.pdf"
SC = "北京/市场监督管理局_2026年部门预算.pdf"


def _forms(rel: str, code: str):
    return [f for f in corpus_doc(rel).performance if f.project_code == code]


def test_name_drawn_on_a_middle_page_of_the_span():
    """应急管理局 pp22-25: the project cell has no ruling on pp23-24; its text is drawn once, on p24
    (11000022T000000447576-应急指挥中心信息化技术保障项目 | 299.633600 | 299.633600), and off the page
    on the others."""
    [form] = _forms(YJ, "11000022T000000447576")
    assert form.project_name == "应急指挥中心信息化技术保障项目"
    assert (form.total_amount, form.fiscal_amount) == (299.6336, 299.6336)
    assert form.pages == [22, 23, 24, 25]
    assert form.annual_goal.startswith("保证我局应急指挥中心视频会议系统技术保障")
    # 23 of the file's forms lost name, code and amounts that way; none does now
    nameless = [f.pages for f in corpus_doc(YJ).performance
                if f.type == "project_performance" and f.project_name is None and f.project_code is None]
    assert nameless == []


def test_every_amount_block_is_a_form():
    """水务局 pp74-79: one cell 11000024T000002785976-水旱灾害防御业务费 (printed on p76) beside eight amount
    blocks, each with its own 项目总额 | 财政拨款, 绩效目标 and indicators; the last but one is cut by the
    page break (its amounts printed in the part on p79)."""
    forms = _forms(SW, "11000024T000002785976")
    assert [f.total_amount for f in forms] == [450.108108, 14.5776, 36.303256, 71.355806, 14.5894, 7.95268,
                                               130.445516, 52.65969]
    assert [f.fiscal_amount for f in forms] == [f.total_amount for f in forms]
    assert {f.project_name for f in forms} == {"水旱灾害防御业务费"}
    assert [f.block for f in forms] == list(range(1, 9))
    assert all(f.indicators for f in forms)
    assert forms[1].annual_goal.startswith("针对日常水文测验和应对强降雨应急监测所需")
    # 应急管理局 pp27-29: two blocks under 11000022T000000450192-信息系统政务云租用项目
    assert [(f.block, f.total_amount) for f in _forms(YJ, "11000022T000000450192")] == [(1, 68.611549),
                                                                                       (2, 1343.486988)]


def test_blank_open_cell_takes_the_name_printed_overleaf():
    """市场监督管理局 p33: the last project cell is open at the page foot and prints nothing there; p34 prints
    11000024T000002786739-课题研究类项目 under the repeated header, beside the blocks 55.000000 and
    1,855.000000 that follow p33's 344.000000."""
    assert [f.total_amount for f in _forms(SC, "11000024T000002786739")] == [344, 55, 1855]


def test_clipped_last_line_stays_with_its_name():
    """水务局 p94: the cell of 11000024Y000002890113 clips its name's last line (统运维类项, half shown over
    the next project's cell, whose name 11000024Y000002890218-北京市十三陵水库管理处信息系统运维类项目 is
    printed on p95)."""
    [cut] = _forms(SW, "11000024Y000002890113")
    assert cut.project_name == "北京市南水北调大宁管理处信息系统运维类项"
    assert cut.total_amount == 9.3804
    [form] = _forms(SW, "11000024Y000002890218")
    assert form.project_name == "北京市十三陵水库管理处信息系统运维类项目"
    assert (form.total_amount, form.pages) == (17.1334, [94, 95])
    assert not [f for f in corpus_doc(SW).performance if f.project_name and "11000024" in f.project_name]


def test_wide_table_goes_on_overleaf_as_columns():
    """水务局 预算02表 收入总表: p3 prints 合计 | 本年收入 (小计 … 附属单位上缴收入), p4 the rest of the
    drawing: 其他收入 2,934.108891 under 本年收入, then 上年结转结余 小计 55,856.549576 | 一般公共预算资金
    25,437.557705 | 政府性基金预算资金 848.210784 | 单位资金 29,570.781087; 金额单位：万元 over p4."""
    doc = corpus_doc(SW)
    [t] = [t for t in doc.tables if t.type == "revenue"]
    assert not [u for u in doc.tables if u.type == "unknown"]
    assert t.pages == [3, 4] and t.unit == "万元"
    assert "current_revenue#2" not in [c.id for c in t.columns]
    [row] = t.rows
    assert row.values["total"] == 1048475.725671
    assert row.values["other_income"] == 2934.108891
    assert row.values["carryover"] == 55856.549576
    assert row.values["carryover.general_budget"] == 25437.557705
    assert row.values["other_funds"] == 29570.781087
    assert [c.label for c in t.columns if c.id == "other_income"] == ["本年收入 / 其他收入"]
    assert {c.rule: c.status for c in t.checks}["total = current_revenue + carryover"] == "pass"
    assert not [c for c in t.checks if c.status == "fail"]


def test_level_names_printed_overleaf():
    """西安/应急管理局 2019年部门整体支出绩效目标表 p36: the 一级 and 二级 cells of 指标1：工作职能提高 ……
    指标6 open at the page foot and blank there; p37 prints 效益指标 | 社会效益指标 in their rest. p44
    指标1：全市安全生产形势 … 指标6 under cells named on p45 (满意度指标 | 服务对象满意度指标)."""
    doc = corpus_doc("西安/应急管理局_2026年部门预算.pdf")
    dept = doc.performance[0]
    levels = {(i.level1, i.level2) for i in dept.indicators if i.level3 in ("工作职能提高", "派驻机构党风廉政建设水平")}
    assert levels == {("效益指标", "社会效益指标")}
    special = doc.performance[1]
    assert {(i.level1, i.level2) for i in special.indicators if i.level3 == "社会满意度"} == \
        {("满意度指标", "服务对象满意度指标")}


def test_overflow_of_the_name_above_is_no_start_of_a_name():
    """samples/spans/beijing_cut_name.pdf (samples/cut_name.py, drawn with no clip): the first project's name runs
    two lines past its cell into the next project's cell, open at the page foot; that project's code and
    name are printed overleaf. The values come from the generator's data."""
    import sys
    from pathlib import Path
    from extractor.pipeline import extract
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "samples"))
    import cut_name
    doc = extract(cut_name.OUT)
    first, second = doc.performance
    assert first.project_code == cut_name.FIRST["code"]
    assert first.project_name == "".join(cut_name.FIRST["lines"][:cut_name.FIRST["shown"]]).split("-", 1)[1]
    assert first.total_amount == float(cut_name.FIRST["amount"])
    assert second.project_code == cut_name.SECOND["code"]
    assert second.project_name == cut_name.SECOND["name"]
    assert (second.total_amount, second.pages) == (float(cut_name.SECOND["amount"]), [1, 2])
    assert [i.level3 for i in second.indicators] == [r[2] for r in cut_name.SECOND["rows_p1"] + cut_name.SECOND["rows_p2"]]


def test_code_cut_by_the_page_break_goes_on_overleaf():
    """发展和改革局 p31 ends with a project cell showing 11000022T000000 only; p32, under the repeated header,
    shows 456102-成本监审工作经费 | 142.000000 | 142.000000: one project, its code whole."""
    forms = [f for f in corpus_doc("北京/发展和改革局_2026年部门预算.pdf").performance
             if f.project_name == "成本监审工作经费"]
    assert [(f.project_code, f.total_amount, f.pages) for f in forms] == [("11000022T000000456102", 142, [31, 32])]


def test_wide_table_printed_down_then_over():
    """上海 数据局 收入预算总表: pp8-9 print 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 (单位 not printed
    there), p10 the rest for p8's rows: 单位：元 and 收入预算 over 其他收入, the header's two rows one cell,
    then 12 blank cells on p8's rulings (p11, blank, goes with p9's). 合计 471,452,100."""
    doc = corpus_doc("上海/2026年上海市政务服务和数据管理局_部门预算.pdf")
    assert not [u.pages for u in doc.tables if u.type == "unknown"]
    [t] = [t for t in doc.tables if t.type == "revenue"]
    assert t.pages == [8, 9, 10] and t.unit == "元"
    assert [c.id for c in t.columns] == ["total", "fiscal_appropriation", "business_income", "operating_income",
                                         "other_income"]
    assert len(t.rows) == 19 and not [r for r in t.rows if "other_income" in r.values]
    assert t.rows[-1].name == "合计" and t.rows[-1].values == {"total": 471452100, "fiscal_appropriation": 471452100}
    assert not [c for c in t.checks if c.status == "fail"]

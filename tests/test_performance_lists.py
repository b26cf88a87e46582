"""Project lists of 项目支出绩效表 (one row per project) and 广州's coded one-cell indicator lists: the list
templates of samples/project_lists.py against the generator's data, and 广州市生态环境局 read off its pages."""
from __future__ import annotations

import sys
from decimal import Decimal

import pytest

from extractor.pipeline import extract

from conftest import ROOT, corpus_doc

sys.path.insert(0, str(ROOT / "samples"))
import project_lists as gen  # noqa: E402

ECO = "广州/2026年广州市生态环境局部门预算.pdf"


def _ind(i):
    return (i.level1, i.level2, i.level3, i.target_raw, i.comparator, i.target_value, i.target_unit, i.period_target_raw)


def test_coded_serialized_levels_split():
    """1.1－产出指标，11－数量指标，…: full-width dashes, levels parted by commas, numbering restarting (1、 again),
    a 二级 coded under another 一级 (2－效益指标，31－服务对象满意度) and a 三级 holding separators of its own."""
    from extractor.mapping.forms.indicators import is_serialized, parse_serialized
    text = ("1.1－产出指标，12－质量指标，年度考核不合格率；实施周期指标值：≤30%，年度指标值：≤30%;2、4－成本指标，"
            "41－经济成本指标，薪酬支出成本；实施周期指标值：≤7万元/人，年度指标值：≤7万元/人；3、2－效益指标，31－服务对象"
            "满意度，系统维护；数据整合、对接；实施周期指标值》90%，年度指标值》90%;1、1－产出指标，11－数量指标，聘用人员数量；"
            "实施周期指标值：10人，年度指标值：10人；")
    assert is_serialized(text)
    assert parse_serialized(text) == [
        ("产出指标", "质量指标", "年度考核不合格率", "≤30%", "≤30%"),
        ("成本指标", "经济成本指标", "薪酬支出成本", "≤7万元/人", "≤7万元/人"),
        ("效益指标", "服务对象满意度", "系统维护；数据整合、对接", "》90%", "》90%"),
        ("产出指标", "数量指标", "聘用人员数量", "10人", "10人")]


def test_guangzhou_eco_one_cell_indicator_lists():
    """p. 47: 机构运行辅助经费 (70.00) and 可移动式喷雾降尘服务专项经费 (39.40), each list in one 绩效指标 cell."""
    doc = corpus_doc(ECO)
    aux = next(p for p in doc.performance if p.project_name == "机构运行辅助经费" and 47 in p.pages)
    assert (aux.year_amount, aux.fiscal_amount, aux.unit_name) == (70, 70, "广州市生态环境局越秀分局")
    assert [_ind(i) for i in aux.indicators] == [
        ("产出指标", "质量指标", "年度考核不合格率", "≤30%", "≤", 30, "%", "≤30%"),
        ("成本指标", "经济成本指标", "薪酬支出成本", "≤7万元/人", "≤", 7, "万元/人", "≤7万元/人"),
        ("效益指标", "社会效益", "人员辞退率", "≤30%", "≤", 30, "%", "≤30%"),
        ("产出指标", "数量指标", "聘用人员数量", "10人", None, 10, "人", "10人")]
    spray = next(p for p in doc.performance if p.project_name == "可移动式喷雾降尘服务专项经费")
    assert spray.year_amount == 39.4 and len(spray.indicators) == 8
    assert _ind(spray.indicators[2])[:4] == ("满意度指标", "服务对象满意度", "涉喷雾降尘的重复投诉率", "≤30%")
    assert _ind(spray.indicators[-1]) == ("产出指标", "数量指标", "配备设备数量", "2台", None, 2, "台", "2台")
    # every indicator of the file has its 年度指标值 but one, printed blank (总结报告通过专家评审, 年度指标值：)
    missing = [(p.project_name, i.level3) for p in doc.performance for i in p.indicators if not i.target_raw]
    assert missing == [("大气污染防治专项经费", "总结报告通过专家评审")]      # p. 92


def test_unit_subtotal_within_the_rounding_of_its_projects():
    """p. 1: 广州市生态环境局 prints 12,887.86 over 50 projects whose printed amounts sum to 12,887.88: each amount
    is rounded to the cent, so a sum of 50 may be off by up to 0.25."""
    first = corpus_doc(ECO).performance[0]
    assert [(c.rule, c.status, c.detail) for c in first.checks] == [
        ("project_list.unit_total", "pass", "广州市生态环境局: printed 12887.86, Σ 50 projects 12887.88")]


def test_same_project_name_under_three_units_is_three_projects():
    """p. 122: 机构运行辅助经费 printed under 南沙第六环保所, 南沙第七环保所 and 南沙环境监测站: three projects."""
    doc = corpus_doc(ECO)
    aux = [p for p in doc.performance if p.project_name == "机构运行辅助经费" and p.pages == [122]]
    assert [(p.unit_name, p.year_amount, len(p.indicators)) for p in aux] == [
        ("广州市生态环境局南沙第六环保所", 30.34, 5), ("广州市生态环境局南沙第七环保所", 94.89, 5),
        ("广州市生态环境局南沙环境监测站", 33.4, 5)]


@pytest.mark.parametrize("name", list(gen.LISTS))
def test_project_list_rows_are_projects(name):
    """Each row of the list is a project entry with its unit, amount and goal; the 合计 is none; nothing is dropped
    (a project named like the one above under another unit included)."""
    spec = gen.LISTS[name]
    doc = extract(ROOT / "samples" / "project_lists" / f"{name}.pdf")
    got = [(p.unit_name, p.project_name, p.year_amount) for p in doc.performance]
    want = [(u, n, float(Decimal(a.replace(",", ""))) if "." in a else int(a.replace(",", "")))
            for u, n, a in spec["rows"]]
    assert got == want
    field = "overall_goal" if "总体" in spec["header"][-1] else "annual_goal"
    assert [getattr(p, field) for p in doc.performance] == [gen._GOAL.format(unit=u, name=n) for u, n, _ in spec["rows"]]
    assert all(p.type == "project_performance" and not p.warnings for p in doc.performance)
    assert sum(Decimal(str(p.year_amount)) for p in doc.performance) == gen.total(spec["rows"])
    # the 合计 row is no project: it is the list's total, checked against the projects' sum
    assert {Decimal(str(p.list_total)) for p in doc.performance} == {gen.total(spec["rows"])}
    assert [(c.rule, c.status) for c in doc.performance[0].checks] == [("project_list.total", "pass")]


def test_list_total_check_names_a_lost_row():
    from extractor.models import PerformanceTable
    from extractor.reconcile.forms.performance_checks import list_totals
    forms = [PerformanceTable(type="project_performance", pages=[1], title="t", year_amount=a, list_total=171462.41)
             for a in (100000, 62666.5)]
    list_totals(forms)
    [check] = forms[0].checks
    assert (check.rule, check.status, check.detail) == (
        "project_list.total", "fail", "printed 171462.41, Σ 2 projects 162666.5")


def test_seventeen_projects_171462_41():
    doc = extract(ROOT / "samples" / "project_lists" / "list_numbered.pdf")
    assert len(doc.performance) == 17 and gen.total(gen.LISTS["list_numbered"]["rows"]) == Decimal("171462.41")
    assert [p.pages for p in doc.performance].count([2]) == 7


# ---- amounts and texts of a form that no field held ----------------------------------------------
def test_form_amounts_without_a_field_kept():
    """上年结转 750.00 beside 当年预算, 其中：补助区县 12,700.00: `other_amounts` {label, value}; 项目实施期目标 beside
    项目总体绩效目标: `period_goal`; the 分值权重（90分） column: each indicator's `points`."""
    f = gen.FORM
    doc = extract(ROOT / "samples" / "project_lists" / "form_extra_amounts.pdf")
    [form] = doc.performance
    amounts = dict(f["amounts"])
    assert (form.total_amount, form.year_amount) == (15200, 14450) == tuple(
        int(Decimal(amounts[k].replace(",", ""))) for k in ("项目资金总额", "当年预算"))
    assert [(a.label, a.value) for a in form.other_amounts] == [
        (label, int(Decimal(v.replace(",", "")))) for label, v in f["amounts"][2:]]
    assert (form.overall_goal, form.period_goal, form.annual_goal) == (f["overall_goal"], f["period_goal"], f["annual_goal"])
    assert [(i.level3, i.target_raw, i.points) for i in form.indicators] == [
        (l3, target, int(points)) for _, _, l3, target, points in f["indicators"]]


def test_chongqing_city_spending_kept():
    """重庆市科学技术局 p. 27 (市级重点专项资金绩效目标表): 当年预算 109,703.00 | 市级支出 109,703.00 | 补助区县 (blank)."""
    [form] = [p for p in corpus_doc("重庆/2026年重庆市科学技术局部门预算.pdf").performance if 27 in p.pages]
    assert form.year_amount == 109703
    assert [(a.label, a.value) for a in form.other_amounts] == [("市级支出", 109703)]


def test_xian_points_column_and_goals_under_their_labels():
    """西安 专项资金总体绩效目标表: the 分值权重（90分） column (公安局 p. 52) and 实施期总目标 | 年度目标 printed over
    their texts (科技创新局 p. 77)."""
    police = corpus_doc("西安/2026年西安市公安局部门预算.pdf")
    [form] = [p for p in police.performance if 52 in p.pages]
    assert [(i.level3, i.target_raw, i.points) for i in form.indicators[-8:]] == [      # the rows p. 52 prints
        ("仓储服务监控时长(小时/天)", "24", 4), ("提升专业训练能力", "有效", 6), ("危爆物品存放安全率（%）", "100%", 6),
        ("对扣押涉案危废物品有效管控（%）", "100%", 6), ("提升公安新质战斗力和应急处突能力", "长期", 6),
        ("保障扣押涉案危废物品处置能力", "长期", 6), ("社会治安满意度（%）", "≥85%", 5), ("民警满意度（%）", "≥90%", 5)]
    science = corpus_doc("西安/科技创新局_2026年部门预算.pdf")
    [talent] = [p for p in science.performance if p.project_name == "西安市引进海外高层次人才智力项目"]
    assert talent.period_goal == "通过项目引进我市紧缺的海外高层次人才不少于100名，实现新增知识产权不少于25项。"
    assert talent.annual_goal == talent.period_goal
    assert talent.indicators[0].level3 == "引进海外高层次人才数量" and talent.indicators[0].target_raw == "100人"
    # 医疗保障局 p. 50 prints the template blank: its 目标1：目标2：目标3：…… prompts are no goals
    [blank] = [p for p in corpus_doc("西安/医疗保障局_2026年部门预算.pdf").performance if p.pages == [50]]
    assert (blank.period_goal, blank.annual_goal) == (None, None)
    assert [w.code for w in blank.warnings][-1] == "empty_form"


def test_tidy_export_keeps_the_new_amounts(tmp_path):
    import csv
    from extractor.write import document_json
    from extractor.write.tidy import export
    doc = extract(ROOT / "samples" / "project_lists" / "form_extra_amounts.pdf")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "form.json").write_text(document_json(doc), encoding="utf-8")
    export(tmp_path / "out", tmp_path / "tidy.csv", "csv")
    [project] = list(csv.DictReader(open(tmp_path / "tidy.projects.csv", encoding="utf-8")))
    assert project["other_amounts"] == "上年结转=750;其中：补助区县=12700"
    assert project["period_goal"] == gen.FORM["period_goal"]
    rows = list(csv.DictReader(open(tmp_path / "tidy.indicators.csv", encoding="utf-8")))
    assert [r["points"] for r in rows] == ["20.0", "20.0", "30.0", "30.0"]

"""绩效目标表: the seed rendering against the generator's data, template order, targets, a real list form."""
from __future__ import annotations

import json
import re

import pytest

from extractor.mapping.targets import parse_target
from extractor.pipeline import extract

from conftest import GOLDEN, ROOT, extracted

SEED_TEXT = ROOT.parent / "shared" / "seed" / "000_c03462864472638b.txt"


@pytest.fixture(scope="module")
def seed():
    doc = json.loads(__import__("extractor.write", fromlist=["document_json"]).document_json(
        extract(ROOT / "samples" / "jiyuan_2020_full.pdf")))
    golden = json.loads((GOLDEN / "jiyuan_2020_full.json").read_text(encoding="utf-8"))
    return doc, golden


def test_all_71_tables_every_field_and_indicator(seed):
    doc, golden = seed
    assert len(doc["performance"]) == len(golden["performance"]) == 71
    assert [p["type"] for p in doc["performance"]].count("department_performance") == 1
    for got, want in zip(doc["performance"], golden["performance"]):
        for key, value in want.items():
            if key == "indicators":
                assert len(got["indicators"]) == len(value), want.get("project_name")
                for g, w in zip(got["indicators"], value):
                    assert {k: g[k] for k in w} == w, (want.get("project_name"), w)
            else:
                assert got[key] == value, (want.get("project_name"), key)


def test_project_names_and_amounts_against_the_seed_text(seed):
    if not SEED_TEXT.is_file():
        pytest.skip(f"seed text not available: {SEED_TEXT}")
    text = SEED_TEXT.read_text(encoding="utf-8")
    printed = re.findall(r"^项目名称\t([^\t\n]+)", text, flags=re.M)
    doc, _ = seed
    projects = [p for p in doc["performance"] if p["type"] == "project_performance"]
    assert len(printed) == len(projects) == 70
    assert [p["project_name"] for p in projects] == [n.strip() for n in printed]
    amounts = [float(a.replace(",", "")) for a in re.findall(r"^项目总金额\t([\d,.]+)", text, flags=re.M)]
    assert [p["total_amount"] for p in projects] == amounts


TEMPLATE = {"投入与目标管理": ["投入管理", "财务管理", "项目管理", "资产管理"],
            "产出目标": ["数量", "质量", "时效", "成本"],
            "效果目标": ["经济效益", "社会效益", "环境效益", "满意度"],
            "影响力目标": ["长效管理", "人力资源", "部门协助", "配套设施", "信息共享", "其它"]}


@pytest.mark.parametrize("project", ["办案业务费", "城区巡防经费", "机动车号牌费", "机房服务器维护", "酒精检测费"])
def test_displaced_merged_cells_follow_the_template(seed, project):
    doc, _ = seed
    [table] = [p for p in doc["performance"] if (p.get("project_name") or "").endswith(project)]
    pairs = []
    for ind in table["indicators"]:
        if (ind["level1"], ind["level2"]) not in pairs:
            pairs.append((ind["level1"], ind["level2"]))
    expected = [(l1, l2) for l1, l2s in TEMPLATE.items() for l2 in l2s]
    assert pairs == expected                 # every template row kept, in the template's order


@pytest.mark.parametrize("raw, comparator, value, unit, qualitative", [
    ("=100%", "=", 100, "%", False), ("≥95%", "≥", 95, "%", False), ("≤15%", "≤", 15, "%", False),
    ("≥1000万元", "≥", 1000, "万元", False), ("≥3.5万付", "≥", 3.5, "万付", False), ("=8个", "=", 8, "个", False),
    ("≥38000份", "≥", 38000, "份", False), ("90%", None, 90, "%", False), ("0", None, 0, None, False),
    ("合理", None, None, None, True), ("公平、公正", None, None, None, True), ("≥85", "≥", 85, None, False),
    ("400万", None, 400, "万", False)])
def test_targets(raw, comparator, value, unit, qualitative):
    t = parse_target(raw)
    assert (t.comparator, t.value, t.unit, t.qualitative) == (comparator, value, unit, qualitative)


def test_fused_name_and_value_split():
    t = parse_target("每年酒精检测人员 ≥1000人")
    assert (t.name_prefix, t.comparator, t.value, t.unit) == ("每年酒精检测人员", "≥", 1000, "人")
    assert parse_target("完成计划还款率100%").name_prefix == "完成计划还款率"


def test_list_form_changsha():
    """长沙 prints its projects as row groups of one wide table over pages 22-29 (read off the pages)."""
    doc = extracted("长沙 2026年长沙市信访局部门预算.pdf")
    projects = [p for p in doc.performance if p.type == "project_performance"]
    assert [(p.project_name, p.year_amount, p.unit_code) for p in projects] == [
        ("基层及其他信访业务工作经费专项", 35.78, "126001"), ("人民来访接待中心及特护期运行专项", 10.22, "126001"),
        ("人民来访接待中心业务专项", 102.8, "126001"), ("信访业务工作专项", 138.11, "126001")]
    first = projects[0].indicators
    assert (first[0].level1, first[0].level2, first[0].level3, first[0].target_raw, first[0].comparator,
            first[0].target_value, first[0].target_unit) == ("成本指标", "经济成本指标", "总成本", "35.78", "≤", 35.78, "万元")
    assert (first[3].level3, first[3].target_value, first[3].target_unit) == ("调拨经费单位数", 10, "个")
    dept = [p for p in doc.performance if p.type == "department_performance"]
    assert len(dept) == 1 and dept[0].pages == [30, 31, 32] and len(dept[0].indicators) == 25


def test_tidy_export_has_one_row_per_indicator(seed, tmp_path):
    import csv
    from extractor.write.tidy import export
    doc, _ = seed
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "seed.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    numbers, indicators, n, m = export(tmp_path / "out", tmp_path / "tidy.csv", "csv")
    rows = list(csv.DictReader(open(indicators, encoding="utf-8")))
    assert m == len(rows) == sum(len(p["indicators"]) for p in doc["performance"]) > 1800
    row = next(r for r in rows if r["project_name"] == "办案业务费" and r["level3"] == "预算执行率")
    assert (row["level1"], row["level2"], row["target_raw"], row["comparator"], row["target_value"], row["target_unit"]) == \
        ("投入与目标管理", "投入管理", "=100%", "=", "100.0", "%")


def test_serialized_form_guangzhou():
    """广州 prints each project's indicators in one cell: 1、1-产出指标；11-数量指标；…；实施周期指标值:…；年度指标值:…。"""
    doc = extracted("广州 政务服务和数据管理局_广州市政务服务和数据管理局2026年项目支出绩效目标表（含转移支付项目）.pdf")
    first = doc.performance[0]
    assert (first.project_name, first.year_amount) == ("广州市政务服务和数据管理局数字政府运营中心穗智管运营服务项目", 1391.47)
    assert len(first.indicators) == 7
    ind = first.indicators[0]
    assert (ind.level1, ind.level2, ind.level3, ind.target_raw, ind.period_target_raw, ind.comparator,
            ind.target_value, ind.target_unit) == ("产出指标", "数量指标", "会议活动保障次数", "每年≥20场", "每年≥20场",
                                                   "≥", 20, "场")
    last = first.indicators[-1]
    assert (last.level1, last.level2, last.level3, last.target_raw) == ("成本指标", "经济成本指标", "资金使用合规率", "100%")
    assert doc.tables == [] and all(p.type == "project_performance" for p in doc.performance)

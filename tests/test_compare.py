"""`diff_documents` on 绩效目标表: a golden's performance tables are checked, not passed unread."""
from __future__ import annotations

import copy
import json

from extractor.compare import diff_documents

from conftest import GOLDEN, as_json, cli_diff, extracted

CHANGSHA = "长沙 2026年长沙市信访局部门预算"


def _real() -> tuple[dict, dict]:
    doc = as_json(extracted(CHANGSHA + ".pdf"))
    golden = json.loads((GOLDEN / "real" / f"{CHANGSHA}.json").read_text(encoding="utf-8"))
    return doc, golden


def _form(name: str, page: int, indicators: list[tuple]) -> dict:
    return {"type": "project_performance", "pages": [page], "project_name": name,
            "indicators": [dict(zip(("level1", "level2", "level3", "target_raw"), i)) for i in indicators]}


IND = [("产出指标", "数量指标", "场次", "≥5"), ("产出指标", "质量指标", "合格率", "100%"),
       ("效益指标", "社会效益指标", "覆盖面", "提高"), ("满意度指标", "服务对象满意度指标", "满意度", "≥90%")]


def test_real_golden_matches_then_names_a_changed_indicator_target():
    doc, golden = _real()
    assert diff_documents(doc, golden) == []
    golden["performance"][0]["indicators"][1]["target_raw"] = "36"
    assert diff_documents(doc, golden) == [
        "performance 1 project_performance p22 基层及其他信访业务工作经费专项 indicator 2 (成本指标 / 社会成本指标 / 无): "
        "target_raw is '无', expected '36'"]


def test_real_golden_names_a_missing_performance_table():
    doc, golden = _real()
    doc["performance"] = [p for p in doc["performance"] if p.get("project_name") != "基层及其他信访业务工作经费专项"]
    assert diff_documents(doc, golden) == [
        "missing performance: performance 1 project_performance p22 基层及其他信访业务工作经费专项"]


def test_cli_diff_fails_on_a_performance_difference(tmp_path):
    doc, golden = _real()
    golden["performance"][0]["year_amount"] = 35.79
    res = cli_diff(doc, golden, tmp_path)
    assert res.returncode == 1
    assert res.stdout.strip() == ("performance 1 project_performance p22 基层及其他信访业务工作经费专项: "
                                  "year_amount is 35.78, expected 35.79")


def test_forms_pair_by_project_not_by_order():
    a, b = _form("甲项目", 3, IND), _form("乙项目", 3, IND[:2])
    assert diff_documents({"performance": [b, a]}, {"performance": [a, b]}) == []
    assert diff_documents({"performance": [a]}, {"performance": [a, b]}) == [
        "missing performance: performance 2 project_performance p3 乙项目"]


def test_extra_forms_reported_unless_the_golden_is_partial():
    a, b = _form("甲项目", 3, IND), _form("乙项目", 4, IND)
    assert diff_documents({"performance": [a, b]}, {"performance": [a]}) == [
        "extra performance: performance 2 project_performance p4 乙项目"]
    assert diff_documents({"performance": [a, b]}, {"partial": True, "performance": [a]}) == []


def test_a_misread_name_is_a_field_difference_when_the_page_leaves_no_doubt():
    got = _form("甲项曰", 3, IND)
    assert diff_documents({"performance": [got]}, {"performance": [_form("甲项目", 3, IND)]}) == [
        "performance 1 project_performance p3 甲项目: project_name is '甲项曰', expected '甲项目'"]


def test_indicators_in_order_missing_and_extra_not_a_shift():
    want = _form("甲项目", 3, IND)
    got = copy.deepcopy(want)
    del got["indicators"][1]
    got["indicators"].append(dict(zip(("level1", "level2", "level3", "target_raw"), ("成本指标", "经济成本指标", "总成本", "5"))))
    got["indicators"][2]["target_raw"] = "≥80%"
    where = "performance 1 project_performance p3 甲项目"
    assert diff_documents({"performance": [got]}, {"performance": [want]}) == [
        f"{where}: missing indicator 2 (产出指标 / 质量指标 / 合格率)",
        f"{where} indicator 4 (满意度指标 / 服务对象满意度指标 / 满意度): target_raw is '≥80%', expected '≥90%'",
        f"{where}: extra indicator 4 (成本指标 / 经济成本指标 / 总成本)"]
    del got["indicators"][-1]
    assert f"{where}: 3 indicators, expected 4" in diff_documents({"performance": [got]}, {"performance": [want]})


def test_only_the_fields_the_golden_holds():
    want = _form("甲项目", 3, IND[:1])
    got = copy.deepcopy(want)
    got["indicators"][0] |= {"period_target_raw": "≥10", "comparator": "≥"}
    got |= {"title": "项目支出绩效目标表", "year_amount": 12.5}
    assert diff_documents({"performance": [got]}, {"performance": [want]}) == []
    want["indicators"][0]["period_target_raw"] = "≥12"
    want["budget"] = {"total": 10}
    got["budget"] = {"total": 10, "fiscal": 8}
    assert diff_documents({"performance": [got]}, {"performance": [want]}) == [
        "performance 1 project_performance p3 甲项目 indicator 1 (产出指标 / 数量指标 / 场次): "
        "period_target_raw is '≥10', expected '≥12'"]


def test_no_performance_key_no_performance_compared():
    assert diff_documents({"performance": [_form("甲项目", 3, IND)]}, {"tables": []}) == []

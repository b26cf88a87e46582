"""Performance forms of the whole development corpus (../shared/corpus): no indicator without a 三级指标,
none without a target unless the page prints none (then a no_target warning names it), no prose read as
indicators, and ``empty_form`` only on forms printed blank. Every (file, page) listed here was rendered
(pdftoppm) and read by eye. Skipped when ../shared/corpus is not beside the checkout."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS

# Forms printed as blank templates (rendered and read): 西安's 专项资金总体绩效目标表 (表16) with every
# value cell empty (医疗保障局 p50 prints only the placeholders 目标1：/指标1：/……), and 重庆 政府办公厅
# p23 表十一 "备注：本单位主管无市级财力安排的重点专项资金，故此表无数据".
EMPTY_FORMS = [
    ("西安/2026年西安市人民政府办公厅部门预算.pdf", 44),
    ("西安/2026年西安市公安局部门预算.pdf", 77),
    ("西安/2026年西安市审计局部门预算.pdf", 44),
    ("西安/医疗保障局_2026年部门预算.pdf", 50),
    ("西安/国有资产监督管理委员会_2026年部门预算.pdf", 42),
    ("西安/政务服务和数据管理局_2026年部门预算.pdf", 46),
    ("重庆/2026年重庆市人民政府办公厅部门预算.pdf", 23),
]

# Indicators whose 指标值 cell the page leaves blank (rendered and read): 卫生健康委员会 pp70/71 生态效益
# (分值 8, 得分 8, no 年度指标值, no 实际完成值); 工业和信息化局 p57 "指标 8：办公设备一批" (of the
# department form of pp56-59) with an empty 指标值 cell; 广州 生态环境局 p92 大气污染防治专项经费, whose one-cell list
# prints "总结报告通过专家评审；实施周期指标值：通过验收，年度指标值：7、2－效益指标…" (the 年度指标值 left blank).
NO_TARGET = [
    ("广州/2026年广州市生态环境局部门预算.pdf", 92, "总结报告通过专家评审"),
    ("西安/卫生健康委员会_2026年部门预算.pdf", 70, "生态效益"),
    ("西安/卫生健康委员会_2026年部门预算.pdf", 71, "生态效益"),
    ("西安/工业和信息化局_2026年部门预算.pdf", 56, "办公设备一批"),
    # 成本指标 | 办公费/印刷费/…（拨付社科基金课题） | (指标值 printed blank)
    ("西安/科技创新局_2026年部门预算.pdf", 72, "办公费/印刷费/差旅费/会议费/劳务费/委托业务费/其他商品和服务费（拨付社科基金课题）"),
]
# Indicators the page prints with no 三级 (指标内容) at all, only a value: 产出指标 | 时效指标 | (blank) | 全年
NO_LEVEL3 = [
    ("西安/科技创新局_2026年部门预算.pdf", 66, "全年"),
]


def _forms(out: Path):
    for pdf in sorted(CORPUS.rglob("*.pdf")):
        rel = pdf.relative_to(CORPUS).as_posix()
        doc = json.loads((out / rel).with_suffix(".json").read_text(encoding="utf-8"))
        for form in doc.get("performance", []):
            yield rel, form


def test_empty_forms_are_the_blank_templates(corpus_out):
    empty = []
    for rel, form in _forms(corpus_out):
        if any(w["code"] == "empty_form" for w in form["warnings"]):
            assert not form["indicators"] and not form["project_name"], (rel, form["pages"])
            empty.append((rel, form["pages"][0]))
    assert sorted(empty) == sorted(EMPTY_FORMS)


def test_no_indicator_without_level3_or_target(corpus_out):
    no_level3, no_target = [], []
    for rel, form in _forms(corpus_out):
        codes = [w["code"] for w in form["warnings"]]
        missing = [i for i in form["indicators"] if not i["target_raw"]]
        assert codes.count("no_target") == len(missing), (rel, form["pages"])
        no_target += [(rel, form["pages"][0], i["level3"]) for i in missing]
        no_level3 += [(rel, form["pages"][0], i["target_raw"]) for i in form["indicators"] if not i["level3"]]
    assert sorted(no_level3) == sorted(NO_LEVEL3)
    assert sorted(no_target) == sorted(NO_TARGET)


def test_no_prose_read_as_indicators(corpus_out):
    """A line of prose under a grid (名词解释, 注, a key-value row of the next form) fills every level
    column with the same text, or opens with a heading or a form's label; no indicator of the corpus does."""
    from extractor import catalog
    from extractor.mapping.forms import performance_fields as pf
    headings = [catalog.norm_label(h) for h in catalog.load("performance")["prose_headings"]]
    prose = []
    for rel, form in _forms(corpus_out):
        for i in form["indicators"]:
            levels = [i["level1"], i["level2"], i["level3"]]
            texts = [catalog.norm_label(t or "") for t in levels + [i["target_raw"]]]
            if (len(set(texts)) == 1 and texts[0]) or any(t.startswith(h) for t in texts for h in headings) \
                    or any(pf.match(t, "fields", fuzzy=False) or pf.leading_field(t) for t in levels if t):
                prose.append((rel, form["pages"][0], levels))
    assert prose == []


def test_shenzhen_project_lists_are_entries(corpus_out):
    """Every 深圳 file's 重点项目绩效目标情况 list comes out as one project_performance entry per project, with
    unit, project, amount and goal."""
    by_file: dict[str, list] = {}
    for rel, form in _forms(corpus_out):
        if rel.startswith("深圳/"):
            by_file.setdefault(rel, []).append(form)
    assert len(by_file) == 16, sorted(by_file)
    for rel, forms in by_file.items():
        for f in forms:
            assert f["type"] == "project_performance" and not f["indicators"], (rel, f["pages"])
            assert f["unit_name"] and f["project_name"] and f["year_amount"] is not None and f["annual_goal"], \
                (rel, f["pages"], f["project_name"])

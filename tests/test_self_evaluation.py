"""Self-evaluation forms (绩效自评表) and 深圳's project list, against the printed pages of the corpus.

Every expected value below was read off the rendered page (pdftoppm) and its text layer, not taken from
the extractor. Skipped when ../shared/corpus is not beside the checkout."""
from __future__ import annotations

import re


from conftest import corpus_doc as doc_of

XIAN = "西安/卫生健康委员会_2026年部门预算.pdf"
SHENZHEN = "深圳/2026年深圳市生态环境局部门预算.pdf"


def _row(ind):
    return (ind.level2, ind.level3, ind.target_raw, ind.actual_raw, ind.points, ind.score)


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_every_xian_self_evaluation_form_is_typed():
    doc = doc_of(XIAN)
    forms = [p for p in doc.performance if p.type.endswith("_self_evaluation")]
    # pp30-143 print 89 titles …绩效自评表 (pp70/71 and pp85/86 each hold two forms under one title)
    assert len(forms) == 89
    assert [p.type for p in forms].count("department_self_evaluation") == 1
    assert not [t for t in doc.tables if t.type == "unknown" and t.title and "绩效自评表" in t.title]
    for form in forms:
        assert form.indicators and form.total_score is not None, form.pages
        for ind in form.indicators:
            assert ind.level3 and ind.points is not None and ind.score is not None, (form.pages, ind)


def test_xian_pest_control_form_p55():
    """p. 55: 西安市级2022年病媒生物防制项目绩效自评表."""
    [form] = [p for p in doc_of(XIAN).performance if p.pages == [55]]
    assert form.type == "project_self_evaluation"
    assert (form.project_name, form.department, form.unit_name) == ("2022年病媒生物防制", "西安市卫生健康委员会",
                                                                     "西安市卫生健康委员会")
    b = form.budget_execution
    assert (b.initial_budget, b.annual_budget, b.executed, b.weight, b.execution_rate, b.score) == \
        (240, 229.19, 229.19, 10, 100, 10)
    assert form.overall_goal.startswith("将病媒生物密度控制在国家标准范围之内")
    assert form.overall_result.startswith("将病媒生物密度控制在国家标准范围之内")
    assert [(i.level1, *_row(i)) for i in form.indicators] == [
        ("产出指标", "数量指标", "消杀覆盖区县（开发区）数量", "16个", "16个", 12.5, 12.5),
        ("产出指标", "质量指标", "控制病媒生物密度", "国家标准范围之内", "国家标准范围之内", 12.5, 12.5),
        ("产出指标", "时效指标", "项目实施时效", "全年", "全年", 12.5, 12.5),
        ("产出指标", "成本指标", "全年项目经费支出", "240万元", "229.19万元", 12.5, 12.5),
        ("效益指标", "社会效益指标", "项目实施实现社会效益", "减少病媒生物传播疾病", "减少病媒生物传播疾病", 15, 15),
        ("效益指标", "可持续影响指标", "项目实施可持续影响", "长期", "长期", 15, 15),
        ("满意度指标", "服务对象满意度指标", "群众满意率", "≥90%", "≥90%", 10, 10),
    ]
    assert form.total_score == 100
    assert {c.rule: c.status for c in form.checks} == {"self_evaluation.total_score": "pass",
                                                       "self_evaluation.execution_rate": "pass",
                                                       "self_evaluation.score_within_points": "pass"}


def test_xian_disease_control_centre_form_p90():
    """p. 90: 西安市公共卫生中心（西安市疾病预防控制中心新址）项目建设项目绩效自评表, title over two lines."""
    [form] = [p for p in doc_of(XIAN).performance if p.pages == [90]]
    assert form.project_name == "西安市公共卫生中心（西安市疾病预防控制中心新址）项目建设"
    assert form.unit_name == "西安市疾病预防控制中心"
    b = form.budget_execution
    # 年初预算数 printed "-"; 全年预算数 5,000.00; 全年执行数 5,000.00; 分值 10; 执行率 100.00%; 得分 10.00
    assert (b.initial_budget, b.annual_budget, b.executed, b.weight, b.execution_rate, b.score) == \
        (None, 5000, 5000, 10, 100, 10)
    assert [_row(i) for i in form.indicators] == [
        ("数量指标", "支持项目数量（个）", "1", "1", 12.5, 12.5),
        ("质量指标", "工程指标验收通过率", "≥95%", "≥95%", 12.5, 10),
        ("时效指标", "中央预算内投资支付率", "≥65%", "≥65%", 12.5, 12.5),
        ("成本指标", "改善医疗卫生基础设施条件", "得到改善", "得到改善", 12.5, 12.5),
        ("经济效益指标", "项目开工率", "≥90%", "≥90%", 7.5, 7.5),
        ("社会效益指标", "改善医疗卫生基础设施条件", "得到改善", "得到改善", 7.5, 6),
        ("生态效益指标", "医疗卫生资源配置", "逐步优化", "逐步优化", 7.5, 6),
        ("社会效益指标", "医疗卫生资源配置", "逐步优化", "逐步优化", 7.5, 6),
        ("服务对象满意度指标", "提高全市医疗卫生基础设施条件", "满意", "满意", 10, 9),
    ]
    assert [i.level1 for i in form.indicators] == ["产出指标"] * 4 + ["效益指标"] * 4 + ["满意度指标"]
    assert form.total_score == 92                                  # 82 of the indicators + 10 of the budget
    assert all(c.status == "pass" for c in form.checks)


def test_xian_department_form_over_two_pages():
    """pp. 30-31: 西安市卫生健康委员会部门整体支出绩效自评表: the budget by task on p30, the grid on p31."""
    [form] = [p for p in doc_of(XIAN).performance if p.type == "department_self_evaluation"]
    assert form.pages == [30, 31] and form.department == "西安市卫生健康委员会"
    b = form.budget_execution          # 金额合计 line
    assert (b.annual_budget, b.executed, b.weight, b.execution_rate, b.score) == (2495142.55, 2074962.01, 10, 83.16, 10)
    assert len(b.lines) == 17 and (b.lines[0].label, b.lines[0].annual_budget, b.lines[0].score) == ("一般公共服务支出", 56, 0.58)
    assert [t.name for t in form.tasks][:3] == ["一般公共服务支出", "学前教育", "中等职业教育"]
    assert len(form.indicators) == 20
    assert _row(form.indicators[7]) == ("数量指标", "引进高层次人次", "≥800人", "744人", 2, 1.5)
    assert _row(form.indicators[16]) == ("成本指标", "全年经费支出", "1678648.28万元", None, 10, 10)   # 实际完成值 blank
    assert form.total_score == 99.5
    assert all(c.status == "pass" for c in form.checks)


def test_xian_publication_errors_are_failed_with_both_numbers():
    forms = {p.pages[0]: p for p in doc_of(XIAN).performance}
    # p. 98 prints 执行率 1000% for 400 / 400
    rate = {c.rule: c for c in forms[98].checks}["self_evaluation.execution_rate"]
    assert rate.status == "fail" and "1000%" in rate.detail and "400 / 400" in rate.detail
    # p. 70 prints 总分 90: the nine indicator 得分 add to 90, the budget's 得分 9.98 is left out
    total = {c.rule: c for c in forms[70].checks}["self_evaluation.total_score"]
    assert total.status == "fail" and "printed 90" in total.detail and "9.98" in total.detail


def test_shenzhen_project_list():
    """pp. 38-51: 二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标, untitled, the goals wrapped over pages."""
    doc = doc_of(SHENZHEN)
    projects = [p for p in doc.performance if p.type == "project_performance"]
    assert len(projects) == 39                     # p. 37: 设置并编报 39 个项目绩效目标
    first = projects[0]
    assert (first.unit_name, first.project_name, first.year_amount) == ("深圳市生态环境局（本级）", "污染防治", 18686.86)
    goal = _squash(first.annual_goal)
    assert goal.startswith("目标1：通过开展生物多样性调查评估")
    assert "动态掌握全市（疑似）污染地块安全利用情况" in goal          # joined across the break of pp. 38/39
    assert goal.endswith("专家对项目成果的满意度100%。")              # the end of the goal on p. 42
    assert not [t for t in doc.tables if t.type == "unknown"]

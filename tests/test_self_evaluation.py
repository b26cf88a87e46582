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
                                                       "self_evaluation.score_within_points": "pass",
                                                       "self_evaluation.funds_split": "skipped"}   # no 财政拨款 | 其他资金 split


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
    assert {c.rule: c.status for c in form.checks}["self_evaluation.funds_split"] == "skipped"
    assert all(c.status == "pass" for c in form.checks if c.rule != "self_evaluation.funds_split")


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
    # 全年预算数 and 全年执行数 each print 总额 | 财政拨款 | 其他资金 (p30): every part is kept, and each 总额 is its sum
    assert (b.annual_fiscal, b.annual_other, b.executed_fiscal, b.executed_other) == \
        (869407.93, 1625734.62, 869329.38, 1205632.63)
    hospitals = next(line for line in b.lines if line.label == "公立医院")
    assert (hospitals.annual_budget, hospitals.annual_fiscal, hospitals.annual_other) == (1700895.6, 122020.6, 1578875)
    assert (hospitals.executed, hospitals.executed_fiscal, hospitals.executed_other) == (1295897.69, 122020.6, 1173877.09)
    task = next(t for t in form.tasks if t.name == "公立医院")
    assert (task.total, task.fiscal, task.other) == (1700895.6, 122020.6, 1578875)
    split = {c.rule: c for c in form.checks}["self_evaluation.funds_split"]
    assert split.detail == "36 sums hold"          # 18 lines × (全年预算数, 全年执行数)


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


# Indicators whose target (年度指标值) or 实际完成值 cell is printed blank, read off the rendered pages:
# p31 (the department form) 全年经费支出 prints no 实际完成值; pp70/71 生态效益 print neither value (分值 8,
# 得分 8); p82 the two 放射工作 rows print no 实际完成值; p133 患者满意度 prints none ("2023年4月运营，目前没有
# 患者满意率数据" in its 偏差原因).
XIAN_BLANK_VALUES = {
    (30, "全年经费支出"): ("1678648.28万元", None),
    (70, "生态效益"): (None, None),
    (71, "生态效益"): (None, None),
    (82, "医院放射工作个人剂量监测率"): ("100%", None),
    (82, "医院放射工作人员个人双剂量计佩戴率"): ("100%", None),
    (133, "患者满意度"): ("95%", None),
}


def test_every_xian_indicator_has_its_target_and_actual_value():
    """Every indicator of the 89 forms carries its target and actual value, points and score, except the
    cells the page prints blank; an indicator printed with no target is named in a no_target warning."""
    forms = [p for p in doc_of(XIAN).performance if p.type.endswith("_self_evaluation")]
    blank = {}
    for form in forms:
        for ind in form.indicators:
            assert ind.level3 and ind.points is not None and ind.score is not None, (form.pages, ind)
            if not ind.target_raw or not ind.actual_raw:
                blank[(form.pages[0], ind.level3)] = (ind.target_raw, ind.actual_raw)
        warned = [w for w in form.warnings if w.code == "no_target"]
        assert len(warned) == sum(not i.target_raw for i in form.indicators), form.pages
    assert blank == XIAN_BLANK_VALUES
    assert sum(len(f.indicators) for f in forms) == 741


# Checks that fail on the page's own arithmetic (each read off the page): pp70/71 print a 总分 that leaves
# out the budget-execution 得分; p72 prints 执行率 100.005 for 316.82 / 316.82 on its 当年财政拨款 line;
# pp98-103 and pp138-141 print 执行率 1000% on the 年度资金总额 line (p139: 423 / 423, 分值 left blank).
XIAN_PUBLICATION_ERRORS = [(70, "self_evaluation.total_score"), (71, "self_evaluation.total_score"),
                           (72, "self_evaluation.execution_rate")] \
    + [(p, "self_evaluation.execution_rate") for p in (98, 99, 100, 101, 102, 103, 138, 139, 140, 141)]


def test_xian_score_checks_pass_where_the_page_adds_up():
    forms = [p for p in doc_of(XIAN).performance if p.type.endswith("_self_evaluation")]
    failing = sorted((f.pages[0], c.rule) for f in forms for c in f.checks if c.status == "fail")
    assert failing == XIAN_PUBLICATION_ERRORS
    ran = [c for f in forms for c in f.checks if c.status != "skipped"]
    assert {c.rule for c in ran} == {"self_evaluation.total_score", "self_evaluation.execution_rate",
                                     "self_evaluation.score_within_points", "self_evaluation.funds_split"}
    assert [f.type for f in forms for c in f.checks if c.rule == "self_evaluation.funds_split" and c in ran] == \
        ["department_self_evaluation"]           # only the department form prints the split
    # every form is checked: Σ 得分 + the budget's 得分 against 总分, and each 得分 against its 分值
    for rule in ("self_evaluation.total_score", "self_evaluation.score_within_points"):
        assert len([c for c in ran if c.rule == rule]) == len(forms), rule


def test_shenzhen_justice_list_headed_at_the_foot_of_the_page_before():
    """深圳市司法局 p12 prints the list's header box (二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标)
    alone at the foot of the page; its 11 projects (p12: 设置并编报11个项目绩效目标) stand on pp13-14, one goal
    cut by the page break. Names and amounts read off the rendered pages."""
    doc = doc_of("深圳/2026年深圳市司法局部门预算.pdf")
    assert [(p.project_name, p.year_amount) for p in doc.performance] == [
        ("非发改立项的建设项目", 7.56), ("公共法律服务", 3493.83), ("机关综合服务", 858.36),
        ("其他司法行政业务", 477.34), ("社工服务项目", 587.9), ("市级人才专项经费", 1332),
        ("统筹协调全面依法治市", 102.96), ("刑事执行", 146.07), ("行政立法、执法", 464.4), ("预算准备金", 335.3),
        ("政务信息化项目（运行维护服务）", 10.75)]
    assert {(p.type, p.unit_name) for p in doc.performance} == {("project_performance", "深圳市司法局（本级）")}
    first, cut = doc.performance[0], doc.performance[3]
    assert _squash(first.annual_goal) == "完成办公大楼的日常管理和维护，确保办公大楼主体稳定，保障办公人员人身安全。"
    assert cut.pages == [13, 14] and _squash(cut.annual_goal).endswith(
        "二是通过完成商事调解组织等级评定、开展人民调解员职业技能竞赛活动等，推动调解工作规范化建设。")
    assert not [t for t in doc.tables if t.type == "unknown"]

"""The output contract (../shared/SCHEMA.md) as pydantic models: the single source of the JSON shape.

Values are ``int`` when the printed number is whole and ``float`` otherwise, so that 371,514,655.00 is
written as 371514655 and 24,979.8 as 24979.8 (see ``text.amounts`` for the exact parse).
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1.0"

Number = Union[int, float]
TableType = str  # one id of catalog/tables.toml, or "unknown"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    file: str
    sha256: str
    pages: int
    producer: Optional[str] = None


class Warning(_Model):
    code: str
    message: str
    page: Optional[int] = None


class Check(_Model):
    rule: str
    status: Literal["pass", "fail", "publication_error", "skipped"]
    detail: str = ""
    evidence: Optional[str] = Field(default=None, description="for `publication_error`: what was read "
                                    "independently and shows the same discrepancy")


class Verdict(_Model):
    """How far the output can be trusted, from the checks and the accounting alone: ``verified`` (every
    check passes or is a corroborated publication error, every printed amount held, no damaged page),
    ``inconsistent`` (a check fails and nothing shows the publication at fault), ``incomplete`` (amounts
    unaccounted, damaged or unreadable pages, OCR amounts unconfirmed), ``not_disclosure``."""
    status: Literal["verified", "inconsistent", "incomplete", "not_disclosure"] = "verified"
    reasons: list[str] = Field(default_factory=list)


class Unaccounted(_Model):
    """An amount a page prints that no field of the output holds and nothing explains."""
    page: int
    text: str = Field(description="the word as printed")
    bbox: tuple[float, float, float, float] = Field(description="x0, top, x1, bottom in PDF points")
    near: Optional[str] = Field(default=None, description="the row (table title / row name) or form it sits "
                                                          "closest to")


class Fact(_Model):
    """A figure stated in the prose (部门预算情况说明 …), with the change against last year when stated."""
    key: Optional[str] = Field(default=None, description="id of catalog/facts.toml, or null when the catalog "
                                                         "does not know the label")
    label: str = Field(description="the words the figure is printed after, as printed")
    value: Number
    unit: str = Field(description="as printed: 元, 万元, 亿元, 辆, 人, %, 台(套) …")
    page: int
    text: str = Field(description="the sentence the figure is printed in")
    year: Optional[int] = Field(default=None, description="year printed in the label (2026年…), if any")
    prior: Optional[Number] = Field(default=None, description="last year's figure, when printed (比上年X万元…)")
    change: Optional[Number] = Field(default=None, description="stated change against last year, signed "
                                                               "(减少 -> negative; 持平 -> 0), in the fact's unit")
    change_rate: Optional[Number] = Field(default=None, description="stated change in %, signed")
    reason: Optional[str] = Field(default=None, description="the stated reason for the change (主要原因是…)")
    share: Optional[Number] = Field(default=None, description="stated share in % (占本年支出预算91.54%)")
    share_of: Optional[str] = Field(default=None, description="what the share is of, as printed")
    status: Optional[Literal["pass", "fail", "skipped"]] = Field(
        default=None, description="outcome of this fact's check against its table counterpart")


class Seal(_Model):
    """A seal (财务专用章, 公章) pressed on a scanned page, found by its colour: researchers take it as
    proof of an official copy. Its ink is taken out before the page is read, so nothing of it becomes
    a cell, a digit or a ruling."""
    page: int
    bbox: tuple[float, float, float, float] = Field(description="x0, top, x1, bottom in PDF points")
    colour: str = Field(description="red, blue, purple or other")


class Column(_Model):
    id: str = Field(description="key under which rows store this column's values: `key`, or `key@measure` "
                                "for 预算数/决算数 pairs, or `key#n` for a repeated key on the same side")
    key: str = Field(description="canonical key (SCHEMA.md), or `unmapped:<label>`")
    label: str = Field(description="printed header path joined by ' / '")
    score: float = Field(description="fuzzy match score of the label against the alias catalog (0-100)")
    measure: Optional[Literal["budget", "final", "prior_year", "current_year", "change", "carryover"]] = Field(
        default=None, description="budget/final for 预算数/决算数 pairs; prior_year/current_year/change where a "
                                  "table prints 2021年 | 2022年 | 增减变化情况 groups; current_year/carryover "
                                  "where it prints 当年预算 | 上年结转结余 groups over the same columns")
    side: Optional[Literal["revenue", "expenditure"]] = None


class CodeLevels(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    class_: Optional[str] = Field(default=None, alias="class")
    item: Optional[str] = None
    subitem: Optional[str] = None


class Label(_Model):
    """A classification printed beside the row's own (e.g. 政府支出经济分类科目 50101-工资奖金津补贴)."""
    code: Optional[str] = None
    name: Optional[str] = None


class Row(_Model):
    kind: Literal["total", "group", "unit", "item"]
    side: Optional[Literal["revenue", "expenditure"]] = None
    code: Optional[str] = None
    code_levels: Optional[CodeLevels] = None
    unit_code: Optional[str] = None
    name: Optional[str] = None
    values: dict[str, Number] = Field(default_factory=dict)
    classifications: dict[str, Label] = Field(
        default_factory=dict, description="other classifications printed on the row, by kind: function, "
                                          "government_economic, department_economic, economic")
    texts: dict[str, str] = Field(
        default_factory=dict, description="text printed on the row in a column that holds no amounts, by column "
                                          "key: goal 绩效目标, remarks 备注, overview, content, purpose, or "
                                          "`unmapped:<label>`")
    page: int
    bbox: tuple[float, float, float, float]
    flags: list[str] = Field(default_factory=list)
    # decimals each value was printed with (12.00: two, which the value 12 has lost), for the checks'
    # tolerance; not written out. A default, not a default_factory: pydantic inspects a factory's
    # signature on every Row it builds, and an empty dict default is copied as cheaply
    _shown: dict[str, int] = PrivateAttr(default={})


class Table(_Model):
    type: TableType
    title: Optional[str] = None
    title_score: float = 0.0
    pages: list[int]
    unit: Optional[Literal["元", "万元", "千元"]] = None
    columns: list[Column] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)
    text_columns: list[Column] = Field(
        default_factory=list, description="columns that print text, not amounts (绩效目标, 备注): the key under "
                                          "which Row.texts holds their cells, with the printed label")
    checks: list[Check] = Field(default_factory=list)
    empty: bool = False
    note: Optional[str] = None
    raw: Optional[list[list[Optional[str]]]] = Field(
        default=None, description="the cell grid as read, kept for tables typed `unknown`")
    seals: list[Seal] = Field(default_factory=list, description="seals pressed over this table's rows")
    verdict: Optional[Verdict] = None


class Indicator(_Model):
    level1: Optional[str] = None
    level2: Optional[str] = None
    level3: Optional[str] = None
    target_raw: Optional[str] = None
    comparator: Optional[Literal["=", "≥", "≤", ">", "<"]] = None
    target_value: Optional[Number] = None
    target_unit: Optional[str] = None
    qualitative: bool = False
    description: Optional[str] = None
    period_target_raw: Optional[str] = None
    activity: Optional[str] = Field(default=None, description="活动 / 工作任务 the indicator is printed under")
    weight: Optional[Number] = Field(default=None, description="指标权重(%) as printed")
    core: Optional[bool] = Field(default=None, description="是否核心 (是 -> true, 否 -> false)")
    scoring: Optional[str] = Field(default=None, description="评(扣)分标准 as printed")
    remark: Optional[str] = Field(default=None, description="备注 of the indicator row as printed")
    # self-evaluation forms (绩效自评表)
    actual_raw: Optional[str] = Field(default=None, description="实际完成值 as printed")
    points: Optional[Number] = Field(default=None, description="分值: the points the indicator can earn")
    score: Optional[Number] = Field(default=None, description="得分: the points it earned")
    deviation: Optional[str] = Field(default=None, description="偏差原因分析及改进措施 as printed")


class Task(_Model):
    """One 年度主要任务 row of a department form: 任务名称, 主要内容 and, where the form prints them, its
    预算金额 (总额 | 财政拨款 | 其他资金, 万元 as printed)."""
    name: Optional[str] = None
    content: Optional[str] = None
    total: Optional[Number] = None
    fiscal: Optional[Number] = None
    other: Optional[Number] = None


class DepartmentBudget(_Model):
    """预算情况 of a department form. Where the form splits both 财政拨款 and 其他资金 into 基本支出 | 项目支出
    (北京 预算13表), ``basic`` / ``project`` are the 财政拨款's and ``other_basic`` / ``other_project`` the other
    funds'."""
    total: Optional[Number] = None
    fiscal: Optional[Number] = None
    other: Optional[Number] = None
    basic: Optional[Number] = None
    project: Optional[Number] = None
    other_basic: Optional[Number] = Field(default=None, description="其他资金 / 基本支出")
    other_project: Optional[Number] = Field(default=None, description="其他资金 / 项目支出")


class BudgetExecutionLine(_Model):
    """One line of a self-evaluation's budget block: a source of funds (当年财政拨款, 上年结转资金) or, on the
    department form, one task's amounts."""
    label: str
    initial_budget: Optional[Number] = None
    annual_budget: Optional[Number] = None
    executed: Optional[Number] = None
    annual_fiscal: Optional[Number] = Field(default=None, description="全年预算数 / 财政拨款, where printed apart")
    annual_other: Optional[Number] = Field(default=None, description="全年预算数 / 其他资金")
    executed_fiscal: Optional[Number] = Field(default=None, description="全年执行数 / 财政拨款")
    executed_other: Optional[Number] = Field(default=None, description="全年执行数 / 其他资金")
    execution_rate: Optional[Number] = Field(default=None, description="执行率 in percent as printed")
    weight: Optional[Number] = None
    score: Optional[Number] = None


class BudgetExecution(_Model):
    """预算执行情况 of a 绩效自评表: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 of the total line."""
    initial_budget: Optional[Number] = None
    annual_budget: Optional[Number] = None
    executed: Optional[Number] = None
    annual_fiscal: Optional[Number] = Field(default=None, description="全年预算数 / 财政拨款, where printed apart")
    annual_other: Optional[Number] = Field(default=None, description="全年预算数 / 其他资金")
    executed_fiscal: Optional[Number] = Field(default=None, description="全年执行数 / 财政拨款")
    executed_other: Optional[Number] = Field(default=None, description="全年执行数 / 其他资金")
    execution_rate: Optional[Number] = Field(default=None, description="执行率 in percent as printed (100.00% -> 100)")
    weight: Optional[Number] = Field(default=None, description="分值 of budget execution")
    score: Optional[Number] = Field(default=None, description="得分 of budget execution")
    lines: list[BudgetExecutionLine] = Field(default_factory=list)


class LabeledAmount(_Model):
    """An amount a form prints that no field takes (上年结转 beside 当年预算, 市级支出, 补助区县), label as printed."""
    label: str
    value: Number


class PerformanceTable(_Model):
    """One 绩效目标表 / 绩效自评表 form. In a project list, a project cell printed beside several amount blocks
    (each with its own 项目总额 / 财政拨款, 绩效目标 and indicators) gives one form per block, each with the
    project's name and code and its own amounts, goal and indicators; ``block`` numbers them."""
    type: Literal["department_performance", "project_performance",
                  "department_self_evaluation", "project_self_evaluation"]
    title: Optional[str] = None
    unit_name: Optional[str] = None
    year: Optional[int] = None
    pages: list[int]
    indicators: list[Indicator] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    seals: list[Seal] = Field(default_factory=list, description="seals pressed on this form's pages")
    # department form
    department: Optional[str] = None
    annual_goal: Optional[str] = None
    tasks: list[Task] = Field(default_factory=list)
    budget: Optional[DepartmentBudget] = None
    department_code: Optional[str] = Field(default=None, description="code printed with the department "
                                           "(主管部门及代码 229_烟台市信访局 -> 229)")
    # project form
    project_name: Optional[str] = None
    project_code: Optional[str] = Field(default=None, description="project code printed before the name "
                                        "(11000021Y000000390843-信息系统运维类项目)")
    unit_code: Optional[str] = None
    fund_use: Optional[str] = None
    owner: Optional[str] = None
    contact: Optional[str] = None
    phone: Optional[str] = None
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    period: Optional[str] = Field(default=None, description="实施期限 as printed (2022-2024年, 1年)")
    total_amount: Optional[Number] = None
    year_amount: Optional[Number] = None
    prev_total_amount: Optional[Number] = None
    prev_year_amount: Optional[Number] = None
    fiscal_amount: Optional[Number] = Field(default=None, description="of the project's amount: 财政拨款 / 财政资金")
    other_amount: Optional[Number] = Field(default=None, description="of the project's amount: 其他资金")
    unit_total: Optional[Number] = Field(default=None, description="a project list's subtotal printed on the row "
                                         "of this project's unit (二级部门) above its projects")
    list_total: Optional[Number] = Field(default=None, description="the 合计 a project list prints under its "
                                         "projects (the same on every project of the list)")
    other_amounts: list[LabeledAmount] = Field(
        default_factory=list, description="amounts of the form no field takes (上年结转, 市级支出, 补助区县 …), "
                                          "`{label, value}` with the label as printed")
    block: Optional[int] = Field(default=None, description="a project list's project cell printed beside several "
                                 "amount blocks (each with its own 项目总额 / 财政拨款, 绩效目标 and indicators): every "
                                 "block is a form of its own, with the project's name and code, numbered 1, 2, … here")
    overview: Optional[str] = None
    basis: Optional[str] = None
    necessity: Optional[str] = None
    measures: Optional[str] = None
    plan: Optional[str] = None
    remarks: Optional[str] = None
    overall_goal: Optional[str] = None
    period_goal: Optional[str] = Field(default=None, description="项目实施期目标 / 实施期总目标 as printed: the goal "
                                       "over the whole 实施期, beside the year's")
    # self-evaluation forms (绩效自评表)
    overall_result: Optional[str] = Field(default=None, description="年度总体目标 实际完成情况 as printed")
    budget_execution: Optional[BudgetExecution] = None
    total_score: Optional[Number] = Field(default=None, description="总分 as printed")
    grade: Optional[str] = Field(default=None, description="自评等级 as printed")
    checks: list[Check] = Field(default_factory=list)
    verdict: Optional[Verdict] = None


DocumentType = Literal["department_budget", "unit_budget", "department_final", "unit_final",
                       "performance_evaluation", "other"]


class Evidence(_Model):
    """The printed words that decided a document's type, and their page."""
    text: str
    page: Optional[int] = None


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    extractor_version: str
    source: Source
    department: Optional[str] = None
    year: Optional[int] = None
    doc_kind: Optional[Literal["budget", "final_account"]] = None
    document_type: Optional[DocumentType] = Field(
        default=None, description="what the document is, from its own pages (never the file name): department_budget "
                                  "部门预算, unit_budget 单位预算, department_final 部门决算, unit_final 单位决算, "
                                  "performance_evaluation 绩效评价报告/结果 on its own, other (not a disclosure)")
    document_type_evidence: Optional[Evidence] = Field(
        default=None, description="the printed words that decided document_type: {text, page}")
    verdict: Optional[Verdict] = None
    unaccounted: list[Unaccounted] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    performance: list[PerformanceTable] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list, description="figures stated in the prose (outside tables)")
    checks: list[Check] = Field(default_factory=list, description="document-level checks: facts against "
                                "tables, 空表说明 of empty tables, code-name pairs")
    seals: list[Seal] = Field(default_factory=list, description="seals found on scanned pages, in page order")
    warnings: list[Warning] = Field(default_factory=list)

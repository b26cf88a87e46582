"""济源市公安局 2020 部门预算: the whole seed document (../shared/seed/000_c03462864472638b.txt) as its
PDF would look: the nine financial tables in 万元 (those whose body the seed lost are printed empty),
the 部门整体绩效目标表 and all 70 项目绩效目标表 (from jiyuan_2020_performance.json, parsed once from the
seed by samples/parse_seed.py, merged 一级/二级 cells put back where the template has them).

Plain data only: samples/generate.py lays out the pages, draws the PDF and writes the golden from it.
Amounts are strings exactly as printed (万元); "" is a blank cell. Every body row says its golden
`kind` explicitly, so a change of convention is an edit here, not in the generator.
Header cells are (row, col, rowspan, colspan, text); a value column's golden label is the text of the
header cells above it, top to bottom, joined by " / ". value_columns: (printed column, key, side).
"""
import json
from pathlib import Path

UNIT_LINE = "单位：济源市公安局"
UNIT = "单位：万元"

# ---------------------------------------------------------------------------------------------
# 2020年部门收支总体情况表: 收入 (category | item, 金额) · 支出 (项目, 合计, 用事业单位基金弥补收支差额, 部门结转,
# 本年支出小计 → 小计, 一般公共预算 (小计, 其中：财政拨款), 政府性基金 … 事业基金): 17 columns.
SUMMARY_HEADER = [
    (0, 0, 1, 3, "收入"),
    (0, 3, 1, 14, "支出"),
    (1, 0, 3, 2, "项目"),
    (1, 2, 3, 1, "金额"),
    (1, 3, 3, 1, "项目"),
    (1, 4, 3, 1, "合计"),
    (1, 5, 3, 1, "用事业单位基金弥补收支差额"),
    (1, 6, 3, 1, "部门结转"),
    (1, 7, 1, 10, "本年支出小计"),
    (2, 7, 2, 1, "小计"),
    (2, 8, 1, 2, "一般公共预算"),
    (2, 10, 2, 1, "政府性基金"),
    (2, 11, 2, 1, "专户管理的教育收费"),
    (2, 12, 2, 1, "专户管理的教育收费结余（结转）"),
    (2, 13, 2, 1, "国有资本经营预算收入"),
    (2, 14, 2, 1, "事业收入"),
    (2, 15, 2, 1, "经营收入"),
    (2, 16, 2, 1, "事业基金"),
    (3, 8, 1, 1, "小计"),
    (3, 9, 1, 1, "其中：财政拨款"),
]
SUMMARY_VALUE_COLUMNS = [
    (2, "total", "revenue"),
    (4, "total", "expenditure"),
    (5, "institution_fund", "expenditure"),
    (6, "carryover", "expenditure"),
    (7, "current_expenditure", "expenditure"),
    (8, "general_budget", "expenditure"),
    (9, "fiscal_appropriation", "expenditure"),
    (10, "government_fund", "expenditure"),
    (11, "unmapped", "expenditure"),
    (12, "unmapped", "expenditure"),
    (13, "state_capital", "expenditure"),
    (14, "business_income", "expenditure"),
    (15, "operating_income", "expenditure"),
    (16, "institution_fund", "expenditure"),
]


def _r(kind, name, amount=""):
    return {"kind": kind, "name": name, "values": [amount]}


def _e(kind, name, *values):
    return {"kind": kind, "name": name, "values": list(values) + [""] * (13 - len(values))}


SUMMARY_REVENUE = [
    {"category": "一般公共预算收入", "items": [
        _r("item", "财政拨款", "24,979.8"),
        _r("item", "纳入预算管理的行政事业性收费"),
        _r("item", "专项收入"),
        _r("item", "国有资产（资产）有偿使用收入"),
        _r("item", "国有资本经营收入"),
        _r("item", "政府住房基金收入"),
        _r("item", "债务收入", "1,030.0"),
        _r("item", "其他一般公共预算收入"),
        _r("item", "上级预拨", "837.0"),
        _r("item", "动用预算稳定调节基金"),
        _r("item", "调入资金"),
        _r("item", "上年结余（结转）", "0.8"),
    ]},
    {"category": "政府性基金收入", "items": [
        _r("item", "当年收入"),
        _r("item", "债务收入"),
        _r("item", "上级预拨"),
        _r("item", "上年结余（结转）"),
    ]},
    {"category": None, "items": [
        _r("item", "专户管理的教育收费"),
        _r("item", "专户管理的教育收费结余（结转）"),
        _r("item", "国有资本经营预算收入"),
        _r("item", "事业收入"),
        _r("item", "经营收入"),
        _r("item", "事业基金"),
        _r("item", "其他收入"),
    ]},
]
# values: 合计, 用事业单位基金弥补收支差额, 部门结转, 本年支出小计, 一般公共预算 小计, 其中：财政拨款, 政府性基金 …
SUMMARY_EXPENDITURE = [
    _e("group", "一、基本支出", "14,342.1", "", "", "14,342.1", "14,342.1", "14,342.1"),
    _e("item", "工资福利支出", "12,427.6", "", "", "12,427.6", "12,427.6", "12,427.6"),
    _e("item", "公用经费", "1,423.8", "", "", "1,423.8", "1,423.8", "1,423.8"),
    _e("item", "对个人和家庭的补助支出", "490.7", "", "", "490.7", "490.7", "490.7"),
    _e("group", "二、项目支出", "13,264.4", "", "758.9", "12,505.5", "12,505.5", "10,637.7"),
    _e("item", "一般性项目", "3,516.5", "", "", "3,516.5", "3,516.5", "3,516.5"),
    _e("item", "专项资金", "9,747.9", "", "758.9", "8,989.0", "8,989.0", "7,121.2"),
    _e("item", "1、商品和服务类专项支出", "8,139.3", "", "189.1", "7,950.2", "7,950.2", "7,546.4"),
    _e("item", "2、对个人和家庭的补助类专项支出", "505.4", "", "18.6", "486.8", "486.8", "467.8"),
    _e("item", "3、债务利息支出"),
    _e("item", "4、资本性支出（基本建设）"),
    _e("item", "5、资本性支出", "4,619.7", "", "551.2", "4,068.5", "4,068.5", "2,623.5"),
    _e("item", "6、对企业补助（基本建设）"),
    _e("item", "7、对企业补助"),
    _e("item", "8、对社会保障基金补助"),
    _e("item", "9、其他支出"),
]
SUMMARY_FOOTER = [
    (_r("total", "本年合计", "26,847.6"), None),
    (_r("item", "部门结转", "758.9"), None),
    (_r("item", "用事业单位基金弥补收支差额"), None),
    (_r("total", "收入合计", "27,606.5"),
     _e("total", "支出合计", "27,606.5", "", "758.9", "26,847.6", "26,847.6", "24,979.8")),
]

# ---------------------------------------------------------------------------------------------
# 科目编码 类/款/项 · 单位代码 · 单位(科目名称) · 总计 · 基本支出 (4) · 项目支出 (3): 13 columns.
CODED_HEADER = [
    (0, 0, 1, 3, "科目编码"),
    (0, 3, 2, 1, "单位代码"),
    (0, 4, 2, 1, "单位(科目名称)"),
    (0, 5, 2, 1, "总计"),
    (0, 6, 1, 4, "基本支出"),
    (0, 10, 1, 3, "项目支出"),
    (1, 0, 1, 1, "类"),
    (1, 1, 1, 1, "款"),
    (1, 2, 1, 1, "项"),
    (1, 6, 1, 1, "小计"),
    (1, 7, 1, 1, "工资福利支出"),
    (1, 8, 1, 1, "公用经费"),
    (1, 9, 1, 1, "对个人和家庭的补助"),
    (1, 10, 1, 1, "小计"),
    (1, 11, 1, 1, "一般性项目"),
    (1, 12, 1, 1, "专项资金"),
]
CODED_VALUE_COLUMNS = [
    (5, "total", None),
    (6, "basic", None),
    (7, "basic.personnel", None),
    (8, "basic.public", None),
    (9, "basic.individual", None),
    (10, "project", None),
    (11, "project.general", None),
    (12, "project.special", None),
]
CODED_WIDTHS = [30, 30, 30, 44, 186.8898] + [57.625] * 8
CODED_CHECKS = {"hierarchy": True, "columns": [["total", ["basic", "project"]],
                            ["basic", ["basic.personnel", "basic.public", "basic.individual"]],
                            ["project", ["project.general", "project.special"]]],
                "rows": [["合计", ["济源市公安局"]]]}

EXPENDITURE_ROWS = [
    {"kind": "total", "code": None, "unit_code": None, "name": "合计",
     "values": ["27,606.5", "14,342.1", "12,427.6", "1,423.8", "490.7", "13,264.4", "3,516.5", "9,747.9"]},
    {"kind": "unit", "code": None, "unit_code": None, "name": "济源市公安局",
     "values": ["27,606.5", "14,342.1", "12,427.6", "1,423.8", "490.7", "13,264.4", "3,516.5", "9,747.9"]},
    {"kind": "item", "code": ("204", "02", "01"), "unit_code": "020", "name": "行政运行(公安)",
     "values": ["12,373.4", "12,373.4", "10,942.1", "1,409.6", "21.7", "", "", ""]},
    {"kind": "item", "code": ("204", "02", "02"), "unit_code": "020", "name": "一般行政管理事务(公安)",
     "values": ["581.4", "", "", "", "", "581.4", "408.6", "172.8"]},
    {"kind": "item", "code": ("204", "02", "19"), "unit_code": "020", "name": "信息化建设(公安)",
     "values": ["239.9", "", "", "", "", "239.9", "", "239.9"]},
    {"kind": "item", "code": ("204", "02", "20"), "unit_code": "020", "name": "执法办案",
     "values": ["3,015.0", "", "", "", "", "3,015.0", "2,383.3", "631.7"]},
    {"kind": "item", "code": ("204", "02", "21"), "unit_code": "020", "name": "特别业务",
     "values": ["2,968.7", "", "", "", "", "2,968.7", "486.5", "2,482.2"]},
    {"kind": "item", "code": ("204", "02", "99"), "unit_code": "020", "name": "其他公安支出",
     "values": ["6,359.4", "", "", "", "", "6,359.4", "238.1", "6,121.3"]},
    {"kind": "item", "code": ("208", "05", "01"), "unit_code": "020", "name": "行政单位离退休",
     "values": ["483.2", "483.2", "", "14.2", "469.0", "", "", ""]},
    {"kind": "item", "code": ("208", "05", "05"), "unit_code": "020", "name": "机关事业单位基本养老保险缴费支出",
     "values": ["848.8", "848.8", "848.8", "", "", "", "", ""]},
    {"kind": "item", "code": ("211", "03", "01"), "unit_code": "020", "name": "大气",
     "values": ["100.0", "", "", "", "", "100.0", "", "100.0"]},
    {"kind": "item", "code": ("221", "02", "01"), "unit_code": "020", "name": "住房公积金",
     "values": ["636.7", "636.7", "636.7", "", "", "", "", ""]},
]

GENERAL_BUDGET_ROWS = [
    {"kind": "total", "code": None, "unit_code": None, "name": "合计",
     "values": ["26,847.6", "14,342.1", "12,427.6", "1,423.8", "490.7", "12,505.5", "3,516.5", "8,989.0"]},
    {"kind": "unit", "code": None, "unit_code": None, "name": "济源市公安局",
     "values": ["26,847.6", "14,342.1", "12,427.6", "1,423.8", "490.7", "12,505.5", "3,516.5", "8,989.0"]},
    {"kind": "item", "code": ("204", "02", "01"), "unit_code": "020", "name": "行政运行(公安)",
     "values": ["12,373.4", "12,373.4", "10,942.1", "1,409.6", "21.7", "", "", ""]},
    {"kind": "item", "code": ("204", "02", "02"), "unit_code": "020", "name": "一般行政管理事务(公安)",
     "values": ["580.4", "", "", "", "", "580.4", "408.6", "171.8"]},
    {"kind": "item", "code": ("204", "02", "19"), "unit_code": "020", "name": "信息化建设(公安)",
     "values": ["239.9", "", "", "", "", "239.9", "", "239.9"]},
    {"kind": "item", "code": ("204", "02", "20"), "unit_code": "020", "name": "执法办案",
     "values": ["2,903.3", "", "", "", "", "2,903.3", "2,383.3", "520.0"]},
    {"kind": "item", "code": ("204", "02", "21"), "unit_code": "020", "name": "特别业务",
     "values": ["2,968.7", "", "", "", "", "2,968.7", "486.5", "2,482.2"]},
    {"kind": "item", "code": ("204", "02", "99"), "unit_code": "020", "name": "其他公安支出",
     "values": ["5,813.2", "", "", "", "", "5,813.2", "238.1", "5,575.1"]},
    {"kind": "item", "code": ("208", "05", "01"), "unit_code": "020", "name": "行政单位离退休",
     "values": ["483.2", "483.2", "", "14.2", "469.0", "", "", ""]},
    {"kind": "item", "code": ("208", "05", "05"), "unit_code": "020", "name": "机关事业单位基本养老保险缴费支出",
     "values": ["848.8", "848.8", "848.8", "", "", "", "", ""]},
    {"kind": "item", "code": ("221", "02", "01"), "unit_code": "020", "name": "住房公积金",
     "values": ["636.7", "636.7", "636.7", "", "", "", "", ""]},
]

# ---------------------------------------------------------------------------------------------
# 财政拨款收支总体情况表: 收入 (项目 = category | sub-item, 金额) · 支出 (项目, 合计, 本年支出小计 →
# 一般公共预算 (小计, 其中：财政拨款), 政府性基金): 8 columns.
APPROPRIATION_HEADER = [
    (0, 0, 1, 3, "收入"),
    (0, 3, 1, 5, "支出"),
    (1, 0, 3, 2, "项目"),
    (1, 2, 3, 1, "金额"),
    (1, 3, 3, 1, "项目"),
    (1, 4, 3, 1, "合计"),
    (1, 5, 1, 3, "本年支出小计"),
    (2, 5, 1, 2, "一般公共预算"),
    (2, 7, 2, 1, "政府性基金"),
    (3, 5, 1, 1, "小计"),
    (3, 6, 1, 1, "其中：财政拨款"),
]
APPROPRIATION_VALUE_COLUMNS = [
    (2, "total", "revenue"),
    (4, "total", "expenditure"),
    (5, "general_budget", "expenditure"),
    (6, "fiscal_appropriation", "expenditure"),
    (7, "government_fund", "expenditure"),
]


def _a(kind, name, amount=""):
    return {"kind": kind, "name": name, "values": [amount]}


# The category cell is merged down over its sub-item rows. A row's golden name is its own 项目 cell:
# the sub-item, or the category where the row has no sub-item (小计, 国有资本经营预算).
APPROPRIATION_REVENUE = [
    {"category": "一般公共预算收入", "items": [
        _a("group", "小计", "26,847.6"),
        _a("item", "财政拨款", "24,979.8"),
        _a("item", "纳入预算管理的行政事业性收费"),
        _a("item", "专项收入"),
        _a("item", "国有资产（资产）有偿使用收入"),
        _a("item", "国有资本经营收入"),
        _a("item", "政府住房基金收入"),
        _a("item", "债务收入", "1,030.0"),
        _a("item", "其他一般公共预算收入"),
        _a("item", "上级预拨", "837.0"),
        _a("item", "动用预算稳定调节基金"),
        _a("item", "调入资金"),
        _a("item", "上年结余（结转）", "0.8"),
    ]},
    {"category": "政府性基金收入", "items": [
        _a("group", "小计"),
        _a("item", "当年收入"),
        _a("item", "债务收入"),
        _a("item", "上级预拨"),
        _a("item", "上年结余（结转）"),
    ]},
    {"category": "国有资本经营预算", "items": [_a("item", None)]},
]
# values: 合计, 一般公共预算 小计, 其中：财政拨款, 政府性基金 (numbering as printed: the seed skips
# 十八、二十五、二十六、二十八、).
_EXP_NAMES = ["一、一般公共服务", "二、外交", "三、国防", "四、公共安全", "五、教育", "六、科学技术", "七、文化旅游体育与传媒",
              "八、社会保障和就业", "九、社会保险基金支出", "十、卫生健康", "十一、节能环保", "十二、城乡社区支出",
              "十三、农林水支出", "十四、交通运输", "十五、资源勘探信息等支出", "十六、商业服务业等支出", "十七、金融支出",
              "十九、援助其他地区支出", "二十、自然资源海洋气象等支出", "二十一、住房保障支出", "二十二、粮油物资储备支出",
              "二十三、国有资本经营预算支出", "二十四、灾害防治及应急管理支出", "二十七、预备费", "二十九、其他支出",
              "三十、转移性支出", "三十一、债务还本支出", "三十二、债务付息支出", "三十三、债务发行费用支出"]
_EXP_VALUES = {"四、公共安全": ["24,878.9", "24,878.9", "23,011.1", ""],
               "八、社会保障和就业": ["1,332.0", "1,332.0", "1,332.0", ""],
               "二十一、住房保障支出": ["636.7", "636.7", "636.7", ""]}
APPROPRIATION_EXPENDITURE = [{"kind": "group", "name": n, "values": _EXP_VALUES.get(n, ["", "", "", ""])}
                             for n in _EXP_NAMES]
APPROPRIATION_FOOTER = [(_a("total", "收入合计", "26,847.6"),
                         {"kind": "total", "name": "支出合计", "values": ["26,847.6", "26,847.6", "24,979.8", ""]})]

# ---------------------------------------------------------------------------------------------
# Tables whose body the seed lost: printed with their header (and a blank 合计 row where the form has one).
REVENUE_HEADER = [
    (0, 0, 1, 3, "科目编码"),
    (0, 3, 2, 1, "单位代码"),
    (0, 4, 2, 1, "单位(科目名称)"),
    (0, 5, 2, 1, "总计"),
    (0, 6, 1, 7, "本年收入"),
    (0, 13, 2, 1, "部门结转"),
    (1, 0, 1, 1, "类"),
    (1, 1, 1, 1, "款"),
    (1, 2, 1, 1, "项"),
    (1, 6, 1, 1, "一般公共预算"),
    (1, 7, 1, 1, "政府性基金"),
    (1, 8, 1, 1, "专户管理的教育收费"),
    (1, 9, 1, 1, "国有资本经营预算收入"),
    (1, 10, 1, 1, "事业收入"),
    (1, 11, 1, 1, "经营收入"),
    (1, 12, 1, 1, "其他收入"),
]
REVENUE_VALUE_COLUMNS = [(5, "total", None), (6, "general_budget", None), (7, "government_fund", None),
                         (8, "unmapped", None), (9, "state_capital", None), (10, "business_income", None),
                         (11, "operating_income", None), (12, "other_income", None), (13, "carryover", None)]

ECONOMIC_HEADER = [
    (0, 0, 1, 2, "科目编码"),
    (0, 2, 2, 1, "科目名称"),
    (0, 3, 2, 1, "合计"),
    (0, 4, 2, 1, "基本支出"),
    (0, 5, 2, 1, "项目支出"),
    (1, 0, 1, 1, "类"),
    (1, 1, 1, 1, "款"),
]
BASIC_HEADER = [
    (0, 0, 1, 2, "科目编码"),
    (0, 2, 2, 1, "科目名称"),
    (0, 3, 1, 3, "一般公共预算基本支出"),
    (1, 0, 1, 1, "类"),
    (1, 1, 1, 1, "款"),
    (1, 3, 1, 1, "合计"),
    (1, 4, 1, 1, "人员经费"),
    (1, 5, 1, 1, "公用经费"),
]
BLANK_TOTAL = {"kind": "total", "code": None, "unit_code": None, "name": "合计", "span": True, "values": []}

# ---------------------------------------------------------------------------------------------
THREE_PUBLIC_ROWS = [
    {"kind": "total", "code": None, "name": "共计", "values": ["297.2"]},
    {"kind": "item", "code": None, "name": "1、因公出国（境）费用", "values": [""]},
    {"kind": "item", "code": None, "name": "2、公务接待费", "values": ["7.4"]},
    {"kind": "item", "code": None, "name": "3、公务用车费", "values": ["289.8"]},
    {"kind": "item", "code": None, "name": "其中：（1）公务用车运行维护费", "values": ["289.8"]},
    {"kind": "item", "code": None, "name": "（2）公务用车购置", "values": [""]},
]
THREE_PUBLIC_NOTE = ("注：按照党中央、国务院有关规定及部门预算管理有关规定，“三公”经费包括因公出国（境）费、公务用车购置及运行费"
                     "和公务接待费。（1）因公出国（境）费，指单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等"
                     "支出。（2）公务用车购置及运行费，指单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励"
                     "费用等支出，公务用车指用于履行公务的机动车辆，包括领导干部专车、一般公务用车和执法执勤用车。（3）公务接待"
                     "费，指单位按规定开支的各类公务接待（含外宾接待）支出。")

# ---------------------------------------------------------------------------------------------
_PERF = json.loads((Path(__file__).with_name("jiyuan_2020_performance.json")).read_text(encoding="utf-8"))
# 项目绩效目标表 whose indicator header row is printed again when the grid runs onto a new page
REPEAT_HEADER_PROJECTS = {57, 63}


def _table(**kw):
    base = {"kind": "table", "unit": "万元", "caption_left": UNIT_LINE, "caption_right": UNIT, "orientation": "landscape"}
    base.update(kw)
    return base


NARRATIVE_1 = {
    "kind": "narrative",
    "heading": "第一部分  济源市公安局概况",
    "paragraphs": [
        "一、主要职能",
        "济源市公安局是济源市人民政府主管全市公安工作的职能部门。主要职责是：预防、制止和侦查违法犯罪活动，"
        "防范、打击恐怖活动，维护社会治安秩序，制止危害社会治安秩序的行为；管理交通、消防、危险物品；"
        "管理户口、居民身份证、国籍、入境出境事务和外国人在本市居留、旅行的有关事务；维护道路交通安全和"
        "道路交通秩序；监督管理计算机信息系统的安全保护工作；指导和监督国家机关、社会团体、企业事业组织"
        "和重点建设工程的治安保卫工作。",
        "二、部门预算单位构成",
        "济源市公安局2020年部门预算为局本级预算，交通管理支队、特警支队等所属机构的项目均纳入局本级编报，"
        "其项目绩效目标在第四部分分别列示。",
    ],
}
NARRATIVE_2 = {
    "kind": "narrative",
    "heading": "第二部分  2020年部门预算情况说明",
    "paragraphs": [
        "一、收支预算总体安排",
        "按照综合预算的原则，济源市公安局所有收入和支出均纳入部门预算管理。2020年收入预算27,606.5万元，"
        "其中一般公共预算收入26,847.6万元，部门结转758.9万元。2020年支出预算27,606.5万元，其中基本支出"
        "14,342.1万元，项目支出13,264.4万元。",
        "二、一般公共预算支出安排",
        "2020年一般公共预算支出26,847.6万元，主要用于公共安全支出24,878.9万元，社会保障和就业支出"
        "1,332.0万元，住房保障支出636.7万元。",
        "三、“三公”经费预算",
        "2020年“三公”经费预算297.2万元，其中公务接待费7.4万元，公务用车购置及运行维护费289.8万元。"
        "以上数据详见本部门预算公开各附表。",
    ],
}
NARRATIVE_TERMS = {
    "kind": "narrative",
    "heading": "名词解释",
    "paragraphs": [
        "一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
        "二、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "三、部门结转：指以前年度预算已安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。",
        "四、“三公”经费：纳入财政预算管理的“三公”经费，是指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及"
        "运行费和公务接待费。",
    ],
}
NARRATIVE_PERF = {
    "kind": "narrative",
    "heading": "第四部分  2020年绩效目标",
    "paragraphs": [
        "按照预算绩效管理的要求，济源市公安局编制了2020年部门整体绩效目标和70个项目的绩效目标，"
        "以下分别列示部门整体绩效目标表和各项目绩效目标表。",
    ],
}


EXPENDITURE_TABLE = _table(type="expenditure", title="2020年部门支出总体情况表", layout="coded", unit_code_col=True,
                           header=CODED_HEADER, header_heights=[22, 28], value_columns=CODED_VALUE_COLUMNS,
                           widths=CODED_WIDTHS, rows=EXPENDITURE_ROWS, body_height=20, checks=CODED_CHECKS)
APPROPRIATION_TABLE = _table(type="appropriation_summary", title="2020年财政拨款收支总体情况表", layout="two_sided",
                             revenue_category=True, header=APPROPRIATION_HEADER, header_heights=[14, 14, 14, 14],
                             value_columns=APPROPRIATION_VALUE_COLUMNS,
                             widths=[80, 166, 70, 190.8898, 68.75, 68.75, 68.75, 68.75],
                             revenue=APPROPRIATION_REVENUE, expenditure=APPROPRIATION_EXPENDITURE,
                             footer=APPROPRIATION_FOOTER, body_height=13, size=8, vpad=1.5,
                             checks={"rows": [["支出合计", ["四、公共安全", "八、社会保障和就业", "二十一、住房保障支出"]]]})
GENERAL_BUDGET_TABLE = _table(type="general_budget_expenditure", title="2020年一般公共预算支出情况表", layout="coded",
                              unit_code_col=True, header=CODED_HEADER, header_heights=[22, 28],
                              value_columns=CODED_VALUE_COLUMNS, widths=CODED_WIDTHS, rows=GENERAL_BUDGET_ROWS,
                              body_height=20, checks=CODED_CHECKS,
                              breaks=[5])  # body row counts after which the table continues on a new page

# The bundled quick-start sample (README): cover, one narrative page and three of the tables.
BUDGET = {
    "file": "jiyuan_2020_budget.pdf",
    "pdf_title": "济源市公安局2020年部门预算",
    "department": "济源市公安局",
    "year": 2020,
    "doc_kind": "budget",
    "content": [
        {"kind": "cover", "orientation": "landscape", "lines": ["济源市公安局2020年部门预算"], "size": 30},
        {"kind": "narrative", "orientation": "landscape", "heading": "第一部分  济源市公安局概况", "paragraphs": [
            "一、主要职能",
            "济源市公安局是济源市人民政府主管全市公安工作的职能部门。主要职责是：预防、制止和侦查违法犯罪活动，防范、打击恐怖活动，维护社会治安秩序，制止危害社会治安秩序的行为；管理交通、消防、危险物品；管理户口、居民身份证、国籍、入境出境事务和外国人在本市居留、旅行的有关事务；维护道路交通安全和道路交通秩序；监督管理计算机信息系统的安全保护工作；指导和监督国家机关、社会团体、企业事业组织和重点建设工程的治安保卫工作。",
            "二、收支预算总体安排",
            "按照综合预算的原则，济源市公安局所有收入和支出均纳入部门预算管理。2020年收入预算27,606.5万元，其中一般公共预算收入26,847.6万元，部门结转758.9万元。2020年支出预算27,606.5万元，其中基本支出14,342.1万元，项目支出13,264.4万元。",
            "三、一般公共预算支出安排",
            "2020年一般公共预算支出26,847.6万元，主要用于公共安全支出24,878.9万元，社会保障和就业支出1,332.0万元，住房保障支出636.7万元。",
            "四、其他重要事项",
            "2020年“三公”经费预算297.2万元，其中公务接待费7.4万元，公务用车购置及运行维护费289.8万元。以上数据详见本部门预算公开各附表。",
        ]},
        EXPENDITURE_TABLE,
        APPROPRIATION_TABLE,
        GENERAL_BUDGET_TABLE,
    ],
}

FULL = {
    "file": "jiyuan_2020_full.pdf",
    "pdf_title": "济源市公安局2020年部门预算",
    "department": "济源市公安局",
    "year": 2020,
    "doc_kind": "budget",
    # 200 dpi, as county offices scan; 11 MB for 101 pages, so it is drawn on demand, not committed
    "scan": {"dpi": 200, "quality": 25, "seed": 2020, "max_angle": 0.8, "blur": 1.0, "noise": 3.0, "ink": 50,
             "paper": 226, "commit": False},
    "office": {"dpi": 200, "seed": 2012},
    "cross_checks": [
        ("summary", "收入合计", "total", "expenditure", "合计", "total"),
        ("appropriation_summary", "收入合计", "total", "general_budget_expenditure", "合计", "total"),
    ],
    "content": [
        {"kind": "cover", "lines": ["济源市公安局", "2020年部门预算"], "date": "二〇二〇年三月"},
        NARRATIVE_1,
        NARRATIVE_2,
        _table(type="summary", title="2020年部门收支总体情况表", layout="two_sided", revenue_category=True,
               header=SUMMARY_HEADER, header_heights=[14, 14, 14, 22], value_columns=SUMMARY_VALUE_COLUMNS,
               widths=[50, 106, 44, 135.8898, 40, 32, 32, 40, 40, 40, 32, 32, 36, 32, 30, 30, 30],
               revenue=SUMMARY_REVENUE, expenditure=SUMMARY_EXPENDITURE, footer=SUMMARY_FOOTER,
               body_height=12.5, size=7, header_size=7,
               checks={"columns": [["total", ["institution_fund", "carryover", "current_expenditure"], "expenditure"],
                                   ["current_expenditure", ["general_budget"], "expenditure"]],
                       "rows": [["收入合计", ["本年合计", "部门结转", "用事业单位基金弥补收支差额"]],
                                ["一、基本支出", ["工资福利支出", "公用经费", "对个人和家庭的补助支出"]],
                                ["二、项目支出", ["一般性项目", "专项资金"]]]}),
        _table(type="revenue", title="2020年部门收入总体情况表", layout="coded", unit_code_col=True,
               header=REVENUE_HEADER, header_heights=[20, 36], value_columns=REVENUE_VALUE_COLUMNS,
               widths=[30, 30, 30, 44, 179.8898] + [52] * 9,
               rows=[BLANK_TOTAL]),
        EXPENDITURE_TABLE,
        APPROPRIATION_TABLE,
        GENERAL_BUDGET_TABLE,
        NARRATIVE_TERMS,
        _table(type="expenditure_by_economic", title="2020年支出经济分类汇总表", layout="coded", code_cols=2,
               header=ECONOMIC_HEADER, header_heights=[20, 20], widths=[50, 50, 321.8898, 120, 120, 120],
               value_columns=[(3, "total", None), (4, "basic", None), (5, "project", None)], rows=[]),
        _table(type="general_budget_basic_expenditure", title="2020年一般公共预算基本支出情况表", layout="coded",
               code_cols=2, header=BASIC_HEADER, header_heights=[20, 20], widths=[50, 50, 321.8898, 120, 120, 120],
               value_columns=[(3, "total", None), (4, "basic.personnel", None), (5, "basic.public", None)],
               rows=[dict(BLANK_TOTAL)]),
        _table(type="three_public", title="2020年一般公共预算“三公”经费支出情况表", layout="coded", code_cols=0,
               caption_left="单位:济源市公安局", caption_right="单位: 万元", orientation="portrait",
               header=[(0, 0, 1, 1, "项 目"), (0, 1, 1, 1, "2020年“三公”经费预算数")], header_heights=[26],
               widths=[330.2756, 205], value_columns=[(1, "total", None)], rows=THREE_PUBLIC_ROWS,
               body_height=24, size=10, note=THREE_PUBLIC_NOTE,
               checks={"rows": [["共计", ["1、因公出国（境）费用", "2、公务接待费", "3、公务用车费"]],
                                ["3、公务用车费", ["其中：（1）公务用车运行维护费", "（2）公务用车购置"]]]}),
        _table(type="government_fund_expenditure", title="2020年政府性基金预算支出情况表", layout="coded",
               unit_code_col=True, pre_title="预算09表", header=CODED_HEADER, header_heights=[22, 28],
               value_columns=CODED_VALUE_COLUMNS, widths=CODED_WIDTHS, rows=[dict(BLANK_TOTAL)],
               note="注：济源市公安局2020年无政府性基金预算支出，本表为空表。"),
        NARRATIVE_PERF,
        {"kind": "department_performance", "unit_name": "济源市公安局", "data": _PERF["department"],
         "repeat_header": True},
    ] + [
        {"kind": "project_performance", "data": p, "repeat_header": n in REPEAT_HEADER_PROJECTS}
        for n, p in enumerate(_PERF["projects"], 1)
    ],
}

SAMPLES = [BUDGET, FULL]

"""济源市公安局 2020 部门预算: the sample's data, taken from the seed text
(../shared/seed/000_c03462864472638b.txt) and printed as it is there.

Plain data only: `samples/generate.py` draws the PDF and writes the golden from it.

Amounts are strings exactly as printed (万元); "" is a blank cell. Every body row says its golden
`kind` explicitly, so a change of convention is an edit here, not in the generator.

Header cells are (row, col, rowspan, colspan, text); a value column's golden label is the text of the
header cells above it, top to bottom, joined by " / ".
"""

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
# (printed column index, canonical key, side), left to right
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

# Coded body rows: code = (类, 款, 项) or None; values = the 8 value cells 总计 … 专项资金.
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
# Revenue side: the category cell is merged down over its sub-item rows. A row's golden name is its
# own 项目 cell: the sub-item, or the category where the row has no sub-item (国有资本经营预算).
APPROPRIATION_REVENUE = [
    {"category": "一般公共预算收入", "items": [
        {"kind": "group", "name": "小计", "amount": "26,847.6"},
        {"kind": "item", "name": "财政拨款", "amount": "24,979.8"},
        {"kind": "item", "name": "纳入预算管理的行政事业性收费", "amount": ""},
        {"kind": "item", "name": "专项收入", "amount": ""},
        {"kind": "item", "name": "国有资产（资产）有偿使用收入", "amount": ""},
        {"kind": "item", "name": "国有资本经营收入", "amount": ""},
        {"kind": "item", "name": "政府住房基金收入", "amount": ""},
        {"kind": "item", "name": "债务收入", "amount": "1,030.0"},
        {"kind": "item", "name": "其他一般公共预算收入", "amount": ""},
        {"kind": "item", "name": "上级预拨", "amount": "837.0"},
        {"kind": "item", "name": "动用预算稳定调节基金", "amount": ""},
        {"kind": "item", "name": "调入资金", "amount": ""},
        {"kind": "item", "name": "上年结余（结转）", "amount": "0.8"},
    ]},
    {"category": "政府性基金收入", "items": [
        {"kind": "group", "name": "小计", "amount": ""},
        {"kind": "item", "name": "当年收入", "amount": ""},
        {"kind": "item", "name": "债务收入", "amount": ""},
        {"kind": "item", "name": "上级预拨", "amount": ""},
        {"kind": "item", "name": "上年结余（结转）", "amount": ""},
    ]},
    {"category": "国有资本经营预算", "items": [
        {"kind": "item", "name": None, "amount": ""},
    ]},
]
APPROPRIATION_REVENUE_TOTAL = {"kind": "total", "name": "收入合计", "amount": "26,847.6"}
# Expenditure side: values = 合计, 一般公共预算 小计, 其中：财政拨款, 政府性基金 (numbering as printed:
# the seed skips 十八、二十五、二十六、二十八、).
APPROPRIATION_EXPENDITURE = [
    {"kind": "group", "name": "一、一般公共服务", "values": ["", "", "", ""]},
    {"kind": "group", "name": "二、外交", "values": ["", "", "", ""]},
    {"kind": "group", "name": "三、国防", "values": ["", "", "", ""]},
    {"kind": "group", "name": "四、公共安全", "values": ["24,878.9", "24,878.9", "23,011.1", ""]},
    {"kind": "group", "name": "五、教育", "values": ["", "", "", ""]},
    {"kind": "group", "name": "六、科学技术", "values": ["", "", "", ""]},
    {"kind": "group", "name": "七、文化旅游体育与传媒", "values": ["", "", "", ""]},
    {"kind": "group", "name": "八、社会保障和就业", "values": ["1,332.0", "1,332.0", "1,332.0", ""]},
    {"kind": "group", "name": "九、社会保险基金支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十、卫生健康", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十一、节能环保", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十二、城乡社区支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十三、农林水支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十四、交通运输", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十五、资源勘探信息等支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十六、商业服务业等支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十七、金融支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "十九、援助其他地区支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "二十、自然资源海洋气象等支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "二十一、住房保障支出", "values": ["636.7", "636.7", "636.7", ""]},
    {"kind": "group", "name": "二十二、粮油物资储备支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "二十三、国有资本经营预算支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "二十四、灾害防治及应急管理支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "二十七、预备费", "values": ["", "", "", ""]},
    {"kind": "group", "name": "二十九、其他支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "三十、转移性支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "三十一、债务还本支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "三十二、债务付息支出", "values": ["", "", "", ""]},
    {"kind": "group", "name": "三十三、债务发行费用支出", "values": ["", "", "", ""]},
]
APPROPRIATION_EXPENDITURE_TOTAL = {"kind": "total", "name": "支出合计",
                                   "values": ["26,847.6", "26,847.6", "24,979.8", ""]}

# ---------------------------------------------------------------------------------------------
SAMPLE = {
    "file": "jiyuan_2020_budget.pdf",
    "department": "济源市公安局",
    "year": 2020,
    "doc_kind": "budget",
    "cover": "济源市公安局2020年部门预算",
    "narrative": {
        "heading": "第一部分  济源市公安局概况",
        "paragraphs": [
            "一、主要职能",
            "济源市公安局是济源市人民政府主管全市公安工作的职能部门。主要职责是：预防、制止和侦查违法犯罪活动，"
            "防范、打击恐怖活动，维护社会治安秩序，制止危害社会治安秩序的行为；管理交通、消防、危险物品；"
            "管理户口、居民身份证、国籍、入境出境事务和外国人在本市居留、旅行的有关事务；维护道路交通安全和"
            "道路交通秩序；监督管理计算机信息系统的安全保护工作；指导和监督国家机关、社会团体、企业事业组织"
            "和重点建设工程的治安保卫工作。",
            "二、收支预算总体安排",
            "按照综合预算的原则，济源市公安局所有收入和支出均纳入部门预算管理。2020年收入预算27,606.5万元，"
            "其中一般公共预算收入26,847.6万元，部门结转758.9万元。2020年支出预算27,606.5万元，其中基本支出"
            "14,342.1万元，项目支出13,264.4万元。",
            "三、一般公共预算支出安排",
            "2020年一般公共预算支出26,847.6万元，主要用于公共安全支出24,878.9万元，社会保障和就业支出"
            "1,332.0万元，住房保障支出636.7万元。",
            "四、其他重要事项",
            "2020年“三公”经费预算297.2万元，其中公务接待费7.4万元，公务用车购置及运行维护费289.8万元。"
            "以上数据详见本部门预算公开各附表。",
        ],
    },
    # In page order; each table starts on a new page.
    "tables": [
        {
            "type": "expenditure",
            "title": "2020年部门支出总体情况表",
            "unit_line": "单位：济源市公安局",
            "unit": "万元",
            "layout": "coded",
            "header": CODED_HEADER,
            "value_columns": CODED_VALUE_COLUMNS,
            "rows": EXPENDITURE_ROWS,
            "break_after": [],
        },
        {
            "type": "appropriation_summary",
            "title": "2020年财政拨款收支总体情况表",
            "unit_line": "单位：济源市公安局",
            "unit": "万元",
            "layout": "appropriation",
            "header": APPROPRIATION_HEADER,
            "value_columns": APPROPRIATION_VALUE_COLUMNS,
            "revenue": APPROPRIATION_REVENUE,
            "revenue_total": APPROPRIATION_REVENUE_TOTAL,
            "expenditure": APPROPRIATION_EXPENDITURE,
            "expenditure_total": APPROPRIATION_EXPENDITURE_TOTAL,
            "break_after": [],
        },
        {
            "type": "general_budget_expenditure",
            "title": "2020年一般公共预算支出情况表",
            "unit_line": "单位：济源市公安局",
            "unit": "万元",
            "layout": "coded",
            "header": CODED_HEADER,
            "value_columns": CODED_VALUE_COLUMNS,
            "rows": GENERAL_BUDGET_ROWS,
            # body row counts after which the table continues on a new page, no title, no header
            "break_after": [5],
        },
    ],
}

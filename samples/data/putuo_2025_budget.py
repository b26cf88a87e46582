"""上海市普陀区会展服务中心 2025 部门预算: an invented department (numbers made up, sums exact) in the layout
of the 上海市普陀区 budgets in ../shared/real (e.g. 上海市普陀区商务委员会25年预算.pdf): amounts in 元 with two
decimals and thousands separators, 编制部门：… · 单位：元 captions, titles 2025年部门…预算总表, subject codes in
split 类 | 款 | 项 columns printed in full on every row, 合计 at the foot across the code and name columns,
the “三公” table in 万元.

Only the 项 (leaf) amounts below are typed; every 类/款 row, total and two-sided table is summed from
them here, so the arithmetic holds by construction (and generate.py checks it again).
Six tables: 财务收支预算总表, 收入预算总表 (over two pages, header not repeated), 支出预算总表 (over two
pages, header repeated), 财政拨款收支预算总表, 一般公共预算基本支出部门预算经济分类预算表, “三公”经费和机关运行经费预算表.
"""
from decimal import Decimal

D = Decimal
ZERO = D("0")
DEPARTMENT = "上海市普陀区会展服务中心"
CAPTION = "编制部门：" + DEPARTMENT


def yuan(v: Decimal) -> str:
    """21601733 -> '21,601,733.00'; zero prints blank (these forms leave empty cells empty)."""
    return f"{v:,.2f}" if v else ""


# 功能分类: 类, 款 names; leaves (类, 款, 项, name, 基本支出, 项目支出, 事业收入, 其他收入); the rest of each
# leaf is 财政拨款收入 (一般公共预算).
CLASSES = {"201": "一般公共服务支出", "208": "社会保障和就业支出", "210": "卫生健康支出", "216": "商业服务业等支出",
           "221": "住房保障支出"}
ITEMS = {"20113": "商贸事务", "20805": "行政事业单位养老支出", "21011": "行政事业单位医疗", "21602": "商业流通事务",
         "22102": "住房改革支出"}
LEAVES = [
    ("201", "13", "08", "招商引资", D(0), D("3200000"), D(0), D(0)),
    ("201", "13", "50", "事业运行", D("6845210"), D(0), D("1600000"), D(0)),
    ("201", "13", "99", "其他商贸事务支出", D(0), D("1850000"), D(0), D(0)),
    ("208", "05", "02", "事业单位离退休", D("126480"), D(0), D(0), D(0)),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", D("812736"), D(0), D(0), D(0)),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", D("406368"), D(0), D(0), D(0)),
    ("210", "11", "02", "事业单位医疗", D("415920"), D(0), D(0), D(0)),
    ("216", "02", "99", "其他商业流通事务支出", D(0), D("12500000"), D("1200000"), D("300000")),
    ("221", "02", "01", "住房公积金", D("609504"), D(0), D(0), D(0)),
    ("221", "02", "03", "购房补贴", D("352000"), D(0), D(0), D(0)),
]


def leaf_amounts(leaf):
    _, _, _, _, basic, project, business, other = leaf
    total = basic + project
    return {"total": total, "basic": basic, "project": project, "fiscal": total - business - other,
            "business": business, "operating": ZERO, "other": other}


def coded_rows(columns: list[str]) -> list[dict]:
    """类, 款, 项 rows in code order, each 类/款 the sum of the rows below it, then 合计."""
    rows, totals = [], {c: ZERO for c in columns}
    for cls in sorted(CLASSES):
        leaves = [lf for lf in LEAVES if lf[0] == cls]
        sums = {c: sum((leaf_amounts(lf)[c] for lf in leaves), ZERO) for c in columns}
        rows.append({"kind": "group", "code": (cls, "", ""), "name": CLASSES[cls], "values": [yuan(sums[c]) for c in columns]})
        for item in sorted({lf[1] for lf in leaves}):
            sub = [lf for lf in leaves if lf[1] == item]
            s2 = {c: sum((leaf_amounts(lf)[c] for lf in sub), ZERO) for c in columns}
            rows.append({"kind": "group", "code": (cls, item, ""), "name": ITEMS[cls + item],
                         "values": [yuan(s2[c]) for c in columns]})
            for lf in sub:
                a = leaf_amounts(lf)
                rows.append({"kind": "item", "code": (cls, item, lf[2]), "name": lf[3], "values": [yuan(a[c]) for c in columns]})
        for c in columns:
            totals[c] += sums[c]
    rows.append({"kind": "total", "code": None, "name": "合计", "span": True, "values": [yuan(totals[c]) for c in columns]})
    return rows


REVENUE_COLUMNS = ["total", "fiscal", "business", "operating", "other"]
REVENUE_ROWS = coded_rows(REVENUE_COLUMNS)
EXPENDITURE_ROWS = coded_rows(["total", "basic", "project"])
GRAND = {k: sum((leaf_amounts(lf)[k] for lf in LEAVES), ZERO) for k in REVENUE_COLUMNS + ["basic", "project"]}
CLASS_TOTAL = {cls: sum((leaf_amounts(lf)["total"] for lf in LEAVES if lf[0] == cls), ZERO) for cls in CLASSES}
CLASS_FISCAL = {cls: sum((leaf_amounts(lf)["fiscal"] for lf in LEAVES if lf[0] == cls), ZERO) for cls in CLASSES}
NUMERALS = "一二三四五六七八九十"


def coded_header(group: str, leaves: list[str]) -> list[tuple]:
    n = len(leaves)
    return [(0, 0, 1, 4, "项目"), (0, 4, 1, n, group), (1, 0, 1, 3, "功能分类科目编码"), (1, 3, 2, 1, "功能分类科目名称"),
            (2, 0, 1, 1, "类"), (2, 1, 1, 1, "款"), (2, 2, 1, 1, "项")] + [
        (1, 4 + k, 2, 1, text) for k, text in enumerate(leaves)]


# ---------------------------------------------------------------------------------------------
# 部门预算经济分类 of the 一般公共预算 part of 基本支出: 人员经费 = 301 + 303, 公用经费 = 302.
# 事业运行 (2011350) is funded 1,600,000.00 by 事业收入: that part is not 一般公共预算.
GB_BASIC = sum((leaf_amounts(lf)["basic"] for lf in LEAVES), ZERO) - D("1600000")
ECONOMIC = [
    ("301", "工资福利支出", "personnel", [
        ("01", "基本工资", D("1385000")),
        ("02", "津贴补贴", D("1726400")),
        ("07", "绩效工资", D("948600")),
        ("08", "机关事业单位基本养老保险缴费", D("812736")),
        ("09", "职业年金缴费", D("406368")),
        ("10", "职工基本医疗保险缴费", D("415920")),
        ("13", "住房公积金", D("609504")),
        ("99", "其他工资福利支出", D("100000")),
    ]),
    ("302", "商品和服务支出", "public", [
        ("01", "办公费", D("286400")),
        ("05", "水费", D("18600")),
        ("06", "电费", D("142300")),
        ("07", "邮电费", D("36500")),
        ("09", "物业管理费", D("312000")),
        ("11", "差旅费", D("24000")),
        ("17", "公务接待费", D("10000")),
        ("28", "工会经费", D("86200")),
        ("29", "福利费", D("98610")),
        ("99", "其他商品和服务支出", D("70600")),
    ]),
    ("303", "对个人和家庭的补助", "personnel", [
        ("02", "退休费", D("126480")),
        ("99", "其他对个人和家庭的补助", D("352000")),
    ]),
]


def economic_rows() -> list[dict]:
    rows, total = [], {"total": ZERO, "personnel": ZERO, "public": ZERO}
    for cls, name, side, items in ECONOMIC:
        s = sum((a for _, _, a in items), ZERO)
        vals = {"total": s, "personnel": s if side == "personnel" else ZERO, "public": s if side == "public" else ZERO}
        rows.append({"kind": "group", "code": (cls, ""), "name": name,
                     "values": [yuan(vals[k]) for k in ("total", "personnel", "public")]})
        for code, iname, amount in items:
            v = {"total": amount, "personnel": amount if side == "personnel" else ZERO,
                 "public": amount if side == "public" else ZERO}
            rows.append({"kind": "item", "code": (cls, code), "name": iname,
                         "values": [yuan(v[k]) for k in ("total", "personnel", "public")]})
        for k in total:
            total[k] += vals[k]
    assert total["total"] == GB_BASIC, (total, GB_BASIC)
    rows.append({"kind": "total", "code": None, "name": "合计", "span": True,
                 "values": [yuan(total[k]) for k in ("total", "personnel", "public")]})
    return rows


ECONOMIC_ROWS = economic_rows()
PERSONNEL = sum((a for c, _, s, items in ECONOMIC if s == "personnel" for _, _, a in items), ZERO)
PUBLIC = GB_BASIC - PERSONNEL

# ---------------------------------------------------------------------------------------------
CLASS_ROWS = [{"kind": "group", "name": f"{NUMERALS[k]}、{CLASSES[cls]}", "values": [yuan(CLASS_TOTAL[cls])]}
              for k, cls in enumerate(sorted(CLASSES))]
SUMMARY = {
    "revenue": [
        {"kind": "group", "name": "一、财政拨款收入", "values": [yuan(GRAND["fiscal"])]},
        {"kind": "item", "name": "1. 一般公共预算资金", "values": [yuan(GRAND["fiscal"])]},
        {"kind": "item", "name": "2. 政府性基金", "values": [""]},
        {"kind": "item", "name": "3. 国有资本经营预算", "values": [""]},
        {"kind": "group", "name": "二、事业收入", "values": [yuan(GRAND["business"])]},
        {"kind": "group", "name": "三、事业单位经营收入", "values": [yuan(GRAND["operating"])]},
        {"kind": "group", "name": "四、其他收入", "values": [yuan(GRAND["other"])]},
    ],
    "expenditure": CLASS_ROWS,
    "footer": [({"kind": "total", "name": "收入总计", "values": [yuan(GRAND["total"])]},
                {"kind": "total", "name": "支出总计", "values": [yuan(GRAND["total"])]})],
}
APPROPRIATION = {
    "revenue": [
        {"kind": "group", "name": "一、一般公共预算资金", "values": [yuan(GRAND["fiscal"])]},
        {"kind": "group", "name": "二、政府性基金", "values": [""]},
        {"kind": "group", "name": "三、国有资本经营预算", "values": [""]},
    ],
    "expenditure": [{"kind": "group", "name": f"{NUMERALS[k]}、{CLASSES[cls]}",
                     "values": [yuan(CLASS_FISCAL[cls]), yuan(CLASS_FISCAL[cls]), "", ""]}
                    for k, cls in enumerate(sorted(CLASSES))],
    "footer": [({"kind": "total", "name": "收入总计", "values": [yuan(GRAND["fiscal"])]},
                {"kind": "total", "name": "支出总计", "values": [yuan(GRAND["fiscal"]), yuan(GRAND["fiscal"]), "", ""]})],
}


def _table(**kw):
    base = {"kind": "table", "unit": "元", "caption_left": CAPTION, "caption_right": "单位：元", "orientation": "landscape",
            "title_size": 17, "margin": 40}
    base.update(kw)
    return base


W = 761.8898   # landscape width inside 40pt margins
CODED_CHECKS = {"hierarchy": True}

SAMPLE = {
    "file": "putuo_2025_budget.pdf",
    "pdf_title": f"2025年{DEPARTMENT}部门预算",
    "department": DEPARTMENT,
    "year": 2025,
    "doc_kind": "budget",
    "scan": {"dpi": 200, "quality": 30, "seed": 2025, "max_angle": 0.6, "blur": 1.0, "noise": 3.0},
    # as an office scans it (#12): colour, JPEG 55, grey paper, fold, bleed-through, a red seal every 4th page
    "office": {"dpi": 200, "seed": 2512},
    "cross_checks": [
        ("summary", "收入总计", "total", "revenue", "合计", "total"),
        ("revenue", "合计", "fiscal_appropriation", "appropriation_summary", "收入总计", "total"),
        ("expenditure", "合计", "total", "summary", "支出总计", "total"),
    ],
    "content": [
        {"kind": "cover", "lines": ["2025年", DEPARTMENT, "部门预算"], "size": 24, "date": "2025年1月"},
        {"kind": "narrative", "heading": "第一部分  部门概况", "paragraphs": [
            "一、主要职能",
            f"{DEPARTMENT}是上海市普陀区商务委员会所属公益二类事业单位，主要承担区内会展活动的组织协调、展会服务保障、"
            "招商引资项目的对接服务，以及商业流通领域公共服务平台的运行维护等工作。",
            "二、机构设置",
            f"{DEPARTMENT}内设综合办公室、会展服务部、招商服务部、平台运营部4个部门，纳入2025年部门预算编制范围的为中心本级。",
        ]},
        {"kind": "narrative", "heading": "第二部分  2025年部门预算情况说明", "paragraphs": [
            "一、收支预算总体情况",
            f"按照综合预算的原则，{DEPARTMENT}所有收入和支出均纳入部门预算管理。2025年收入预算{yuan(GRAND['total'])}元，"
            f"其中财政拨款收入{yuan(GRAND['fiscal'])}元，事业收入{yuan(GRAND['business'])}元，其他收入{yuan(GRAND['other'])}元；"
            f"支出预算{yuan(GRAND['total'])}元，其中基本支出{yuan(GRAND['basic'])}元，项目支出{yuan(GRAND['project'])}元。",
            "二、一般公共预算基本支出情况",
            f"2025年一般公共预算基本支出{yuan(GB_BASIC)}元，其中人员经费{yuan(PERSONNEL)}元，公用经费{yuan(PUBLIC)}元。",
        ]},
        _table(type="summary", title="2025年部门财务收支预算总表", layout="two_sided",
               header=[(0, 0, 1, 2, "本年收入"), (0, 2, 1, 2, "本年支出"), (1, 0, 1, 1, "项目"), (1, 1, 1, 1, "预算数"),
                       (1, 2, 1, 1, "项目"), (1, 3, 1, 1, "预算数")],
               header_heights=[22, 22], widths=[W * 0.3, W * 0.2, W * 0.3, W * 0.2],
               value_columns=[(1, "total", "revenue"), (3, "total", "expenditure")],
               revenue=SUMMARY["revenue"], expenditure=SUMMARY["expenditure"], footer=SUMMARY["footer"], pad=6,
               body_height=22, size=10, checks={"rows": [["收入总计", ["一、财政拨款收入", "二、事业收入",
                                                                    "三、事业单位经营收入", "四、其他收入"]]]}),
        _table(type="revenue", title="2025年部门收入预算总表", layout="coded",
               header=coded_header("收入预算", ["合计", "财政拨款收入", "事业收入", "事业单位\n经营收入", "其他收入"]),
               header_heights=[22, 18, 18], widths=[36, 36, 36, 206.8898, 101.4, 101.4, 81, 81, 82.2],
               value_columns=[(4, "total", None), (5, "fiscal_appropriation", None), (6, "business_income", None),
                              (7, "operating_income", None), (8, "other_income", None)],
               rows=REVENUE_ROWS, body_height=22, size=10, breaks=[14], repeat_header=False,
               checks={"hierarchy": True, "columns": [["total", ["fiscal_appropriation", "business_income",
                                                                 "operating_income", "other_income"]]]}),
        _table(type="expenditure", title="2025年部门支出预算总表", layout="coded",
               header=coded_header("支出预算", ["合计", "基本支出", "项目支出"]), header_heights=[22, 18, 18],
               widths=[36, 36, 36, 245.8898, 136, 136, 136], value_columns=[(4, "total", None), (5, "basic", None),
                                                                           (6, "project", None)],
               rows=EXPENDITURE_ROWS, body_height=22, size=10, breaks=[14], repeat_header=True,
               checks={"hierarchy": True, "columns": [["total", ["basic", "project"]]]}),
        _table(type="appropriation_summary", title="2025年部门财政拨款收支预算总表", layout="two_sided",
               header=[(0, 0, 1, 2, "财政拨款收入"), (0, 2, 1, 5, "财政拨款支出"), (1, 0, 1, 1, "项目"), (1, 1, 1, 1, "预算数"),
                       (1, 2, 1, 1, "项目"), (1, 3, 1, 1, "合计"), (1, 4, 1, 1, "一般公共预算"),
                       (1, 5, 1, 1, "政府性基金预算"), (1, 6, 1, 1, "国有资本经营预算")],
               header_heights=[22, 22], widths=[140, 100, 161.8898, 100, 100, 80, 80],
               value_columns=[(1, "total", "revenue"), (3, "total", "expenditure"), (4, "general_budget", "expenditure"),
                              (5, "government_fund", "expenditure"), (6, "state_capital", "expenditure")],
               revenue=APPROPRIATION["revenue"], expenditure=APPROPRIATION["expenditure"],
               footer=APPROPRIATION["footer"], pad=5, body_height=22, size=10,
               checks={"columns": [["total", ["general_budget", "government_fund", "state_capital"], "expenditure"]]}),
        {"kind": "narrative", "heading": "第三部分  其他相关情况说明", "paragraphs": [
            "一、“三公”经费预算情况说明",
            "2025年“三公”经费预算数为8.50万元，其中公务接待费2.50万元，公务用车运行费6.00万元，因公出国（境）费"
            "和公务用车购置费未安排预算。",
            "二、机关运行经费预算",
            f"{DEPARTMENT}为事业单位，不安排机关运行经费，机关运行经费预算数为0.00万元。",
        ]},
        _table(type="general_budget_basic_expenditure", title="2025年部门一般公共预算基本支出部门预算经济分类预算表",
               layout="coded", code_cols=2,
               header=[(0, 0, 1, 3, "项目"), (0, 3, 1, 3, "一般公共预算基本支出"), (1, 0, 1, 2, "部门预算经济分类科目编码"),
                       (1, 2, 2, 1, "经济分类科目名称"), (1, 3, 2, 1, "合计"), (1, 4, 2, 1, "人员经费"),
                       (1, 5, 2, 1, "公用经费"), (2, 0, 1, 1, "类"), (2, 1, 1, 1, "款")],
               header_heights=[22, 18, 18], widths=[60, 60, 271.8898, 130, 120, 120],
               value_columns=[(3, "total", None), (4, "basic.personnel", None), (5, "basic.public", None)],
               rows=ECONOMIC_ROWS, body_height=18.5, size=9.5, breaks=[18],
               checks={"hierarchy": True, "columns": [["total", ["basic.personnel", "basic.public"]]]}),
        _table(type="three_public", title="2025年部门“三公”经费和机关运行经费预算表", layout="coded", code_cols=0,
               name_col=False, unit="万元", caption_right="单位:万元",
               header=[(0, 0, 1, 6, "“三公”经费预算数"), (0, 6, 3, 1, "机关运行经费预算数"), (1, 0, 2, 1, "合计"),
                       (1, 1, 2, 1, "因公出国(境)费"), (1, 2, 2, 1, "公务接待费"), (1, 3, 1, 3, "公务用车购置及运行费"),
                       (2, 3, 1, 1, "小计"), (2, 4, 1, 1, "购置费"), (2, 5, 1, 1, "运行费")],
               header_heights=[28, 28, 28], widths=[W / 7] * 7,
               value_columns=[(0, "total", None), (1, "abroad", None), (2, "reception", None), (3, "vehicle", None),
                              (4, "vehicle.purchase", None), (5, "vehicle.operation", None), (6, "organ_operation", None)],
               rows=[{"kind": "item", "code": None, "name": None,
                      "values": ["8.50", "", "2.50", "6.00", "", "6.00", "0.00"]}],
               body_height=44, size=10,
               checks={"columns": [["total", ["abroad", "reception", "vehicle"]],
                                   ["vehicle", ["vehicle.purchase", "vehicle.operation"]]]}),
    ],
}

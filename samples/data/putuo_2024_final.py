"""上海市普陀区河湖管理局 2024 年度部门决算: an invented department (numbers made up, sums exact) in the layout
of ../shared/real/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf: 万元 with two decimals and no thousands
separators, one-column 7-digit function codes (2080501), short titles (收入支出决算总表) under a banner
"…2024年度部门决算表" on the first table page, 预算数/决算数 pairs in the “三公” table, a two-panel 基本支出
table, 0.00 printed for zero, names wrapped in a narrow column.

Only the leaf amounts are typed; every class row, total and cross-table figure is summed from them here.
Six tables: 收入支出决算总表, 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表 (over two pages, header
repeated), 一般公共预算财政拨款基本支出决算表 (two panels), 财政拨款“三公”经费支出决算表.
"""
from decimal import Decimal

D = Decimal
ZERO = D("0")
DEPARTMENT = "上海市普陀区河湖管理局"
BANNER = f"{DEPARTMENT}2024年度部门决算表"


def wan(v: Decimal, zero: str = "") -> str:
    """Amounts as this form prints them: 9746.50; a zero prints `zero` ("" blank or "0.00")."""
    return f"{v:.2f}" if v else zero


CLASSES = {"208": "社会保障和就业支出", "210": "卫生健康支出", "213": "农林水支出", "221": "住房保障支出"}
ITEMS = {"20805": "行政事业单位养老支出", "21011": "行政事业单位医疗", "21303": "水利", "22102": "住房改革支出"}

# 部门经济分类 of 基本支出 (all of it 一般公共预算财政拨款): (code, name, amount); 人员经费 = 301 + 303,
# 公用经费 = 302 + 310.
ECONOMIC_LEFT = [
    ("301", "工资福利支出", [("30101", "基本工资", "412.56"), ("30102", "津贴补贴", "786.30"), ("30103", "奖金", "0"),
                       ("30107", "绩效工资", "498.12"), ("30108", "机关事业单位基本养老保险缴费", "312.48"),
                       ("30109", "职业年金缴费", "156.24"), ("30110", "职工基本医疗保险缴费", "164.35"),
                       ("30112", "其他社会保障缴费", "12.85"), ("30113", "住房公积金", "198.72"),
                       ("30199", "其他工资福利支出", "65.40")]),
    ("303", "对个人和家庭的补助", [("30301", "离休费", "0"), ("30302", "退休费", "36.20"), ("30305", "生活补助", "0"),
                          ("30399", "其他对个人和家庭的补助", "84.60")]),
]
ECONOMIC_RIGHT = [
    ("302", "商品和服务支出", [("30201", "办公费", "38.64"), ("30205", "水费", "2.15"), ("30206", "电费", "16.80"),
                        ("30207", "邮电费", "7.26"), ("30209", "物业管理费", "68.40"), ("30211", "差旅费", "1.92"),
                        ("30213", "维修（护）费", "24.35"), ("30216", "培训费", "1.20"), ("30217", "公务接待费", "0.42"),
                        ("30226", "劳务费", "3.60"), ("30228", "工会经费", "18.75"), ("30229", "福利费", "22.30"),
                        ("30231", "公务用车运行维护费", "6.85"), ("30239", "其他交通费用", "28.80"),
                        ("30299", "其他商品和服务支出", "15.66")]),
    ("310", "资本性支出", [("31002", "办公设备购置", "12.60"), ("31007", "信息网络及软件购置更新", "0")]),
]


def econ_sum(groups) -> Decimal:
    return sum((D(a) for _, _, items in groups for _, _, a in items), ZERO)


PERSONNEL = econ_sum(ECONOMIC_LEFT)
PUBLIC = econ_sum(ECONOMIC_RIGHT)
BASIC_TOTAL = PERSONNEL + PUBLIC

# Function leaves: code, name, 基本支出, 项目支出 (expenditure), 财政拨款收入, 其他收入 (revenue).
# 行政运行 takes what the economic table leaves over; 水利工程运行与维护 spends 12.40 of 其他收入 and 7.15
# of the 年初结转和结余 on top of its 财政拨款收入.
_OTHER_BASIC = {"2080501": D("36.20"), "2080505": D("312.48"), "2080506": D("156.24"), "2101101": D("164.35"),
                "2210201": D("198.72"), "2210203": D("84.60")}
ADMIN_RUNNING = BASIC_TOTAL - sum(_OTHER_BASIC.values(), ZERO)
assert ADMIN_RUNNING > 0
CARRYOVER_OPEN = D("45.30")
CARRYOVER_USED = D("7.15")
LEAVES = [   # code, name, basic, project, fiscal revenue, other revenue
    ("2080501", "行政单位离退休", _OTHER_BASIC["2080501"], ZERO, _OTHER_BASIC["2080501"], ZERO),
    ("2080505", "机关事业单位基本养老保险缴费支出", _OTHER_BASIC["2080505"], ZERO, _OTHER_BASIC["2080505"], ZERO),
    ("2080506", "机关事业单位职业年金缴费支出", _OTHER_BASIC["2080506"], ZERO, _OTHER_BASIC["2080506"], ZERO),
    ("2101101", "行政单位医疗", _OTHER_BASIC["2101101"], ZERO, _OTHER_BASIC["2101101"], ZERO),
    ("2130301", "行政运行", ADMIN_RUNNING, ZERO, ADMIN_RUNNING, ZERO),
    ("2130306", "水利工程运行与维护", ZERO, D("3427.65"), D("3427.65") - D("12.40") - CARRYOVER_USED, D("12.40")),
    ("2130311", "水资源节约管理与保护", ZERO, D("285.30"), D("285.30"), ZERO),
    ("2130399", "其他水利支出", ZERO, D("96.00"), D("96.00"), ZERO),
    ("2210201", "住房公积金", _OTHER_BASIC["2210201"], ZERO, _OTHER_BASIC["2210201"], ZERO),
    ("2210203", "购房补贴", _OTHER_BASIC["2210203"], ZERO, _OTHER_BASIC["2210203"], ZERO),
]


def amounts(leaf) -> dict:
    code, _, basic, project, fiscal, other = leaf
    return {"revenue": fiscal + other, "fiscal": fiscal, "other": other, "expenditure": basic + project,
            "basic": basic, "project": project,
            # 一般公共预算财政拨款 spending: what 其他收入 did not pay for
            "gb_total": basic + project - other, "gb_basic": basic, "gb_project": project - other}


def coded_rows(columns: list[str], zero: str = "", total_first: bool = True) -> list[dict]:
    """Class (3-digit), item (5-digit) and leaf (7-digit) rows; 合计 first or last across code and name."""
    rows, total = [], {c: ZERO for c in columns}
    for cls in sorted(CLASSES):
        leaves = [lf for lf in LEAVES if lf[0].startswith(cls)]
        s = {c: sum((amounts(lf)[c] for lf in leaves), ZERO) for c in columns}
        rows.append({"kind": "group", "code": cls, "name": CLASSES[cls], "values": [wan(s[c], zero) for c in columns]})
        for item in sorted({lf[0][:5] for lf in leaves}):
            sub = [lf for lf in leaves if lf[0].startswith(item)]
            s2 = {c: sum((amounts(lf)[c] for lf in sub), ZERO) for c in columns}
            rows.append({"kind": "group", "code": item, "name": ITEMS[item], "values": [wan(s2[c], zero) for c in columns]})
            rows += [{"kind": "item", "code": lf[0], "name": lf[1], "values": [wan(amounts(lf)[c], zero) for c in columns]}
                     for lf in sub]
        for c in columns:
            total[c] += s[c]
    row = {"kind": "total", "code": None, "name": "合计", "span": True, "values": [wan(total[c], zero) for c in columns]}
    return [row] + rows if total_first else rows + [row]


def grand(key: str) -> Decimal:
    return sum((amounts(lf)[key] for lf in LEAVES), ZERO)


REVENUE_TOTAL, EXPENDITURE_TOTAL = grand("revenue"), grand("expenditure")
CARRYOVER_CLOSE = REVENUE_TOTAL + CARRYOVER_OPEN - EXPENDITURE_TOTAL
assert CARRYOVER_CLOSE >= 0

# 收入支出决算总表: the 决算 form's fixed revenue and expenditure lines.
EXP_LINES = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
             "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
             "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出",
             "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "抗疫特别国债安排的支出"]
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
            "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四"]
CLASS_EXP = {CLASSES[c]: sum((amounts(lf)["expenditure"] for lf in LEAVES if lf[0].startswith(c)), ZERO) for c in CLASSES}
REV_LINES = [("一般公共预算财政拨款收入", grand("fiscal")), ("政府性基金预算财政拨款收入", ZERO),
             ("国有资本经营预算财政拨款收入", ZERO), ("上级补助收入", ZERO), ("事业收入", ZERO), ("经营收入", ZERO),
             ("附属单位上缴收入", ZERO), ("其他收入", grand("other"))]
SUMMARY = {
    "revenue": [{"kind": "group", "name": f"{NUMERALS[k]}、{name}", "values": [wan(v)]} for k, (name, v) in enumerate(REV_LINES)],
    "expenditure": [{"kind": "group", "name": f"{NUMERALS[k]}、{name}", "values": [wan(CLASS_EXP.get(name, ZERO))]}
                    for k, name in enumerate(EXP_LINES)],
    "footer": [
        ({"kind": "total", "name": "本年收入合计", "values": [wan(REVENUE_TOTAL)]},
         {"kind": "total", "name": "本年支出合计", "values": [wan(EXPENDITURE_TOTAL)]}),
        ({"kind": "item", "name": "使用非财政拨款结余", "values": [""]}, {"kind": "item", "name": "结余分配", "values": [""]}),
        ({"kind": "item", "name": "年初结转和结余", "values": [wan(CARRYOVER_OPEN)]},
         {"kind": "item", "name": "年末结转和结余", "values": [wan(CARRYOVER_CLOSE)]}),
        ({"kind": "total", "name": "总计", "values": [wan(REVENUE_TOTAL + CARRYOVER_OPEN)]},
         {"kind": "total", "name": "总计", "values": [wan(EXPENDITURE_TOTAL + CARRYOVER_CLOSE)]}),
    ],
}


def panel(groups) -> list[dict]:
    rows = []
    for code, name, items in groups:
        rows.append({"kind": "group", "code": code, "name": name, "values": [wan(sum((D(a) for _, _, a in items), ZERO), "0.00")]})
        rows += [{"kind": "item", "code": c, "name": n, "values": [wan(D(a), "0.00")]} for c, n, a in items]
    return rows


# 财政拨款“三公”经费: (预算数, 决算数) per heading; the 决算数 match 30217 公务接待费 and 30231 公务用车运行维护费.
THREE_PUBLIC = {"abroad": ("0", "0"), "vehicle.purchase": ("0", "0"), "vehicle.operation": ("8.50", "6.85"),
                "reception": ("1.30", "0.42")}


def three_public_values() -> list[str]:
    tp = {k: (D(b), D(f)) for k, (b, f) in THREE_PUBLIC.items()}
    tp["vehicle"] = tuple(tp["vehicle.purchase"][i] + tp["vehicle.operation"][i] for i in (0, 1))
    tp["total"] = tuple(tp["abroad"][i] + tp["vehicle"][i] + tp["reception"][i] for i in (0, 1))
    order = ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception"]
    return [wan(tp[k][i], "0.00") for k in order for i in (0, 1)]


def _table(**kw):
    base = {"kind": "table", "unit": "万元", "caption_right": "单位：万元", "orientation": "portrait", "title_size": 12,
            "margin": 50}
    base.update(kw)
    return base


PW = 495.2756    # portrait width inside 50pt margins
LW = 741.8898    # landscape width inside 50pt margins
MEASURES = ["预算数", "决算数"]

SAMPLE = {
    "file": "putuo_2024_final.pdf",
    "pdf_title": f"{DEPARTMENT}2024年度部门决算",
    "department": DEPARTMENT,
    "year": 2024,
    "doc_kind": "final_account",
    "scan": {"dpi": 150, "quality": 35, "seed": 2024, "max_angle": 1.0, "blur": 0.8, "noise": 4.0, "ink": 40, "paper": 232},
    "cross_checks": [
        ("summary", "本年收入合计", "total", "revenue", "合计", "total"),
        ("summary", "本年支出合计", "total", "expenditure", "合计", "total"),
        ("general_budget_expenditure", "合计", "basic", "expenditure", "合计", "basic"),
    ],
    "content": [
        {"kind": "cover", "lines": [DEPARTMENT, "2024年度部门决算"], "size": 24, "date": "2025年9月"},
        {"kind": "narrative", "heading": "第一部分  部门概况", "paragraphs": [
            "一、主要职能",
            f"{DEPARTMENT}主要负责本区河道、湖泊及水利工程的日常管理和运行维护，组织实施河湖长制相关工作，承担水资源节约、"
            "管理与保护的具体事务，负责防汛排涝设施的运行保障。",
            "二、机构设置",
            f"{DEPARTMENT}内设办公室、计划财务科、河湖管理科、工程运行科4个科室。纳入2024年度部门决算编制范围的为局本级。",
        ]},
        {"kind": "narrative", "heading": "第二部分  2024年度部门决算情况说明", "paragraphs": [
            "一、收入支出决算总体情况说明",
            f"2024年度收入总计{wan(REVENUE_TOTAL + CARRYOVER_OPEN)}万元，其中本年收入{wan(REVENUE_TOTAL)}万元，"
            f"年初结转和结余{wan(CARRYOVER_OPEN)}万元；支出总计{wan(EXPENDITURE_TOTAL + CARRYOVER_CLOSE)}万元，其中本年支出"
            f"{wan(EXPENDITURE_TOTAL)}万元，年末结转和结余{wan(CARRYOVER_CLOSE)}万元。",
            "二、一般公共预算财政拨款基本支出决算情况说明",
            f"2024年度一般公共预算财政拨款基本支出{wan(BASIC_TOTAL)}万元，其中人员经费{wan(PERSONNEL)}万元，"
            f"公用经费{wan(PUBLIC)}万元。",
        ]},
        _table(type="summary", title="收入支出决算总表", banner=BANNER, layout="two_sided",
               header=[(0, 0, 1, 2, "收入"), (0, 2, 1, 2, "支出"), (1, 0, 1, 1, "项目"), (1, 1, 1, 1, "决算数"),
                       (1, 2, 1, 1, "项目"), (1, 3, 1, 1, "决算数")],
               header_heights=[15, 15], widths=[165, 72.6378, 185, 72.6378],
               value_columns=[(1, "total", "revenue"), (3, "total", "expenditure")],
               revenue=SUMMARY["revenue"], expenditure=SUMMARY["expenditure"], footer=SUMMARY["footer"],
               body_height=15, size=9, vpad=1.5, note="注：本表反映部门本年度的总收支和年末结转结余情况。",
               checks={"rows": [["本年收入合计", [f"{NUMERALS[k]}、{n}" for k, (n, _) in enumerate(REV_LINES)]]]}),
        _table(type="revenue", title="收入决算表", layout="coded", code_cols=1, orientation="landscape",
               header=[(0, 0, 1, 2, "项目"), (1, 0, 1, 1, "功能分类\n科目编码"), (1, 1, 1, 1, "科目名称"),
                       (0, 2, 2, 1, "本年收入合计"), (0, 3, 2, 1, "财政拨款收入"), (0, 4, 2, 1, "上级补助收入"),
                       (0, 5, 2, 1, "事业收入"), (0, 6, 2, 1, "经营收入"), (0, 7, 2, 1, "附属单位\n上缴收入"),
                       (0, 8, 2, 1, "其他收入")],
               header_heights=[24, 36], widths=[72, 146.8898, 77, 77, 77, 73, 73, 73, 73],
               value_columns=[(2, "total", None), (3, "fiscal_appropriation", None), (4, "superior_subsidy", None),
                              (5, "business_income", None), (6, "operating_income", None), (7, "affiliate_income", None),
                              (8, "other_income", None)],
               rows=[dict(r, values=r["values"][:2] + ["", "", "", ""] + r["values"][2:])
                     for r in coded_rows(["revenue", "fiscal", "other"])],
               body_height=21, size=9.5,
               checks={"hierarchy": True, "columns": [["total", ["fiscal_appropriation", "other_income"]]]}),
        _table(type="expenditure", title="支出决算表", layout="coded", code_cols=1, orientation="landscape",
               header=[(0, 0, 1, 2, "项目"), (1, 0, 1, 1, "功能分类\n科目编码"), (1, 1, 1, 1, "科目名称"),
                       (0, 2, 2, 1, "本年支出合计"), (0, 3, 2, 1, "基本支出"), (0, 4, 2, 1, "项目支出"),
                       (0, 5, 2, 1, "上缴上级支出"), (0, 6, 2, 1, "经营支出"), (0, 7, 2, 1, "对附属单位\n补助支出")],
               header_heights=[24, 36], widths=[72, 179.8898, 85, 85, 85, 78, 78, 79],
               value_columns=[(2, "total", None), (3, "basic", None), (4, "project", None), (5, "to_superior", None),
                              (6, "operating_expenditure", None), (7, "to_affiliates", None)],
               rows=[dict(r, values=r["values"] + ["", "", ""]) for r in coded_rows(["expenditure", "basic", "project"])],
               body_height=21, size=9.5,
               checks={"hierarchy": True, "columns": [["total", ["basic", "project"]]]}),
        _table(type="general_budget_expenditure", title="一般公共预算财政拨款支出决算表", layout="coded", code_cols=1,
               header=[(0, 0, 1, 2, "项目"), (1, 0, 1, 1, "功能分类\n科目编码"), (1, 1, 1, 1, "科目名称"),
                       (0, 2, 2, 1, "合计"), (0, 3, 2, 1, "基本支出"), (0, 4, 2, 1, "项目支出")],
               header_heights=[22, 40], widths=[95, 95, 101.7585, 101.7585, 101.7586],
               value_columns=[(2, "total", None), (3, "basic", None), (4, "project", None)],
               rows=coded_rows(["gb_total", "gb_basic", "gb_project"], zero="0.00", total_first=False),
               body_height=34, size=10, breaks=[11], repeat_header=True,
               checks={"hierarchy": True, "columns": [["total", ["basic", "project"]]]}),
        _table(type="general_budget_basic_expenditure", title="一般公共预算财政拨款基本支出决算表", layout="two_panel",
               header=[(0, 0, 1, 1, "经济分类\n科目编码"), (0, 1, 1, 1, "科目名称"), (0, 2, 1, 1, "决算数"),
                       (0, 3, 1, 1, "经济分类\n科目编码"), (0, 4, 1, 1, "科目名称"), (0, 5, 1, 1, "决算数")],
               header_heights=[26], widths=[52, 123.6378, 72, 52, 123.6378, 72],
               value_columns=[(2, "total", None)], left=panel(ECONOMIC_LEFT), right=panel(ECONOMIC_RIGHT),
               footer=({"kind": "total", "name": "人员经费合计", "values": [wan(PERSONNEL)]},
                       {"kind": "total", "name": "公用经费合计", "values": [wan(PUBLIC)]}),
               body_height=15, size=9, vpad=1.5, note="注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
               checks={"hierarchy": True, "rows": [["人员经费合计", ["工资福利支出", "对个人和家庭的补助"]],
                                                   ["公用经费合计", ["商品和服务支出", "资本性支出"]]]}),
        _table(type="three_public", title="财政拨款“三公”经费支出决算表", layout="coded", code_cols=0, name_col=False,
               orientation="landscape",
               header=[(0, 0, 1, 12, "财政拨款“三公”经费"), (1, 0, 2, 2, "合计"), (1, 2, 2, 2, "因公出国\n（境）费"),
                       (1, 4, 1, 6, "公务用车购置及运行维护费"), (1, 10, 2, 2, "公务接待费"), (2, 4, 1, 2, "小计"),
                       (2, 6, 1, 2, "公务用车\n购置费"), (2, 8, 1, 2, "公务用车\n运行维护费")]
               + [(3, k, 1, 1, MEASURES[k % 2]) for k in range(12)],
               header_heights=[16, 18, 30, 30], widths=[LW / 12] * 12,
               value_columns=[(k, key, None, ("budget", "final")[k % 2]) for k, key in enumerate(
                   [x for x in ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception"]
                    for _ in (0, 1)])],
               rows=[{"kind": "item", "code": None, "name": None, "values": three_public_values()}],
               body_height=18, size=9.5, note="注：本表反映部门本年度“三公”经费支出预决算情况。",
               checks={"columns": [["total@budget", ["abroad@budget", "vehicle@budget", "reception@budget"]],
                                   ["total@final", ["abroad@final", "vehicle@final", "reception@final"]],
                                   ["vehicle@final", ["vehicle.purchase@final", "vehicle.operation@final"]]]}),
    ],
}

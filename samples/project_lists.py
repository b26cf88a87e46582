#!/usr/bin/env python
"""Project lists of 项目支出绩效表 printed one row per project (单位名称 · 项目名称 · 金额 · 项目总体绩效目标, a 合计
row), in the templates unseen disclosures print them, and one project form with amounts no field held
(上年结转 beside 当年预算, 补助区县, a 分值 column, 项目实施期目标). From the repo root:

    python samples/project_lists.py          # writes samples/project_lists/<name>.pdf

Tests take their expected values from LISTS / FORM here, never from the extractor. Deterministic
(reportlab invariant mode): the same data gives the same bytes.
"""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from cell_text import draw_in_cell

HERE = Path(__file__).resolve().parent
OUT = HERE / "project_lists"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
A4_LANDSCAPE = (841.8898, 595.2756)

_GOAL = "保障{unit}{name}工作正常开展，完成年度各项任务，提升服务质量和群众满意度。"

# (unit, project, amount as printed): two projects named alike under two units, and a unit's second
# project whose unit and name repeat the row above's unit (杭州市公安局 / 日常保障运行 twice is not printed:
# names repeat across units only, as the disclosure does)
_HANGZHOU = [
    ("杭州市公安局", "日常保障运行", "12,450.20"),
    ("杭州市公安局交通管理支队", "日常保障运行", "8,296.51"),
    ("杭州市公安局", "信息化建设运维", "3,120.00"),
    ("杭州市公安局交通管理支队", "交通设施维护", "2,875.35"),
    ("杭州市公安局", "执法办案经费", "1,506.80"),
]

_SEVENTEEN = [
    ("市教育局", "教师培训经费", "2,310.55"), ("市教育局", "校舍维修改造", "18,620.00"),
    ("市教育局", "学生资助补助", "9,845.12"), ("市第一中学", "实验室设备购置", "1,204.30"),
    ("市第一中学", "日常运行保障", "856.40"), ("市第二中学", "日常运行保障", "912.75"),
    ("市职业技术学院", "实训基地建设", "25,430.00"), ("市职业技术学院", "教学改革项目", "3,276.18"),
    ("市教育考试院", "考试组织经费", "4,518.90"), ("市教育信息中心", "教育信息化运维", "6,782.44"),
    ("市教育局", "学前教育发展资金", "32,150.00"), ("市教育局", "义务教育均衡发展", "41,605.27"),
    ("市少年宫", "青少年活动经费", "1,128.60"), ("市教育局", "校园安全保障", "7,394.15"),
    ("市特殊教育学校", "特殊教育补助", "2,946.00"), ("市教育局", "教育督导评估", "1,862.35"),
    ("市教育局", "营养改善计划", "10,619.40"),
]

# name -> (title, header labels, rows, options)
LISTS: dict[str, dict] = {
    # unit and project in columns of their own, a 合计 row last (绩效目标: the year's goal)
    "list_unit_columns": dict(
        title="杭州市公安局2026年项目支出绩效表", unit="单位：万元",
        header=["单位名称", "项目名称", "金额", "绩效目标"], rows=_HANGZHOU, seq=False),
    # a 序号 column, 金额（万元）, seventeen projects over two pages with the header repeated
    "list_numbered": dict(
        title="2026年市级部门项目支出绩效表", unit="单位：万元",
        header=["序号", "单位名称", "项目名称", "金额（万元）", "项目总体绩效目标"], rows=_SEVENTEEN, seq=True),
    # 预算单位 · 项目 · 预算金额 · 绩效目标 labels printed with 项目总体 wording, header not repeated
    "list_budget_unit": dict(
        title="2026年部门项目支出绩效表", unit="金额单位：万元",
        header=["预算单位", "项目名称", "项目金额", "项目总体绩效目标"], rows=_SEVENTEEN[:9], seq=False),
}


def total(rows) -> Decimal:
    return sum((Decimal(a.replace(",", "")) for _, _, a in rows), Decimal(0))


def _fmt(d: Decimal) -> str:
    return f"{d:,.2f}"


def _canvas(path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab import rl_config
    rl_config.invariant = 1
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    return canvas.Canvas(str(path), pagesize=A4_LANDSCAPE, invariant=1)


def _cell(c, text: str, x0, x1, y_top, y_bot, size=9, align="c") -> None:
    """Text wrapped to the cell's width, centred vertically."""
    width = x1 - x0 - 6
    per = max(1, int(width // size))
    lines = [text[i:i + per] for i in range(0, len(text), per)] or [""]
    h = len(lines) * size * 1.3
    y = (y_top + y_bot) / 2 + h / 2 - size
    c.setFont("WQY", size)
    for line in lines:
        draw_in_cell(c, line, x0, x1, y, {"r": "right", "l": "left"}.get(align, "center"))
        y -= size * 1.3


def _table(c, xs, rows: list[list[str]], y_top: float, heights: list[float], aligns) -> float:
    y = y_top
    for row, h in zip(rows, heights):
        c.line(xs[0], y, xs[-1], y)
        for k, text in enumerate(row):
            _cell(c, text, xs[k], xs[k + 1], y, y - h, align=aligns[k])
        y -= h
    c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, y_top, x, y)
    return y


def draw_list(name: str, spec: dict) -> Path:
    path = OUT / f"{name}.pdf"
    c = _canvas(path)
    W, H = A4_LANDSCAPE
    header = spec["header"]
    widths = {"序号": 40, "单位名称": 150, "预算单位": 150, "项目名称": 150}
    xs = [50.0]
    for label in header[:-1]:
        xs.append(xs[-1] + widths.get(label, 90))
    xs.append(W - 50)                             # the goal column takes the rest
    aligns = ["c" if lab == "序号" else "r" if "金额" in lab else "l" for lab in header]
    body = []
    for n, (unit, proj, amount) in enumerate(spec["rows"], 1):
        row = ([str(n)] if spec["seq"] else []) + [unit, proj, amount, _GOAL.format(unit=unit, name=proj)]
        body.append(row)
    total_row = ([""] if spec["seq"] else []) + ["合计", "", _fmt(total(spec["rows"])), ""]
    body.append(total_row)
    per_page = 10
    pages = [body[i:i + per_page] for i in range(0, len(body), per_page)]
    for p, chunk in enumerate(pages):
        y = H - 50
        if p == 0:
            c.setFont("WQY", 16)
            c.drawCentredString(W / 2, y, spec["title"])
            c.setFont("WQY", 9)
            c.drawRightString(W - 50, y - 22, spec["unit"])
            y -= 30
        else:
            y -= 10
        rows = ([header] if p == 0 or spec["seq"] else []) + chunk
        if rows[0] is header:
            y = _table(c, xs, [header], y, [28.0], ["c"] * len(header))
        _table(c, xs, chunk, y, [28.0] * len(chunk), aligns)
        c.showPage()
    c.save()
    return path


# ---- a project form with amounts no field held ----------------------------------------------------
FORM = dict(
    title="2026年项目支出绩效目标表",
    project_name="农村饮水安全巩固提升", unit_name="市水利局",
    period="2025-2027年",
    amounts=[("项目资金总额", "15,200.00"), ("当年预算", "14,450.00"), ("上年结转", "750.00"),
             ("其中：补助区县", "12,700.00")],
    overall_goal="巩固提升农村供水保障水平，农村自来水普及率稳定在98%以上。",
    period_goal="到2027年完成120处农村供水工程提质改造，水质达标率稳定提升。",
    annual_goal="完成40处农村供水工程改造，保障农村居民饮水安全。",
    indicators=[("产出指标", "数量指标", "改造供水工程数量", "≥40处", "20"),
                ("产出指标", "质量指标", "水质达标率", "≥95%", "20"),
                ("效益指标", "社会效益指标", "受益农村人口", "≥12万人", "30"),
                ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "30")],
)


def draw_form() -> Path:
    path = OUT / "form_extra_amounts.pdf"
    c = _canvas(path)
    W, H = A4_LANDSCAPE
    f = FORM
    c.setFont("WQY", 16)
    c.drawCentredString(W / 2, H - 50, f["title"])
    c.setFont("WQY", 9)
    c.drawRightString(W - 50, H - 72, "单位：万元")
    xs = [50.0, 170.0, 420.0, 540.0, W - 50]
    y = H - 80
    kv = [["项目名称", f["project_name"], "实施单位", f["unit_name"]],
          ["实施期限", f["period"], f["amounts"][0][0], f["amounts"][0][1]],
          [f["amounts"][1][0], f["amounts"][1][1], f["amounts"][2][0], f["amounts"][2][1]],
          [f["amounts"][3][0], f["amounts"][3][1], "", ""]]
    y = _table(c, xs, kv, y, [24.0] * len(kv), ["l", "l", "l", "l"])
    for label, key in (("项目总体绩效目标", "overall_goal"), ("项目实施期目标", "period_goal"), ("年度绩效目标", "annual_goal")):
        y = _table(c, [xs[0], xs[1], xs[-1]], [[label, f[key]]], y, [28.0], ["l", "l"])
    gx = [50.0, 150.0, 280.0, 520.0, 650.0, W - 50]
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "分值权重（90分）"]] + [list(i) for i in f["indicators"]]
    _table(c, gx, rows, y, [22.0] * len(rows), ["c", "c", "l", "c", "c"])
    c.showPage()
    c.save()
    return path


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, spec in LISTS.items():
        print(draw_list(name, spec))
    print(draw_form())
    return 0


if __name__ == "__main__":
    sys.exit(main())

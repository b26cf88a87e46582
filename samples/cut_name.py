"""A 预算表12 project list (北京's template) whose project cell overflows: the name of the last project on page 1
is too long for its cell, and the generator, which draws with no clip, lets its last lines fall into the
next project's cell below. That next cell is open at the page foot; its own name, code and amounts are
printed on page 2, in the rest of the cell. What the extractor must give: the first project's code and the
name its cell shows, the second project's code and name from page 2, never the overflow at the head of the
second project's name (统运维类项11000024Y00 0002890218-北京市… with no code).

usage: python samples/cut_name.py   -> samples/spans/beijing_cut_name.pdf (the data below is the test's truth)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples"))
from generate import FONT_NAME, LANDSCAPE, find_font  # noqa: E402

OUT = ROOT / "samples" / "spans" / "beijing_cut_name.pdf"     # beside the bundled samples, not one of them
SIZE, LINE = 7.5, 10.0
COLS = [("项目名称", 52), ("项目总额", 56), ("财政资金", 56), ("其他资金", 50), ("绩效目标", 120), ("一级指标", 50),
        ("二级指标", 60), ("三级指标", 120), ("绩效指标性质", 50), ("本年绩效指标值", 56), ("绩效度量单位", 50)]
X0 = 60.0
# the projects as printed: name lines as the cell wraps them, amounts, goal, indicator rows
FIRST = {"code": "11000024Y000002890113", "name": "北京市南水北调大宁管理处信息系统运维类项目",
         "lines": ["11000024Y00", "0002890113-", "北京市南水", "北调大宁管", "理处信息系", "统运维类项", "目"],
         "shown": 5, "amount": "9.380400", "goal": "完成专线接入，保障调度中心网络运行。",
         "rows": [("产出指标", "数量指标", "租用专线", "＝", "1", "条"),
                  ("满意度指标", "服务对象满意度指标", "使用人员满意度", "≥", "90", "%")]}
SECOND = {"code": "11000024Y000002890218", "name": "北京市十三陵水库管理处信息系统运维类项目",
          "lines": ["11000024Y00", "0002890218-", "北京市十三", "陵水库管理", "处信息系统", "运维类项目"],
          "amount": "17.133400", "goal": "维护通信系统、计算机网络系统，保障网络与信息安全。",
          "rows_p1": [("成本指标", "经济成本指标", "硬件维护成本", "≤", "11.4634", "万元")],
          "rows_p2": [("产出指标", "质量指标", "系统验收合格率", "＝", "100", "%"),
                      ("产出指标", "时效指标", "故障修复时间", "≤", "24", "小时"),
                      ("效益指标", "社会效益指标", "硬件使用率", "≥", "90", "%")]}


def main() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(find_font()), subfontIndex=0))
    w, h = LANDSCAPE
    xs = [X0]
    for _, width in COLS:
        xs.append(xs[-1] + width)
    c = canvas.Canvas(str(OUT), pagesize=LANDSCAPE, invariant=1)
    c.setLineWidth(0.6)

    def y(top: float) -> float:         # top-down to PDF space
        return h - top

    def text(x: float, top: float, s: str) -> None:
        c.setFont(FONT_NAME, SIZE)
        c.drawString(x + 2, y(top + SIZE), s)

    def hline(top: float, a: int = 0, b: int = len(COLS)) -> None:
        c.line(xs[a], y(top), xs[b], y(top))

    def vlines(top: float, bottom: float) -> None:
        for x in xs:
            c.line(x, y(top), x, y(bottom))

    def indicator_rows(top: float, rows, height: list[float]) -> float:
        for row, hh in zip(rows, height):
            for k, s in enumerate(row):
                text(xs[5 + k], top + 2, s)
            top += hh
            hline(top, 5)
        return top

    def cell_texts(top: float, project: dict) -> None:
        for k, line in enumerate(project["lines"]):                   # drawn whole: no clip
            text(xs[0], top + 2 + k * LINE, line)
        for col in (1, 2):
            text(xs[col], top + 12, project["amount"])
        text(xs[4], top + 2, project["goal"][:14])
        text(xs[4], top + 2 + LINE, project["goal"][14:])

    # page 1: title, header, the first project, the head of the second (open at the page foot)
    c.setFont(FONT_NAME, 12)
    c.drawString(330, y(50), "预算12表 项目支出绩效目标表")
    text(700, 68, "金额单位：万元")
    hline(84.0)
    for k, (label, _) in enumerate(COLS):
        text(xs[k], 90.0, label)
    a_top = 84.0 + 2 * LINE
    hline(a_top)
    vlines(84.0, a_top)
    a_bottom = a_top + FIRST["shown"] * LINE - 1      # the cell shows five lines; two fall below its ruling
    indicator_rows(a_top, FIRST["rows"], [14.0, a_bottom - a_top - 14.0])
    hline(a_bottom, 0, 5)
    vlines(a_top, a_bottom)
    cell_texts(a_top, FIRST)
    b_bottom = indicator_rows(a_bottom, SECOND["rows_p1"], [26.0])
    vlines(a_bottom, b_bottom)                          # the project's cells open at the foot: no line
    c.showPage()

    # page 2: the rest of the second project's cells, open at the top, its name, code and amounts in them
    c.setLineWidth(0.6)
    top = 40.0
    hline(top, 5)
    bottom = indicator_rows(top, SECOND["rows_p2"], [22.0] * 3)
    cell_texts(top, SECOND)
    vlines(top, bottom)
    hline(bottom)
    c.showPage()
    c.save()
    print(OUT)


if __name__ == "__main__":
    main()

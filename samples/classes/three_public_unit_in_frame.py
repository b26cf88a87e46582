#!/usr/bin/env python
"""A 三公 table of a template the corpus does not show (issue 22): 单位：万元 printed inside the table frame,
in the frame's first row beside 编制部门：…, and 因公出国（境）费 split into 小计 | 科研人员因公出国（境）费用
(printed without 其中, yet a part the 小计 holds, not a summand), beside 公务接待费 and 公务用车购置及运行维护费 (小计 | 购置费 | 运行维护费).

    python samples/classes/three_public_unit_in_frame.py   # writes samples/classes/three_public_unit_in_frame.pdf

(under samples/classes/, not samples/: the samples there each have a golden from generate.py)

Tests take their expected values from DATA here, never from the extractor. Deterministic (reportlab
invariant mode)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from cell_text import draw_in_cell  # noqa: E402  (samples/, beside this folder)

OUT = HERE / "three_public_unit_in_frame.pdf"
TITLE = "2026年一般公共预算“三公”经费支出预算表"
DEPARTMENT = "编制部门：示例市科学技术局"
UNIT = "万元"
RESEARCH_LABEL = "科研人员因公出国（境）费用"
# name, 合计, 因公出国（境）费 小计, 其中 科研人员, 公务接待费, 公务用车 小计, 购置费, 运行维护费
DATA = [
    ("合计", "48.00", "17.00", "10.00", "4.70", "26.30", "0.00", "26.30"),
    ("示例市科学技术局", "35.50", "12.00", "8.00", "3.50", "20.00", "0.00", "20.00"),
    ("示例市科技情报研究所", "12.50", "5.00", "2.00", "1.20", "6.30", "0.00", "6.30"),
]
KEYS = ["total", "abroad", "abroad.research", "reception", "vehicle", "vehicle.purchase", "vehicle.operation"]
WIDTHS = [150, 60, 60, 95, 60, 60, 60, 60]        # 单位名称 … 运行维护费
ROW_H = 22.0


def draw(path: Path = OUT) -> Path:
    from reportlab.lib.pagesizes import landscape, A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
    width, height = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(width, height), invariant=1)
    c.setLineWidth(0.6)
    x0 = (width - sum(WIDTHS)) / 2
    xs = [x0]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    top = height - 110
    c.setFont("WQY", 16)
    c.drawCentredString(width / 2, top + 30, TITLE)

    def box(col0: int, col1: int, y_top: float, rows: int = 1) -> tuple[float, float, float, float]:
        x_a, x_b, y_b = xs[col0], xs[col1 + 1], y_top - rows * ROW_H
        c.rect(x_a, y_b, x_b - x_a, y_top - y_b)
        return x_a, y_b, x_b, y_top

    def text(cell, s: str, size: float = 9, align: str = "center") -> None:
        x_a, y_b, x_b, y_t = cell
        c.setFont("WQY", size)
        draw_in_cell(c, s, x_a, x_b, (y_b + y_t) / 2 - size * 0.35, align)

    # the frame's first row: 编制部门 on the left, 单位：万元 on the right, inside the ruling
    y = top
    text(box(0, 3, y), DEPARTMENT, align="left")
    text(box(4, 7, y), f"单位：{UNIT}", align="right")
    y -= ROW_H
    # the header: two rows
    text(box(0, 0, y, 2), "单位名称")
    text(box(1, 1, y, 2), "合计")
    text(box(2, 3, y), "因公出国（境）费")
    text(box(4, 4, y, 2), "公务接待费")
    text(box(5, 7, y), "公务用车购置及运行维护费")
    y -= ROW_H
    text(box(2, 2, y), "小计")
    text(box(3, 3, y), RESEARCH_LABEL, size=6.5)
    text(box(5, 5, y), "小计")
    text(box(6, 6, y), "购置费")
    text(box(7, 7, y), "运行维护费")
    y -= ROW_H
    for row in DATA:
        text(box(0, 0, y), row[0], align="left")
        for i, v in enumerate(row[1:], start=1):
            text(box(i, i, y), v, align="right")
        y -= ROW_H
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    sys.exit(print(draw()))

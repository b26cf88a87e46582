"""Two pages for the accounting of printed amounts (tests/test_accounting.py).

Page 1: a 部门支出总体情况表 whose ruling covers 科目编码 · 科目名称 · 合计 · 基本支出 only; the 项目支出 and
上年结转 amounts are printed far to the right with no ruling and no header (a table's right-hand part
a grid loses). Page 2: numbers that look like amounts and are not: economic codes (30201.00 before
its name), a 栏次 row, dates (2025.01 至 2025.12), percentages (95.50 %), printed as prose under a
small table whose amounts are all read.

usage: python samples/accounting.py   -> samples/accounting_pages/accounting.pdf (deterministic; in a folder
of its own: every samples/*.pdf has a golden)
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

TITLE = "2025年部门支出总体情况表"
# code, name, 合计, 基本支出 (inside the ruling) | 项目支出, 上年结转 (outside it)
ROWS = [
    ("", "合计", "1,520.40", "980.10", "540.30", "12.75"),
    ("201", "一般公共服务支出", "1,020.40", "700.10", "320.30", "8.25"),
    ("208", "社会保障和就业支出", "500.00", "280.00", "220.00", "4.50"),
]
LOST = [r[4] for r in ROWS] + [r[5] for r in ROWS]      # what the grid loses: the test's expectation

SMALL = [("30201.00", "办公费", "12.00"), ("30205.00", "水费", "3.60")]
PROSE = ["实施期限：2025.01 至 2025.12", "预算执行率 95.50 %，满意度 98.20 %", "联系电话：0371-63321234"]


def build(dst: Path = HERE / "accounting_pages" / "accounting.pdf") -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
    w, h = 841.89, 595.28
    c = canvas.Canvas(str(dst), pagesize=(w, h), invariant=1)
    c.setTitle("accounting sample")
    # page 1
    c.setFont("wqy", 14)
    c.drawCentredString(w / 2, h - 50, TITLE)
    c.setFont("wqy", 9)
    c.drawString(60, h - 75, "单位：万元")
    xs = [60, 140, 300, 390, 480]
    top, rh = h - 85, 22
    header = ["科目编码", "科目名称", "合计", "基本支出"]
    n = len(ROWS) + 1
    for i in range(n + 1):
        c.line(xs[0], top - i * rh, xs[-1], top - i * rh)
    for x in xs:
        c.line(x, top, x, top - n * rh)
    for j, text in enumerate(header):
        c.drawCentredString((xs[j] + xs[j + 1]) / 2, top - rh + 7, text)
    for i, row in enumerate(ROWS, start=1):
        y = top - (i + 1) * rh + 7
        c.drawString(xs[0] + 3, y, row[0])
        c.drawString(xs[1] + 3, y, row[1])
        c.drawRightString(xs[3] - 3, y, row[2])
        c.drawRightString(xs[4] - 3, y, row[3])
        c.drawRightString(650, y, row[4])          # the right-hand part: no ruling, no header
        c.drawRightString(760, y, row[5])
    c.showPage()
    # page 2
    c.setFont("wqy", 14)
    c.drawCentredString(w / 2, h - 50, "2025年一般公共预算基本支出情况表")
    c.setFont("wqy", 9)
    c.drawString(60, h - 75, "单位：万元")
    xs = [60, 160, 320, 420]
    top = h - 85
    body = [("栏次", "", "1")] + SMALL
    rows = [("科目编码", "科目名称", "合计")] + body
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * rh, xs[-1], top - i * rh)
    for x in xs:
        c.line(x, top, x, top - len(rows) * rh)
    for i, row in enumerate(rows):
        y = top - (i + 1) * rh + 7
        c.drawString(xs[0] + 3, y, row[0])
        c.drawString(xs[1] + 3, y, row[1])
        c.drawRightString(xs[3] - 3, y, row[2])
    y = top - (len(rows) + 2) * rh
    for line in PROSE:
        c.drawString(60, y, line)
        y -= 18
    c.showPage()
    c.save()
    return dst


if __name__ == "__main__":
    print(build())

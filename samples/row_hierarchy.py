#!/usr/bin/env python
"""Sample pages for row-hierarchy layouts the development corpus does not show (issue 22), each a small
ruled table drawn from the data below; tests take their expected values from this data.

    python samples/row_hierarchy.py          # writes samples/row_hierarchy/*.pdf

- ``repeated_total``: a 一般公共预算支出 table over two pages whose 合计 row is printed again under the
  repeated header on the second page; the 款 20103 there continues the 类 201 of the first page.
- ``own_leaf``: a 款 with no 项 printed twice in a row (21999 其他援助其他地区支出 502.00: the 款 and its own
  leaf) under 219 援助其他地区支出 502.00, beside a 类/款/项 block.
- ``procurement_subtotals``: a 政府采购 list whose 专项 | 经济科目 rows subtotal the purchases under them
  (and print no 采购物品名称), under a 合计 printed first.

Deterministic: reportlab invariant mode, the font embedded (WenQuanYi Micro Hei, as samples/generate.py).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent / "row_hierarchy"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
A4_LANDSCAPE = (841.89, 595.28)


def _d(x: str) -> Decimal:
    return Decimal(x)


# ---- data --------------------------------------------------------------------------------------------
EXPENDITURE_HEADER = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
# (code, name, basic, project); 类 and 款 rows carry their children's sums (computed below)
REPEATED_TOTAL_PAGES = [
    [("201", "一般公共服务支出"), ("20101", "人大事务"), ("2010101", "行政运行", "120.50", None),
     ("2010102", "一般行政管理事务", None, "36.20"), ("20103", "政府办公厅（室）及相关机构事务"),
     ("2010301", "行政运行", "210.00", None)],
    [("2010350", "事业运行", "45.30", None), ("2010399", "其他政府办公厅（室）及相关机构事务支出", None, "18.00"),
     ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
     ("2080505", "机关事业单位基本养老保险缴费支出", "64.12", None), ("2080506", "机关事业单位职业年金缴费支出", "25.65", None)],
]
OWN_LEAF_ROWS = [("201", "一般公共服务支出"), ("20101", "人大事务"), ("2010101", "行政运行", "88.40", None),
                 ("2010104", "人大会议", None, "12.60"), ("219", "援助其他地区支出"),
                 ("21999", "其他援助其他地区支出", None, "502.00"), ("21999", "其他援助其他地区支出", None, "502.00")]
PROCUREMENT_HEADER = ["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"]
# (专项名称, 经济科目, [(采购物品名称, 采购组织形式, 金额)])
PROCUREMENT_GROUPS = [
    ("办公设备购置费", "办公设备购置", [("台式计算机", "分散自行组织", "24.00"), ("打印设备", "分散自行组织", "3.50"),
                                   ("复印机", "分散自行组织", "8.20")]),
    ("机关运行保障经费", "印刷费", [("印刷品", "分散自行组织", "15.00")]),
    ("业务工作经费", "委托业务费", [("会议服务", "分散自行组织", "40.30"), ("车辆维修和保养服务", "分散自行组织", "12.00")]),
]


def _expenditure_rows(flat: list[tuple]) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    """Every row with its 基本 and 项目 amounts: a leaf as given, a 类 or 款 the sum of the leaves it prefixes.
    A repeated code (a 款 printed as its own leaf) is one leaf."""
    leaves = {}
    for row in flat:
        if len(row) == 4:
            leaves[row[0]] = (_d(row[2]) if row[2] else None, _d(row[3]) if row[3] else None)
    out = []
    for row in flat:
        code = row[0]
        if code in leaves:
            basic, project = leaves[code]
        else:
            under = [v for c, v in leaves.items() if c.startswith(code)]
            basic = sum((b for b, _ in under if b is not None), Decimal(0)) or None
            project = sum((p for _, p in under if p is not None), Decimal(0)) or None
        out.append((code, row[1], basic, project))
    return out


def expenditure_table(flat: list[tuple]) -> list[list[str]]:
    """Body rows as printed: code, name, 合计, 基本支出, 项目支出 (blank where nothing is spent)."""
    rows = []
    for code, name, basic, project in _expenditure_rows(flat):
        total = (basic or 0) + (project or 0)
        rows.append([code, name, f"{total:.2f}", f"{basic:.2f}" if basic else "", f"{project:.2f}" if project else ""])
    return rows


def totals(flat: list[tuple]) -> dict[str, Decimal]:
    """合计 over the 类 rows: total, basic, project."""
    classes = [r for r in _expenditure_rows(flat) if len(r[0]) == 3]
    basic = sum((r[2] or 0 for r in classes), Decimal(0))
    project = sum((r[3] or 0 for r in classes), Decimal(0))
    return {"total": basic + project, "basic": basic, "project": project}


def total_row(flat: list[tuple]) -> list[str]:
    t = totals(flat)
    return ["", "合计", f"{t['total']:.2f}", f"{t['basic']:.2f}", f"{t['project']:.2f}"]


def procurement_rows() -> list[list[str]]:
    rows = [["合计", "", "", "", "", f"{procurement_total():.2f}"]]
    for project, economic, items in PROCUREMENT_GROUPS:
        rows.append(["", project, economic, "", "", f"{sum(_d(a) for _, _, a in items):.2f}"])
        rows += [["", "", "", name, form, amount] for name, form, amount in items]
    return rows


def procurement_total() -> Decimal:
    return sum((_d(a) for _, _, items in PROCUREMENT_GROUPS for _, _, a in items), Decimal(0))


# ---- drawing -----------------------------------------------------------------------------------------
def _page(c, title: str, header: list[str], rows: list[list[str]], widths: list[float], numeric_from: int,
          prose: tuple[str, ...] = ()) -> None:
    """A titled ruled table; ``prose``: lines of text printed above the title."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    w, h = A4_LANDSCAPE
    x0 = (w - sum(widths)) / 2
    c.setFont("WQY", 10)
    for i, line in enumerate(prose):
        c.drawString(x0, h - 50 - 18 * i, line)
    shift = 18 * len(prose) + (12 if prose else 0)
    c.setFont("WQY", 16)
    c.drawCentredString(w / 2, h - 60 - shift, title)
    c.setFont("WQY", 9)
    c.drawRightString(x0 + sum(widths), h - 82 - shift, "单位：万元")
    top, row_h = h - 90 - shift, 22.0
    lines = [header] + rows
    y_lines = [top - i * row_h for i in range(len(lines) + 1)]
    xs = [x0]
    for cw in widths:
        xs.append(xs[-1] + cw)
    c.setLineWidth(0.6)
    for y in y_lines:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, y_lines[0], x, y_lines[-1])
    for i, line in enumerate(lines):
        base = y_lines[i] - row_h + 7
        for j, text in enumerate(line):
            if not text:
                continue
            if i == 0:
                c.drawCentredString((xs[j] + xs[j + 1]) / 2, base, text)
            elif j >= numeric_from:
                c.drawRightString(xs[j + 1] - 4, base, text)
            else:
                while stringWidth(text, "WQY", 9) > widths[j] - 6:
                    text = text[:-1]
                c.drawString(xs[j] + 4, base, text)
    c.showPage()


def _canvas(path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    return canvas.Canvas(str(path), pagesize=A4_LANDSCAPE, invariant=1)


def write_all(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    widths = [90, 260, 90, 90, 90]
    flat = [r for page in REPEATED_TOTAL_PAGES for r in page]
    body = expenditure_table(flat)
    first = len(REPEATED_TOTAL_PAGES[0])
    path = out / "repeated_total.pdf"
    c = _canvas(path)
    _page(c, "一般公共预算支出情况表", EXPENDITURE_HEADER, [total_row(flat)] + body[:first], widths, 2)
    _page(c, "一般公共预算支出情况表", EXPENDITURE_HEADER, [total_row(flat)] + body[first:], widths, 2)
    c.save()
    written.append(path)

    path = out / "own_leaf.pdf"
    c = _canvas(path)
    _page(c, "一般公共预算支出情况表", EXPENDITURE_HEADER, [total_row(OWN_LEAF_ROWS)] + expenditure_table(OWN_LEAF_ROWS),
          widths, 2)
    c.save()
    written.append(path)

    path = out / "procurement_subtotals.pdf"
    c = _canvas(path)
    _page(c, "政府采购预算表", PROCUREMENT_HEADER, procurement_rows(), [90, 120, 110, 150, 110, 90], 5)
    c.save()
    written.append(path)
    return written


if __name__ == "__main__":
    for p in write_all():
        print(p)

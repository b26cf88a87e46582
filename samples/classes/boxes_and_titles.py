#!/usr/bin/env python
"""Small PDFs for two classes the development corpus shows too seldom (issue 22), drawn from the data below.

    python samples/classes/boxes_and_titles.py        # writes flipped_mediabox.pdf and title_forms.pdf beside it

- ``flipped_mediabox.pdf``: one A4 landscape page whose MediaBox is stored upside down
  (``[0 595.28 841.89 0]``, the CropBox the right way up) and one line of text drawn off the page, to the
  right of the visible box: viewers show the page upright and not that line.
- ``title_forms.pdf``: titles with more around the form name than the catalog holds: an ordinal, the
  year and the issuing body before it (一、2017年度江苏省高级人民法院部门收支预算总表), a bracketed table
  number after it (…（预算表3）), a title left at a page's foot whose table is overleaf, and a project
  performance form 项目支出绩效目标表预算表（预算表11）.

The tests take their expectations from FLIPPED and TITLE_PAGES, never from the extractor. Deterministic:
reportlab's invariant mode, pikepdf's static id.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
A4 = (841.89, 595.28)           # landscape

# one financial table: (title, unit, header, rows); rows are (code, name, total, basic, project)
FLIPPED = {
    "title": "2024年部门一般公共预算支出表",
    "unit": "单位：元",
    "header": ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    "rows": [("201", "一般公共服务支出", "1,500.00", "1,000.00", "500.00"),
             ("20101", "人大事务", "1,500.00", "1,000.00", "500.00"),
             ("2010101", "行政运行", "1,000.00", "1,000.00", "0.00"),
             ("2010104", "人大会议", "500.00", "0.00", "500.00"),
             ("", "合计", "1,500.00", "1,000.00", "500.00")],
    "off_page": "98,765.43",     # drawn right of the visible box: never read
}

_FUND = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
TITLE_PAGES = [
    {"title": "一、2017年度江苏省高级人民法院部门收支预算总表", "type": "summary",
     "header": ["收入项目", "预算数", "支出项目", "预算数"],
     "rows": [("一、一般公共预算拨款", "2,000.00", "一、一般公共服务支出", "1,800.00"),
              ("二、政府性基金预算拨款", "300.00", "二、城乡社区支出", "500.00"),
              ("收入总计", "2,300.00", "支出总计", "2,300.00")]},
    {"title": "2017年度江苏省高级人民法院一般公共预算支出表（预算表3）", "type": "general_budget_expenditure",
     "header": _FUND,
     "rows": [("204", "公共安全支出", "1,800.00", "1,200.00", "600.00"),
              ("20405", "法院", "1,800.00", "1,200.00", "600.00"),
              ("", "合计", "1,800.00", "1,200.00", "600.00")],
     # printed at the foot of this page; its table is overleaf, under no title of its own
     "foot_title": "2017年度江苏省高级人民法院政府性基金预算支出表（预算表4）"},
    {"title": None, "type": "government_fund_expenditure", "header": _FUND,
     "rows": [("212", "城乡社区支出", "500.00", "0.00", "500.00"),
              ("21208", "国有土地使用权出让收入安排的支出", "500.00", "0.00", "500.00"),
              ("", "合计", "500.00", "0.00", "500.00")]},
    {"title": "2017年度江苏省高级人民法院项目支出绩效目标表预算表（预算表11）", "type": "project_performance",
     "form": [("项目名称", "审判业务专项经费"), ("主管部门", "江苏省高级人民法院"), ("项目资金（万元）", "600.00"),
              ("年度目标", "保障审判执行工作正常开展")],
     "indicators": [("一级指标", "二级指标", "三级指标", "指标值"),
                    ("产出指标", "数量指标", "审结案件数", "≥1000件"),
                    ("效益指标", "社会效益指标", "群众满意度", "≥90%")]},
]


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    return "WQY"


def _grid(c, font: str, x: float, top: float, widths: list[float], rows: list[list[str]], h: float = 24) -> float:
    """A ruled grid, text centred in each cell (amounts right-aligned); returns the bottom y."""
    height = A4[1]
    y = height - top
    total = sum(widths)
    c.setLineWidth(0.8)
    for r, cells in enumerate(rows):
        c.line(x, y, x + total, y)
        cx = x
        for w, text in zip(widths, cells):
            c.setFont(font, 10)
            if text and text[0].isdigit() and "," in text or text.replace(".", "").isdigit() and "." in text:
                c.drawRightString(cx + w - 4, y - h + 8, text)
            else:
                c.drawCentredString(cx + w / 2, y - h + 8, text)
            cx += w
        y -= h
    c.line(x, y, x + total, y)
    cx = x
    for w in widths + [0]:
        c.line(cx, height - top, cx, y)
        cx += w
    return height - y


def _title(c, font: str, text: str, top: float, size: int = 16) -> None:
    c.setFont(font, size)
    c.drawCentredString(A4[0] / 2, A4[1] - top, text)


def flipped(font: str) -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    d = FLIPPED
    _title(c, font, d["title"], 60)
    c.setFont(font, 10)
    c.drawRightString(760, A4[1] - 90, d["unit"])
    _grid(c, font, 80, 100, [110, 230, 120, 120, 120], [d["header"]] + [list(r) for r in d["rows"]])
    c.drawString(A4[0] + 40, A4[1] - 150, d["off_page"])      # off the page: no viewer shows it
    c.showPage()
    c.save()
    return _flip(buf.getvalue())


def _flip(data: bytes) -> bytes:
    """The page's MediaBox stored upside down (the same rectangle by its other corners), CropBox upright."""
    import pikepdf
    pdf = pikepdf.open(io.BytesIO(data))
    w, h = A4
    for page in pdf.pages:
        page.obj.MediaBox = pikepdf.Array([0, h, w, 0])
        page.obj.CropBox = pikepdf.Array([0, 0, w, h])
    out = io.BytesIO()
    pdf.save(out, static_id=True, deterministic_id=False)
    return out.getvalue()


def title_forms(font: str) -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in TITLE_PAGES:
        top = 60.0
        if page["title"]:
            _title(c, font, page["title"], top)
        c.setFont(font, 10)
        c.drawRightString(760, A4[1] - 90, "单位：万元")
        if "form" in page:
            widths = [180, 470]
            bottom = _grid(c, font, 95, 100, widths, [list(r) for r in page["form"]])
            _grid(c, font, 95, bottom, [130, 130, 200, 190], [list(r) for r in page["indicators"]])
        else:
            widths = [170, 170, 170, 170] if len(page["header"]) == 4 else [100, 250, 110, 110, 110]
            _grid(c, font, 80, 100, widths, [page["header"]] + [list(r) for r in page["rows"]])
        if page.get("foot_title"):
            _title(c, font, page["foot_title"], 520)
        c.showPage()
    c.save()
    return buf.getvalue()


def main() -> int:
    font = _font()
    (HERE / "flipped_mediabox.pdf").write_bytes(flipped(font))
    (HERE / "title_forms.pdf").write_bytes(title_forms(font))
    return 0


if __name__ == "__main__":
    sys.exit(main())

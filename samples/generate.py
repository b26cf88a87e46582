#!/usr/bin/env python
"""Regenerate every sample PDF under samples/ and its golden under golden/ from samples/data/*.py.

    python samples/generate.py          (from the repo root; needs reportlab: pip install -e .[samples])

Each data module exposes SAMPLE, a plain dict (see samples/data/jiyuan_2020.py). The PDF is drawn
with reportlab's canvas, ruling lines included, so merged header cells are real merged cells; the
golden is written from the same dict, never from the extractor's output. Output is byte-identical on
every run (invariant canvas, data in fixed order, files visited sorted).
"""
from __future__ import annotations

import importlib.util
import json
import sys
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = SAMPLES / "data"
GOLDEN = ROOT / "golden"

FONT = "STSong-Light"          # Adobe CID font that ships with reportlab; nothing embedded or downloaded
PAGE_W, PAGE_H = landscape(A4)
MARGIN = 30.0
LINE_WIDTH = 0.6
PAD = 3.0

# Per layout: column widths (sum = PAGE_W - 2 * MARGIN), header row heights, body row height, font sizes.
LAYOUTS = {
    "coded": {
        "widths": [26, 26, 26, 44, 164] + [62] * 8,
        "header_heights": [22, 28],
        "body_height": 20,
        "header_size": 9,
        "body_size": 9,
    },
    "appropriation": {
        "widths": [80, 166, 70, 190, 69, 69, 69, 69],
        "header_heights": [16, 16, 16, 16],
        "body_height": 13,
        "header_size": 8.5,
        "body_size": 8.5,
    },
}


# ---------------------------------------------------------------------------------------------- data
def load_samples() -> list[dict]:
    out = []
    for path in sorted(DATA.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"sample_data_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out.append(module.SAMPLE)
    return out


def number(text: str) -> int | float:
    """A printed amount as the golden holds it: 3,015.0 -> 3015, 24,979.8 -> 24979.8."""
    d = Decimal(text.replace(",", ""))
    return int(d) if d == d.to_integral_value() else float(d)


# A cell: (row, col, rowspan, colspan, text, align) with align "l", "c" or "r".
def coded_body(table: dict) -> list[list[tuple]]:
    """One list of cells per printed body row: 类 款 项 · 单位代码 · 名称 · 8 values."""
    rows = []
    for r in table["rows"]:
        cells = []
        if r["code"]:
            cells += [(0, k, 1, 1, part, "c") for k, part in enumerate(r["code"])]
        if r["unit_code"]:
            cells.append((0, 3, 1, 1, r["unit_code"], "c"))
        cells.append((0, 4, 1, 1, r["name"], "c" if r["kind"] == "total" else "l"))
        cells += [(0, 5 + k, 1, 1, v, "r") for k, v in enumerate(r["values"]) if v]
        rows.append(cells)
    return rows


def appropriation_body(table: dict) -> list[list[tuple]]:
    """Revenue and expenditure side by side; the revenue category cell merged down its sub-items."""
    n = max(sum(len(g["items"]) for g in table["revenue"]), len(table["expenditure"]))
    rows: list[list[tuple]] = [[] for _ in range(n + 1)]
    i = 0
    for g in table["revenue"]:
        rows[i].append((0, 0, len(g["items"]), 1, g["category"], "c"))
        for item in g["items"]:
            if item["name"]:
                rows[i].append((0, 1, 1, 1, item["name"], "l"))
            if item["amount"]:
                rows[i].append((0, 2, 1, 1, item["amount"], "r"))
            i += 1
    for i, e in enumerate(table["expenditure"]):
        rows[i].append((0, 3, 1, 1, e["name"], "l"))
        rows[i] += [(0, 4 + k, 1, 1, v, "r") for k, v in enumerate(e["values"]) if v]
    rt, et = table["revenue_total"], table["expenditure_total"]
    rows[n] += [(0, 0, 1, 2, rt["name"], "c"), (0, 2, 1, 1, rt["amount"], "r"),
                (0, 3, 1, 1, et["name"], "c")]
    rows[n] += [(0, 4 + k, 1, 1, v, "r") for k, v in enumerate(et["values"]) if v]
    return rows


BODY = {"coded": coded_body, "appropriation": appropriation_body}


# ---------------------------------------------------------------------------------------------- golden
def golden_columns(table: dict) -> list[dict]:
    cols, seen = [], {}
    for col, key, side in table["value_columns"]:
        path = [text for (r, c, rs, cs, text) in sorted(table["header"]) if c <= col < c + cs]
        n = seen[(key, side)] = seen.get((key, side), 0) + 1
        cols.append({"id": key if n == 1 else f"{key}#{n}", "key": key, "side": side, "measure": None,
                     "label": " / ".join(path)})
    return cols


def golden_row(kind, side, code, unit_code, name, values: dict) -> dict:
    row = {"kind": kind, "side": side, "code": code}
    if unit_code:
        row["unit_code"] = unit_code
    row["name"] = name
    row["values"] = {k: number(v) for k, v in values.items() if v}
    return row


def golden_rows(table: dict, columns: list[dict]) -> list[dict]:
    if table["layout"] == "coded":
        ids = [c["id"] for c in columns]
        return [golden_row(r["kind"], None, "".join(r["code"]) if r["code"] else None, r["unit_code"],
                           r["name"], dict(zip(ids, r["values"])))
                for r in table["rows"]]
    rev = [c["id"] for c in columns if c["side"] == "revenue"]
    exp = [c["id"] for c in columns if c["side"] == "expenditure"]
    rows = []
    for g in table["revenue"]:
        for item in g["items"]:
            # a category's 小计 row is named by its category (the extractor's convention, golden/README.md)
            name = g["category"] if item["name"] in (None, "小计", "合计") else item["name"]
            rows.append(golden_row(item["kind"], "revenue", None, None, name,
                                   dict(zip(rev, [item["amount"]]))))
    rt = table["revenue_total"]
    rows.append(golden_row(rt["kind"], "revenue", None, None, rt["name"], dict(zip(rev, [rt["amount"]]))))
    for e in table["expenditure"] + [table["expenditure_total"]]:
        rows.append(golden_row(e["kind"], "expenditure", None, None, e["name"], dict(zip(exp, e["values"]))))
    return rows


def golden(sample: dict, pages: list[list[int]]) -> dict:
    tables = []
    for table, table_pages in zip(sample["tables"], pages):
        columns = golden_columns(table)
        tables.append({"type": table["type"], "title": table["title"], "pages": table_pages,
                       "unit": table["unit"], "empty": False, "columns": columns,
                       "rows": golden_rows(table, columns)})
    return {"source": {"file": sample["file"]}, "department": sample["department"], "year": sample["year"],
            "doc_kind": sample["doc_kind"], "tables": tables}


# ---------------------------------------------------------------------------------------------- drawing
NO_LINE_START = "，。；：、！？）》”’"


def wrap(text: str, width: float, size: float, first_width: float | None = None) -> list[str]:
    """Greedy character wrap (CJK has no spaces to break at); punctuation never starts a line."""
    lines, cur = [], ""
    for ch in text:
        limit = first_width if (first_width is not None and not lines) else width
        if cur and ch not in NO_LINE_START and pdfmetrics.stringWidth(cur + ch, FONT, size) > limit:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    return lines + [cur] if cur else lines


def draw_text(c: canvas.Canvas, text: str, x0: float, x1: float, y_top: float, y_bot: float,
              align: str, size: float) -> None:
    lines = wrap(text, x1 - x0 - 2 * PAD, size)
    lead = size * 1.25
    top = (y_top + y_bot) / 2 + len(lines) * lead / 2
    c.setFont(FONT, size)
    for i, line in enumerate(lines):
        y = top - lead * (i + 1) + (lead - size) / 2 + size * 0.15
        if align == "l":
            c.drawString(x0 + PAD, y, line)
        elif align == "r":
            c.drawRightString(x1 - PAD, y, line)
        else:
            c.drawCentredString((x0 + x1) / 2, y, line)


def draw_grid(c: canvas.Canvas, y_top: float, widths: list[float], heights: list[float],
              cells: list[tuple], size: float) -> float:
    """Rule and fill one block of rows; merged cells get no inner lines. Returns the bottom y."""
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [y_top]
    for h in heights:
        ys.append(ys[-1] - h)
    nr, nc = len(heights), len(widths)
    owner = [[(r, k) for k in range(nc)] for r in range(nr)]
    for (r, k, rs, cs, *_rest) in cells:
        assert r + rs <= nr and k + cs <= nc, "a merged cell crosses the block edge"
        for rr in range(r, r + rs):
            for kk in range(k, k + cs):
                owner[rr][kk] = (r, k)
    c.setLineWidth(LINE_WIDTH)
    for r in range(nr + 1):                       # horizontal rules, joined into runs
        run = None
        for k in range(nc + 1):
            on = k < nc and (r in (0, nr) or owner[r - 1][k] != owner[r][k])
            if on and run is None:
                run = k
            elif not on and run is not None:
                c.line(xs[run], ys[r], xs[k], ys[r])
                run = None
    for k in range(nc + 1):                       # vertical rules
        run = None
        for r in range(nr + 1):
            on = r < nr and (k in (0, nc) or owner[r][k - 1] != owner[r][k])
            if on and run is None:
                run = r
            elif not on and run is not None:
                c.line(xs[k], ys[run], xs[k], ys[r])
                run = None
    for (r, k, rs, cs, text, align) in cells:
        if text:
            draw_text(c, text, xs[k], xs[k + cs], ys[r], ys[r + rs], align, size)
    return ys[-1]


def draw_title(c: canvas.Canvas, table: dict) -> float:
    c.setFont(FONT, 16)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 52, table["title"])
    c.setFont(FONT, 10)
    c.drawString(MARGIN, PAGE_H - 80, table["unit_line"])
    c.drawRightString(PAGE_W - MARGIN, PAGE_H - 80, "单位：" + table["unit"])
    return PAGE_H - 90


def draw_table(c: canvas.Canvas, table: dict, first_page: int) -> list[int]:
    """The table from a fresh page: title, unit line, header, body; a break starts a bare continuation."""
    lay = LAYOUTS[table["layout"]]
    body = BODY[table["layout"]](table)
    bounds = [0] + list(table["break_after"]) + [len(body)]
    pages = []
    for part, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        if part:
            c.showPage()
        pages.append(first_page + part)
        cells, heights = [], []
        if part == 0:
            y = draw_title(c, table)
            cells += [(r, k, rs, cs, text, "c") for (r, k, rs, cs, text) in table["header"]]
            heights += lay["header_heights"]
        else:
            y = PAGE_H - 40
        offset = len(heights)
        for i in range(lo, hi):
            for (_r, k, rs, cs, text, align) in body[i]:
                assert i + rs <= hi, "a merged body cell crosses a page break"
                cells.append((offset + i - lo, k, rs, cs, text, align))
            heights.append(lay["body_height"])
        bottom = draw_grid(c, y, lay["widths"], heights, cells, lay["body_size"])
        assert bottom > 30, f"{table['title']} runs off the page"
    c.showPage()
    return pages


def draw_cover(c: canvas.Canvas, sample: dict) -> None:
    c.setFont(FONT, 30)
    c.drawCentredString(PAGE_W / 2, PAGE_H / 2 + 20, sample["cover"])
    c.showPage()


def draw_narrative(c: canvas.Canvas, sample: dict) -> None:
    nar = sample["narrative"]
    c.setFont(FONT, 16)
    c.drawCentredString(PAGE_W / 2, PAGE_H - 60, nar["heading"])
    size, lead, left, width = 11, 19, MARGIN + 40, PAGE_W - 2 * (MARGIN + 40)
    y = PAGE_H - 100
    c.setFont(FONT, size)
    for para in nar["paragraphs"]:
        heading = len(para) < 20
        lines = [para] if heading else wrap(para, width, size, first_width=width - 2 * size)
        for j, line in enumerate(lines):
            indent = 2 * size if j == 0 and not heading else 0
            c.drawString(left + indent, y, line)
            y -= lead
        y -= 4
    assert y > 30, "narrative runs off the page"
    c.showPage()


def build(sample: dict) -> dict:
    pdf = SAMPLES / sample["file"]
    c = canvas.Canvas(str(pdf), pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setTitle(sample["cover"])
    c.setAuthor(sample["department"])
    c.setCreator("budget-disclosure-extractor samples/generate.py")
    draw_cover(c, sample)
    draw_narrative(c, sample)
    page, pages = 3, []
    for table in sample["tables"]:
        drawn = draw_table(c, table, page)
        pages.append(drawn)
        page = drawn[-1] + 1
    c.save()
    doc = golden(sample, pages)
    out = GOLDEN / (Path(sample["file"]).stem + ".json")
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"pdf": pdf, "golden": out, "pages": pages}


def main() -> int:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    for sample in load_samples():
        done = build(sample)
        print(f"{done['pdf'].relative_to(ROOT)}  {done['golden'].relative_to(ROOT)}  tables on pages {done['pages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

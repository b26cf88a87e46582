#!/usr/bin/env python
"""Sample disclosure PDFs and their goldens, drawn from the structured data in samples/data/.

From the repo root:

    sh samples/install-fonts.sh                              # once: the CJK font the PDFs embed
    python samples/generate.py                               # every PDF under samples/, every golden under golden/
    python samples/generate.py --goldens-only --out DIR      # only the goldens, into DIR (no font, no reportlab)
    python samples/generate.py --only jiyuan_2020_budget     # one sample (its text and scanned PDFs and goldens)
    python samples/generate.py --scans-only                  # only the scanned twins, from the committed text PDFs
    python samples/generate.py --office                      # also the office scans (samples/office.py), not committed

Each module samples/data/<name>.py (not starting with "_") exposes SAMPLE (or a list SAMPLES) of plain dicts: the file
name, document fields and `content`, the pages in order (cover, narrative pages, financial tables,
绩效目标表). The layout is computed here without the font (character widths of WenQuanYi Micro Hei
are tabled below), so page numbers, and with them the goldens, do not depend on the font being
installed; the PDF is then drawn from that layout with the font embedded (reportlab TTFont subset).
Financial tables are ruled grids with real merged cells; tables run over page breaks where the data
says (with or without the header repeated), long text wraps, merged cells cut by a page break are
drawn on each page.

Each text PDF `<stem>.pdf` gets a scanned twin `<stem>_scanned.pdf`: every page rendered with
pypdfium2, turned by less than a degree, blurred, given paper noise, saved as a grayscale JPEG and
written as an image-only PDF (no text layer). Its golden is the text PDF's with the file name changed.
A twin too large to commit (`"commit": False` in its scan settings: the 101-page seed rendering) is
not kept in git; `scanned_twin()` draws it on demand (tests, bench) from the committed text PDF, with
the same seed, so it is the same file every time.

Samples with `office` settings also get an office scan `<stem>_office.pdf` (samples/office.py, #12:
colour, JPEG 55, grey paper, fold shadow, bleed-through, tilt, blur, noise, a red 财务专用章 over the
table on every fourth page). It is never committed: `office_scan()` draws it on demand, seeded; its
golden `<stem>_office.json` is the text golden plus the `seals` the generator pressed.

Goldens (golden/<stem>.json) hold what SCHEMA.md's Document holds for these files: tables (type,
title, pages, unit, empty, columns, rows, note) and `performance` (绩效目标表: the form's fields and
indicators), written from SAMPLE only, never from the extractor. Everything is deterministic: the
same data gives byte-identical goldens and, with the same font and libraries, byte-identical PDFs
(reportlab invariant mode, fixed random seeds).
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = SAMPLES / "data"
GOLDEN = ROOT / "golden"

# ------------------------------------------------------------------------------------------ the font
FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"
FONT_DIRS = ["/usr/share/fonts/truetype/wqy", "/usr/share/fonts/wqy-microhei", "/usr/share/fonts/wenquanyi/wqy-microhei",
             "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts", "/Library/Fonts"]
FONT_ENV = "BUDGET_SAMPLES_FONT"      # or point this at the .ttc

# Advance widths of WenQuanYi Micro Hei in font units (2048 per em): ASCII 32..126, then the other
# characters that are not 1 em wide. Every other character is 1 em (CJK, full-width punctuation).
# Checked against the font when a PDF is drawn.
UNITS_PER_EM = 2048
ASCII_WIDTHS = [
    532, 551, 823, 1323, 1128, 1690, 1438, 463, 616, 616, 1128, 1128, 512, 659, 549, 764, 1128, 1128, 1128, 1128,
    1128, 1128, 1128, 1128, 1128, 1128, 549, 549, 1128, 1128, 1128, 872, 1774, 1245, 1272, 1235, 1401, 1081, 1006,
    1413, 1436, 694, 555, 1186, 1006, 1782, 1493, 1520, 1180, 1518, 1208, 1063, 1063, 1430, 1163, 1810, 1120, 1079,
    1104, 621, 764, 621, 1090, 842, 1182, 1087, 1200, 948, 1200, 1096, 674, 1061, 1206, 530, 530, 1016, 530, 1835,
    1206, 1182, 1200, 1200, 817, 924, 694, 1206, 981, 1528, 1024, 1001, 903, 725, 1128, 725, 1128]
OTHER_WIDTHS = {"·": 549, "×": 1128, "≥": 1128, "≤": 1128, "²": 680}


def char_units(ch: str) -> int:
    o = ord(ch)
    if 32 <= o <= 126:
        return ASCII_WIDTHS[o - 32]
    return OTHER_WIDTHS.get(ch, UNITS_PER_EM)


def text_width(text: str, size: float) -> float:
    return sum(char_units(ch) for ch in text) * size / UNITS_PER_EM


def find_font() -> Path:
    env = os.environ.get(FONT_ENV)
    candidates = [Path(env)] if env else [Path(d).expanduser() / FONT_FILE for d in FONT_DIRS]
    for path in candidates:
        if path.is_file():
            return path
    where = env if env else ", ".join(FONT_DIRS)
    sys.exit(f"generate.py: the CJK font {FONT_FILE} (WenQuanYi Micro Hei) was not found (looked in {where}).\n"
             f"Install it with:  sh samples/install-fonts.sh   (Debian/Ubuntu package fonts-wqy-microhei),\n"
             f"or set {FONT_ENV}=/path/to/{FONT_FILE}. Only drawing PDFs needs it: --goldens-only does not.")


# ------------------------------------------------------------------------------------------ page geometry
PORTRAIT = (595.2756, 841.8898)
LANDSCAPE = (841.8898, 595.2756)
PAGE_SIZES = {"portrait": PORTRAIT, "landscape": LANDSCAPE}
TOP, BOTTOM = 40.0, 40.0
LINE_WIDTH = 0.6
PAD = 3.0            # horizontal cell padding
VPAD = 2.0           # vertical cell padding
LEAD = 1.25          # line height / font size


# ------------------------------------------------------------------------------------------ text
NO_LINE_START = set("，。；：、！？）》”’〕】)]}>,.;:!?%")
_CJK = r"[^\x00-\x7f]"


def norm(text: str | None) -> str | None:
    """Printed text as a golden holds it: wrapped lines joined, whitespace next to a CJK character removed."""
    if text is None:
        return None
    t = re.sub(rf"(?<={_CJK})\s+|\s+(?={_CJK})", "", text)
    t = re.sub(r"\s+", " ", t).strip()
    return t or None


def number(text: str) -> int | float:
    """A printed amount as the golden holds it: 3,015.0 -> 3015, 24,979.8 -> 24979.8, 0.00 -> 0."""
    d = Decimal(text.replace(",", ""))
    return int(d) if d == d.to_integral_value() else float(d)


def _tokens(text: str) -> list[str]:
    """CJK characters one by one; runs of ASCII letters/digits kept together where they fit."""
    return re.findall(r"[A-Za-z0-9.,%\-/:<>=+]+|\s|.", text)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy wrap for CJK text; explicit newlines kept; punctuation never starts a line."""
    out: list[str] = []
    for para in text.split("\n"):
        lines, cur = [], ""
        for tok in _tokens(para):
            if cur and tok[0] not in NO_LINE_START and text_width(cur + tok, size) > width:
                if text_width(tok, size) > width:          # a token longer than the line: break it
                    for ch in tok:
                        if cur and text_width(cur + ch, size) > width and ch not in NO_LINE_START:
                            lines.append(cur.rstrip())
                            cur = ch
                        else:
                            cur += ch
                    continue
                lines.append(cur.rstrip())
                cur = "" if tok.isspace() else tok
            else:
                cur += tok
        lines.append(cur.rstrip())
        out += lines
    while out and not out[-1]:
        out.pop()
    return out or [""]


# ------------------------------------------------------------------------------------------ display list
@dataclass
class Page:
    size: tuple[float, float]
    ops: list[tuple] = field(default_factory=list)   # ("line", x0, y0, x1, y1) | ("text", x, y, size, str)


class Layout:
    """Pages of drawing operations, built top to bottom with a cursor; no font needed."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.y = 0.0

    @property
    def page(self) -> int:
        return len(self.pages)

    @property
    def size(self) -> tuple[float, float]:
        return self.pages[-1].size

    def new_page(self, size: tuple[float, float]) -> None:
        self.pages.append(Page(size))
        self.y = size[1] - TOP

    def room(self) -> float:
        return self.y - BOTTOM

    def text(self, x: float, y: float, size: float, s: str, align: str = "l") -> None:
        if not s:
            return
        w = text_width(s, size)
        x = x - w if align == "r" else x - w / 2 if align == "c" else x
        self.pages[-1].ops.append(("text", round(x, 3), round(y, 3), size, s))

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pages[-1].ops.append(("line", round(x0, 3), round(y0, 3), round(x1, 3), round(y1, 3)))

    def paragraph(self, text: str, x: float, width: float, size: float, align: str = "l",
                  indent: float = 0.0, lead: float | None = None) -> None:
        """Wrapped text from the cursor down; the first line indented by `indent`."""
        lead = lead or size * 1.6
        first = wrap(text, width - indent, size)[0]
        rest = text[len(first):].lstrip() if len(first) < len(text) else ""
        lines = [first] + (wrap(rest, width, size) if rest else [])
        for j, line in enumerate(lines):
            self.y -= lead
            if align == "c":
                self.text(x + width / 2, self.y, size, line, "c")
            else:
                self.text(x + (indent if j == 0 else 0), self.y, size, line)


# ------------------------------------------------------------------------------------------ grids
@dataclass
class Cell:
    r: int
    c: int
    rs: int
    cs: int
    text: str
    align: str = "l"


def text_height(text: str, width: float, size: float, vpad: float = VPAD) -> float:
    return len(wrap(text, width - 2 * PAD, size)) * size * LEAD + 2 * vpad


@dataclass
class Grid:
    """A ruled table: header rows (repeatable on a new page) and body rows, merged cells included."""
    x0: float
    widths: list[float]
    header: list[Cell]
    header_heights: list[float]
    body: list[Cell]
    body_heights: list[float]
    size: float
    header_size: float

    @classmethod
    def make(cls, x0, widths, header, header_heights, body_rows: list[list[Cell]], min_height, size,
             header_size=None, vpad: float = VPAD) -> "Grid":
        header_size = header_size or size
        body = []
        for i, row in enumerate(body_rows):
            body += [Cell(i, c.c, c.rs, c.cs, c.text, c.align) for c in row]
        hh = fit_heights(list(header_heights), header, widths, header_size, vpad)
        bh = fit_heights([min_height] * len(body_rows), body, widths, size, vpad)
        return cls(x0, widths, header, hh, body, bh, size, header_size)


def fit_heights(heights: list[float], cells: list[Cell], widths: list[float], size: float,
                vpad: float = VPAD) -> list[float]:
    """Grow rows so that every cell's wrapped text fits (a merged cell grows its last row)."""
    for cell in sorted(cells, key=lambda c: c.rs):
        if not cell.text:
            continue
        need = text_height(cell.text, sum(widths[cell.c:cell.c + cell.cs]), size, vpad)
        have = sum(heights[cell.r:cell.r + cell.rs])
        if need > have + 1e-6:
            heights[cell.r + cell.rs - 1] += need - have
    return [round(h, 3) for h in heights]


def draw_fragment(lay: Layout, grid: Grid, y_top: float, with_header: bool, lo: int, hi: int) -> float:
    """Rule and fill the header (optional) and body rows lo..hi-1 at y_top; returns the bottom y."""
    heights, cells = [], []
    nh = 0
    if with_header:
        heights += grid.header_heights
        cells += [(c, grid.header_size, True) for c in grid.header]
        nh = len(grid.header_heights)
    heights += grid.body_heights[lo:hi]
    for c in grid.body:
        a, b = max(c.r, lo), min(c.r + c.rs, hi)
        if a < b:
            cut = (a, b) != (c.r, c.r + c.rs)
            cells.append((Cell(nh + a - lo, c.c, b - a, c.cs, c.text, c.align), grid.size, not cut))
    xs = [grid.x0]
    for w in grid.widths:
        xs.append(xs[-1] + w)
    ys = [y_top]
    for h in heights:
        ys.append(ys[-1] - h)
    nr, nc = len(heights), len(grid.widths)
    owner = [[(r, k) for k in range(nc)] for r in range(nr)]
    for cell, _, _ in cells:
        assert cell.r + cell.rs <= nr and cell.c + cell.cs <= nc, "a merged cell runs off the grid"
        for rr in range(cell.r, cell.r + cell.rs):
            for kk in range(cell.c, cell.c + cell.cs):
                owner[rr][kk] = (cell.r, cell.c)
    for r in range(nr + 1):                       # horizontal rules, joined into runs
        run = None
        for k in range(nc + 1):
            on = k < nc and (r in (0, nr) or owner[r - 1][k] != owner[r][k])
            if on and run is None:
                run = k
            elif not on and run is not None:
                lay.line(xs[run], ys[r], xs[k], ys[r])
                run = None
    for k in range(nc + 1):                       # vertical rules
        run = None
        for r in range(nr + 1):
            on = r < nr and (k in (0, nc) or owner[r][k - 1] != owner[r][k])
            if on and run is None:
                run = r
            elif not on and run is not None:
                lay.line(xs[k], ys[run], xs[k], ys[r])
                run = None
    for cell, size, whole in cells:
        if cell.text:
            draw_cell_text(lay, cell, xs, ys, size, strict=whole)
    return ys[-1]


def draw_cell_text(lay: Layout, cell: Cell, xs, ys, size: float, strict: bool) -> None:
    x0, x1 = xs[cell.c], xs[cell.c + cell.cs]
    y_top, y_bot = ys[cell.r], ys[cell.r + cell.rs]
    lines = wrap(cell.text, x1 - x0 - 2 * PAD, size)
    lead = size * LEAD
    if len(lines) * lead > (y_top - y_bot) + 1e-6:
        assert not strict, f"text does not fit its cell: {cell.text[:30]}"
        return                                    # a merged cell's sliver cut off by a page break
    top = (y_top + y_bot) / 2 + len(lines) * lead / 2
    for i, line in enumerate(lines):
        y = top - lead * (i + 1) + (lead - size) / 2 + size * 0.15
        if cell.align == "r":
            lay.text(x1 - PAD, y, size, line, "r")
        elif cell.align == "c":
            lay.text((x0 + x1) / 2, y, size, line, "c")
        else:
            lay.text(x0 + PAD, y, size, line)


def flow_grid(lay: Layout, grid: Grid, *, repeat_header: bool, breaks=(), show_header: bool = True,
              on_break=None) -> list[int]:
    """Place the grid at the cursor, page after page; returns the pages it is drawn on.

    A page break comes where the next body row does not fit, or after each body-row count in
    `breaks`; the continuation starts at the top of a new page of the same size, with the header
    again when `repeat_header`. `on_break` (if given) draws what a continuation page has above the table."""
    head = sum(grid.header_heights) if show_header else 0.0
    n = len(grid.body_heights)
    first = grid.body_heights[0] if n else 0.0
    if head + first > lay.room():
        lay.new_page(lay.size)
        if on_break:
            on_break()
    pages = [lay.page]
    lo, used, with_header = 0, head, show_header
    forced = set(breaks)
    for i in range(n):
        h = grid.body_heights[i]
        if i > lo and (i in forced or used + h > lay.room() + 1e-6):
            draw_fragment(lay, grid, lay.y, with_header, lo, i)
            lay.new_page(lay.size)
            if on_break:
                on_break()
            pages.append(lay.page)
            with_header = repeat_header and show_header
            lo, used = i, (head if with_header else 0.0)
        assert used + h <= lay.room() + 1e-6, "a table row is taller than a page"
        used += h
    lay.y = draw_fragment(lay, grid, lay.y, with_header, lo, n)
    return pages


# ------------------------------------------------------------------------------------------ financial tables
def columns_golden(table: dict) -> list[dict]:
    """Golden columns: the value columns left to right, each labelled by the header cells above it."""
    cols, seen = [], {}
    for vc in table["value_columns"]:
        col, key, side = vc[0], vc[1], vc[2]
        measure = vc[3] if len(vc) > 3 else None
        path = [norm(text) for (r, c, rs, cs, text) in sorted(table["header"]) if c <= col < c + cs and norm(text)]
        label = " / ".join(path)
        if key == "unmapped":                  # a column the vocabulary has no key for
            key = f"unmapped:{label}"
        base = f"{key}@{measure}" if measure else key
        n = seen[(base, side)] = seen.get((base, side), 0) + 1
        cols.append({"id": base if n == 1 else f"{base}#{n}", "key": key, "side": side, "measure": measure,
                     "label": label})
    return cols


def golden_row(kind: str, side: str | None, code, unit_code, name, values: dict) -> dict:
    row = {"kind": kind, "side": side, "code": code}
    if unit_code:
        row["unit_code"] = unit_code
    row["name"] = norm(name)
    row["values"] = {k: number(v) for k, v in values.items() if v}
    return row


def code_of(code) -> str | None:
    if not code:
        return None
    return "".join(code) if isinstance(code, (tuple, list)) else code


def coded_body(t: dict, ids: list[str]) -> tuple[list[list[Cell]], list[dict]]:
    """Code columns (类/款/项 split, or one), optional 单位代码, name, values; one printed row per data row."""
    ncode = t.get("code_cols", 3)
    nunit = 1 if t.get("unit_code_col") else 0
    nname = 1 if t.get("name_col", True) else 0
    name_col = ncode + nunit
    first = name_col + nname
    printed, golden = [], []
    for r in t["rows"]:
        cells = []
        if r.get("span"):                        # 合计 printed across the code and name columns
            cells.append(Cell(0, 0, 1, name_col + nname, r["name"], "c"))
        else:
            code = r.get("code")
            if isinstance(code, (tuple, list)):
                cells += [Cell(0, k, 1, 1, part, t.get("code_align", "c")) for k, part in enumerate(code) if part]
            elif code:
                cells.append(Cell(0, 0, 1, 1, code, t.get("code_align", "l")))
            if r.get("unit_code"):
                cells.append(Cell(0, ncode, 1, 1, r["unit_code"], "c"))
            if nname and r.get("name"):
                cells.append(Cell(0, name_col, 1, 1, r["name"], "c" if r["kind"] == "total" else "l"))
        cells += [Cell(0, first + k, 1, 1, v, "r") for k, v in enumerate(r["values"]) if v]
        printed.append(cells)
        golden.append(golden_row(r["kind"], None, code_of(r.get("code")), r.get("unit_code"), r.get("name"),
                                 dict(zip(ids, r["values"]))))
    return printed, golden


def two_sided_body(t: dict, columns: list[dict]) -> tuple[list[list[Cell]], list[dict]]:
    """收入 | 支出 side by side. Revenue entries are rows or {category, items} (the category cell merged
    down its items); `footer` pairs are printed on the last rows, after `pad` blank rows."""
    rev_ids = [c["id"] for c in columns if c["side"] == "revenue"]
    exp_ids = [c["id"] for c in columns if c["side"] == "expenditure"]
    cat = 1 if t.get("revenue_category") else 0
    rv0 = 1 + cat                          # first revenue value column
    ex0 = rv0 + len(rev_ids)               # expenditure name column
    rev_rows: list[list[Cell]] = []
    golden_rev, golden_exp = [], []
    for entry in t["revenue"]:
        if "items" in entry:
            block = []
            for item in entry["items"]:
                cells = []
                if item.get("name"):
                    cells.append(Cell(0, cat, 1, 1, item["name"], "l"))
                cells += [Cell(0, rv0 + k, 1, 1, v, "r") for k, v in enumerate(item["values"]) if v]
                block.append(cells)
                # a category's 小计 row (or a row with no item) is named by its category
                name = entry["category"] if item.get("name") in (None, "小计", "合计") else item["name"]
                golden_rev.append(golden_row(item["kind"], "revenue", None, None, name, dict(zip(rev_ids, item["values"]))))
            if entry.get("category"):
                block[0].append(Cell(0, 0, len(block), 1, entry["category"], "c"))
            rev_rows += block
        else:
            rev_rows.append(side_cells(entry, 0, cat, rv0, "l"))
            golden_rev.append(golden_row(entry["kind"], "revenue", None, None, entry["name"],
                                         dict(zip(rev_ids, entry["values"]))))
    exp_rows = []
    for e in t["expenditure"]:
        exp_rows.append([Cell(0, ex0, 1, 1, e["name"], "l")]
                        + [Cell(0, ex0 + 1 + k, 1, 1, v, "r") for k, v in enumerate(e["values"]) if v])
        golden_exp.append(golden_row(e["kind"], "expenditure", None, None, e["name"], dict(zip(exp_ids, e["values"]))))
    n = max(len(rev_rows), len(exp_rows)) + t.get("pad", 0)
    rows: list[list[Cell]] = [[] for _ in range(n)]
    for i, cells in enumerate(rev_rows):
        rows[i] += cells
    for i, cells in enumerate(exp_rows):
        rows[i] += cells
    for rev, exp in t.get("footer", []):
        cells = []
        if rev:
            cells += side_cells(rev, 0, cat, rv0, "c", span=rev.get("span", True))
            golden_rev.append(golden_row(rev["kind"], "revenue", None, None, rev["name"], dict(zip(rev_ids, rev["values"]))))
        if exp:
            cells += [Cell(0, ex0, 1, 1, exp["name"], "c")] + [Cell(0, ex0 + 1 + k, 1, 1, v, "r")
                                                               for k, v in enumerate(exp["values"]) if v]
            golden_exp.append(golden_row(exp["kind"], "expenditure", None, None, exp["name"],
                                         dict(zip(exp_ids, exp["values"]))))
        rows.append(cells)
    return rows, golden_rev + golden_exp


def side_cells(row: dict, c0: int, cat: int, v0: int, align: str, span: bool | None = None) -> list[Cell]:
    span = row.get("span", False) if span is None else span
    if cat and span:
        cells = [Cell(0, c0, 1, 2, row["name"], "c" if align == "c" else "l")]
    else:
        cells = [Cell(0, c0 + cat, 1, 1, row["name"], align)]
    return cells + [Cell(0, v0 + k, 1, 1, v, "r") for k, v in enumerate(row["values"]) if v]


def two_panel_body(t: dict, columns: list[dict]) -> tuple[list[list[Cell]], list[dict]]:
    """Code · name · amounts twice across (基本支出 by economic class); `footer` = the two totals."""
    ids = [c["id"] for c in columns]
    nv = len(ids)
    right0 = 2 + nv
    n = max(len(t["left"]), len(t["right"]))
    rows: list[list[Cell]] = [[] for _ in range(n)]
    golden = {"left": [], "right": []}
    for side, c0 in (("left", 0), ("right", right0)):
        for i, r in enumerate(t[side]):
            rows[i] += [Cell(0, c0, 1, 1, r["code"], "l"), Cell(0, c0 + 1, 1, 1, r["name"], "l")]
            rows[i] += [Cell(0, c0 + 2 + k, 1, 1, v, "r") for k, v in enumerate(r["values"]) if v]
            golden[side].append(golden_row(r["kind"], None, r["code"], None, r["name"], dict(zip(ids, r["values"]))))
    last = []
    for side, c0, r in (("left", 0, t["footer"][0]), ("right", right0, t["footer"][1])):
        last += [Cell(0, c0, 1, 2, r["name"], "c")] + [Cell(0, c0 + 2 + k, 1, 1, v, "r")
                                                        for k, v in enumerate(r["values"]) if v]
        golden[side].append(golden_row(r["kind"], None, None, None, r["name"], dict(zip(ids, r["values"]))))
    rows.append(last)
    return rows, golden["left"] + golden["right"]


BODIES = {"coded": lambda t, cols: coded_body(t, [c["id"] for c in cols]),
          "two_sided": two_sided_body, "two_panel": two_panel_body}


def place_table(lay: Layout, t: dict) -> tuple[list[int], dict]:
    """A financial table from a fresh page: banner, title, caption line, grid (over pages), note."""
    size = PAGE_SIZES[t.get("orientation", "landscape")]
    margin = t.get("margin", 30.0)
    width = size[0] - 2 * margin
    widths = t["widths"]
    assert abs(sum(widths) - width) < 0.6, f"{t['title']}: columns are {sum(widths)} wide, the page {width}"
    x0 = (size[0] - sum(widths)) / 2
    columns = columns_golden(t)
    body, rows = BODIES[t["layout"]](t, columns)
    grid = Grid.make(x0, widths, [Cell(*h[:5], "c") for h in t["header"]], t["header_heights"], body,
                     t.get("body_height", 18.0), t.get("size", 9.0), t.get("header_size"), t.get("vpad", VPAD))
    lay.new_page(size)
    if t.get("banner"):
        lay.y -= 20
        lay.text(size[0] / 2, lay.y, 16, t["banner"], "c")
        lay.y -= 8
    if t.get("pre_title"):
        lay.text(x0, lay.y - 10, 10, t["pre_title"])
        lay.y -= 14
    title_size = t.get("title_size", 16.0)
    lay.y -= title_size + 4
    lay.text(size[0] / 2, lay.y, title_size, t["title"], "c")
    lay.y -= 22
    if t.get("caption_left"):
        lay.text(x0, lay.y, 10, t["caption_left"])
    if t.get("caption_right"):
        lay.text(x0 + sum(widths), lay.y, 10, t["caption_right"], "r")
    lay.y -= 8
    pages = flow_grid(lay, grid, repeat_header=t.get("repeat_header", False), breaks=t.get("breaks", ()))
    if t.get("note"):
        lay.y -= 4
        lay.paragraph(t["note"], x0, sum(widths), 9, lead=13)
        assert lay.y > BOTTOM - 10, f"{t['title']}: the note runs off the page"
    golden = {"type": t["type"], "title": norm(t["title"]), "pages": pages, "unit": t["unit"],
              "empty": not any(r["values"] for r in rows), "columns": columns, "rows": rows}
    if t.get("note"):
        golden["note"] = norm(t["note"])
    check_table(t, golden)
    return pages, golden


# ------------------------------------------------------------------------------------------ arithmetic
def _d(v) -> Decimal:
    return Decimal(str(v))


def check_table(t: dict, g: dict) -> None:
    """The sums a table's data declares (`checks`) must hold exactly in the golden rows."""
    checks = t.get("checks", {})
    for lhs, rhs, *side in checks.get("columns", []):     # column identity on every row: lhs = sum(rhs)
        for r in g["rows"]:
            v = r["values"]
            if side and r["side"] != side[0]:
                continue
            if lhs in v or any(k in v for k in rhs):
                got = sum((_d(v.get(k, 0)) for k in rhs), Decimal(0))
                assert _d(v.get(lhs, 0)) == got, f"{g['title']}: {r['name']} {lhs} {v.get(lhs)} != {' + '.join(rhs)} = {got}"
    if checks.get("hierarchy"):                            # a code's row = sum of the rows one level deeper
        coded = [r for r in g["rows"] if r["code"]]
        depth = sorted({len(r["code"]) for r in coded})
        totals = [r for r in g["rows"] if r["kind"] == "total" and not r["code"]]
        if len(totals) == 1 and coded:                     # the one 合计 = sum of the top-level codes
            top = [r for r in coded if len(r["code"]) == depth[0]]
            for key in set(totals[0]["values"]) | {k for r in top for k in r["values"]}:
                got = sum((_d(r["values"].get(key, 0)) for r in top), Decimal(0))
                assert _d(totals[0]["values"].get(key, 0)) == got, f"{g['title']}: 合计 {key} != sum of {depth[0]}-digit codes"
        for r in coded:
            if len(r["code"]) == depth[-1]:
                continue
            nxt = min(d for d in depth if d > len(r["code"]))
            kids = [k for k in coded if len(k["code"]) == nxt and k["code"].startswith(r["code"])
                    and k.get("side") == r.get("side")]
            if not kids:
                continue
            for key in set(r["values"]) | {k for kid in kids for k in kid["values"]}:
                got = sum((_d(k["values"].get(key, 0)) for k in kids), Decimal(0))
                assert _d(r["values"].get(key, 0)) == got, f"{g['title']}: {r['code']} {key} != sum of {nxt}-digit codes"
    for total_name, part_names in checks.get("rows", []):  # a named row = sum of named rows, every column
        def find(name):
            hits = [r for r in g["rows"] if r["name"] == name]
            assert hits, f"{g['title']}: no row {name}"
            return hits[0]
        tot, parts = find(total_name), [find(n) for n in part_names]
        for key in set(tot["values"]) | {k for p in parts for k in p["values"]}:
            got = sum((_d(p["values"].get(key, 0)) for p in parts), Decimal(0))
            assert _d(tot["values"].get(key, 0)) == got, f"{g['title']}: {total_name} {key} {tot['values'].get(key)} != {got}"


# ------------------------------------------------------------------------------------------ 绩效目标表
PERF_MARGIN = 45.0


def kv_cells(pairs: list[tuple[int, int, str, str]]) -> list[Cell]:
    return [Cell(0, c, 1, cs, text, align) for c, cs, text, align in pairs]


def perf_title(lay: Layout, title: str, subtitle: str) -> None:
    w = lay.size[0]
    lay.y -= 16
    lay.text(w / 2, lay.y, 15, title, "c")
    lay.y -= 18
    lay.text(w / 2, lay.y, 10.5, subtitle, "c")
    lay.y -= 10


def indicator_rows(indicators: list[dict], ncols: int, extra: list[str]) -> list[list[Cell]]:
    """一级 and 二级 as merged cells spanning exactly their rows; then 三级, 指标值 (and 说明)."""
    rows: list[list[Cell]] = [[] for _ in indicators]
    for level, col in (("level1", 0), ("level2", 1)):
        i = 0
        while i < len(indicators):
            j = i
            key = tuple(indicators[i][k] for k in ("level1", "level2")[: col + 1])
            while j < len(indicators) and tuple(indicators[j][k] for k in ("level1", "level2")[: col + 1]) == key:
                j += 1
            rows[i].append(Cell(0, col, j - i, 1, indicators[i][level], "c"))
            i = j
    for i, ind in enumerate(indicators):
        for k, name in enumerate(["level3", "target"] + extra):
            if ind.get(name):
                rows[i].append(Cell(0, 2 + k, 1, 1, ind[name], "l" if name in ("level3", "description") else "c"))
    assert all(len(r) <= ncols for r in rows)
    return rows


def heading(lay: Layout, text: str, need_after: float) -> None:
    if 24 + need_after > lay.room():
        lay.new_page(lay.size)
    lay.y -= 17
    lay.text(lay.size[0] / 2, lay.y, 10.5, text, "c")
    lay.y -= 7


def place_department(lay: Layout, item: dict, year: int) -> tuple[list[int], dict]:
    d = item["data"]
    size = 8.5
    widths = [70, 80, 110, 60, 185.2756]
    x0 = PERF_MARGIN
    lay.new_page(PORTRAIT)
    perf_title(lay, d["title"], d["subtitle"])
    rows: list[list[Cell]] = []
    rows.append(kv_cells([(0, 2, "部门(单位)名称", "c"), (2, 3, d["department"], "l")]))
    rows.append(kv_cells([(0, 1, "年度履职目标", "c"), (1, 4, d["annual_goal"], "l")]))
    rows.append(kv_cells([(1, 1, "任务名称", "c"), (2, 3, "主要内容", "c")]))
    for task in d["tasks"]:
        rows.append(kv_cells([(1, 1, task["name"], "l"), (2, 3, task["content"], "l")]))
    rows[2].append(Cell(0, 0, len(d["tasks"]) + 1, 1, "年度主要任务", "c"))
    first_budget = len(rows)
    for label, amount in d["budget"]:
        rows.append(kv_cells([(1, 1, label, "l"), (2, 3, amount, "r")]))
    rows[first_budget].append(Cell(0, 0, len(d["budget"]), 1, "预算情况", "c"))
    head = len(rows)
    rows.append(kv_cells([(k, 1, t, "c") for k, t in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "指标值说明"])]))
    grid_rows = indicator_rows(d["indicators"], 5, ["description"])
    # the indicator header row is the grid's header: repeated on each continuation page
    top = Grid.make(x0, widths, [], [], rows[:head], 18.0, size)
    pages = set(flow_grid(lay, top, repeat_header=False))
    ind = Grid.make(x0, widths, [Cell(0, k, 1, 1, t, "c") for k, t in
                                 enumerate(["一级指标", "二级指标", "三级指标", "指标值", "指标值说明"])],
                    [18.0], grid_rows, 18.0, size)
    pages |= set(flow_grid(lay, ind, repeat_header=item.get("repeat_header", True)))
    pages = sorted(pages)
    budget = dict(zip(["total", "fiscal", "other", "basic", "project"],
                      [number(a) if a else None for _, a in d["budget"]]))
    budget.update(other_basic=None, other_project=None)     # the sample splits no 其他资金 into 基本 | 项目
    golden = {
        "type": "department_performance", "title": norm(d["title"]), "unit_name": norm(item["unit_name"]),
        "year": year, "pages": pages, "department": norm(d["department"]), "annual_goal": norm(d["annual_goal"]),
        # the sample's task list prints no amounts of its own
        "tasks": [{"name": norm(t["name"]), "content": norm(t["content"]), "total": None, "fiscal": None,
                   "other": None} for t in d["tasks"]],
        "budget": budget,
        "indicators": [{"level1": norm(i["level1"]), "level2": norm(i["level2"]), "level3": norm(i["level3"]),
                        "target_raw": norm(i["target"]), "description": norm(i["description"])}
                       for i in d["indicators"] if i["level3"] or i["target"]],   # a blank template row is none
    }
    return pages, golden


PROJECT_KEYS = {   # printed label -> golden field
    "项目名称": "project_name", "单位编码": "unit_code", "资金用途": "fund_use", "项目负责人": "owner", "联系人": "contact",
    "联系电话": "phone", "开始时间": "start_date", "结束时间": "end_date", "项目总金额": "total_amount",
    "项目本年度金额": "year_amount", "上年度项目总金额": "prev_total_amount", "项目上年度金额": "prev_year_amount",
    "项目概况": "overview", "立项依据": "basis", "项目设立的必要性": "necessity", "项目配套制度措施": "measures",
    "项目实施计划": "plan", "备注": "remarks", "项目总目标": "overall_goal", "年度绩效目标": "annual_goal",
}
AMOUNTS = {"total_amount", "year_amount", "prev_total_amount", "prev_year_amount"}


def place_project(lay: Layout, item: dict, year: int) -> tuple[list[int], dict]:
    p = item["data"]
    f = dict(p["fields"])
    size = 8.0
    x0 = PERF_MARGIN
    lay.new_page(PORTRAIT)
    perf_title(lay, p["title"], p["subtitle"])
    w4 = [95, 157.6378, 95, 157.6378]
    basic = [
        kv_cells([(0, 1, "项目名称", "c"), (1, 3, f["项目名称"], "l")]),
        kv_cells([(0, 1, "单位编码", "c"), (1, 1, f["单位编码"], "l"), (2, 1, "资金用途", "c"), (3, 1, f["资金用途"], "l")]),
        kv_cells([(0, 1, "项目负责人", "c"), (1, 1, f["项目负责人"], "l"), (2, 1, "联系人", "c"), (3, 1, f["联系人"], "l")]),
        kv_cells([(0, 1, "联系电话", "c"), (1, 3, f["联系电话"], "l")]),
        kv_cells([(0, 1, "开始时间", "c"), (1, 1, f["开始时间"], "l"), (2, 1, "结束时间", "c"), (3, 1, f["结束时间"], "l")]),
        kv_cells([(0, 1, "项目总金额", "c"), (1, 1, f["项目总金额"], "r"), (2, 1, "项目本年度金额", "c"),
                  (3, 1, f["项目本年度金额"], "r")]),
        kv_cells([(0, 1, "上年度项目总金额", "c"), (1, 1, f["上年度项目总金额"], "r"), (2, 1, "项目上年度金额", "c"),
                  (3, 1, f["项目上年度金额"], "r")]),
    ]
    pages = set(flow_grid(lay, Grid.make(x0, w4, [], [], basic, 15.0, size), repeat_header=False))
    detail = [kv_cells([(0, 1, k, "c"), (1, 1, f[k], "l")]) for k in
              ("项目概况", "立项依据", "项目设立的必要性", "项目配套制度措施", "项目实施计划", "备注")]
    dgrid = Grid.make(x0, [95, 410.2756], [], [], detail, 15.0, size)
    heading(lay, "项目详细信息", dgrid.body_heights[0])
    pages |= set(flow_grid(lay, dgrid, repeat_header=False))
    widths = [72, 72, 236.2756, 125]
    goals = [kv_cells([(0, 1, k, "c"), (1, 3, f[k], "l")]) for k in ("项目总目标", "年度绩效目标")]
    ggrid = Grid.make(x0, widths, [], [], goals, 15.0, size)
    heading(lay, "项目绩效目标", ggrid.body_heights[0])
    pages.add(lay.page)
    pages |= set(flow_grid(lay, ggrid, repeat_header=False))
    names = ["一级指标", "二级指标", "三级指标", "目标值"]
    igrid = Grid.make(x0, widths, [Cell(0, k, 1, 1, t, "c") for k, t in enumerate(names)], [15.0],
                      indicator_rows(p["indicators"], 4, []), 14.0, size)
    # the indicator grid continues right under the goal rows, as one frame
    pages |= set(flow_grid(lay, igrid, repeat_header=item.get("repeat_header", False)))
    pages = sorted(pages)
    golden = {"type": "project_performance", "title": norm(p["title"]), "unit_name": norm(p["unit_name"]),
              "year": year, "pages": pages}
    for label, key in PROJECT_KEYS.items():
        v = f[label]
        golden[key] = (number(v) if v else None) if key in AMOUNTS else norm(v)
    golden["indicators"] = [{"level1": norm(i["level1"]), "level2": norm(i["level2"]), "level3": norm(i["level3"]),
                             "target_raw": norm(i["target"])} for i in p["indicators"]
                            if i["level3"] or i["target"]]            # a blank template row is not an indicator
    return pages, golden


# ------------------------------------------------------------------------------------------ other pages
def place_cover(lay: Layout, item: dict) -> None:
    size = PAGE_SIZES[item.get("orientation", "portrait")]
    lay.new_page(size)
    lay.y = size[1] * 0.62
    for line in item["lines"]:
        lay.text(size[0] / 2, lay.y, item.get("size", 26), line, "c")
        lay.y -= item.get("size", 26) * 1.8
    if item.get("date"):
        lay.text(size[0] / 2, size[1] * 0.22, 14, item["date"], "c")


def place_narrative(lay: Layout, item: dict) -> None:
    size = PAGE_SIZES[item.get("orientation", "portrait")]
    lay.new_page(size)
    left = 70.0
    width = size[0] - 2 * left
    lay.y -= 16
    lay.text(size[0] / 2, lay.y, 16, item["heading"], "c")
    lay.y -= 14
    fs = item.get("size", 11.0)
    for para in item["paragraphs"]:
        is_heading = len(para) < 24 and not para.endswith("。")
        if is_heading:
            lay.y -= 6
            lay.paragraph(para, left, width, fs, lead=fs * 1.9)
        else:
            lay.paragraph(para, left, width, fs, indent=2 * fs, lead=fs * 1.75)
        if lay.room() < 0:
            raise AssertionError(f"narrative page '{item['heading']}' runs off the page")


# ------------------------------------------------------------------------------------------ documents
def load_samples() -> list[dict]:
    out = []
    for path in sorted(DATA.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"sample_data_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out += getattr(module, "SAMPLES", None) or [module.SAMPLE]
    return out


def lay_out(sample: dict) -> tuple[Layout, dict, list[str]]:
    """The pages of a sample and its golden; plus one line per page saying what is on it."""
    lay = Layout()
    tables, performance = [], []
    for item in sample["content"]:
        kind = item["kind"]
        if kind == "cover":
            place_cover(lay, item)
        elif kind == "narrative":
            place_narrative(lay, item)
        elif kind == "table":
            _, g = place_table(lay, item)
            tables.append(g)
        elif kind == "department_performance":
            _, g = place_department(lay, item, sample["year"])
            performance.append(g)
        elif kind == "project_performance":
            _, g = place_project(lay, item, sample["year"])
            performance.append(g)
        else:
            raise ValueError(f"unknown content kind {kind!r}")
    for check in sample.get("cross_checks", []):
        cross_check(tables, check)
    golden = {"source": {"file": sample["file"]}, "department": sample["department"], "year": sample["year"],
              "doc_kind": sample["doc_kind"], "tables": tables}
    if performance:
        golden["performance"] = performance
    return lay, golden, page_summary(lay, tables, performance)


def cross_check(tables: list[dict], check: tuple) -> None:
    """(type_a, row_name_a, column_a, type_b, row_name_b, column_b): the same total printed in two tables."""
    ta, ra, ca, tb, rb, cb = check

    def value(t, r, c):
        tab = next(x for x in tables if x["type"] == t)
        row = next(x for x in tab["rows"] if x["name"] == r)
        return _d(row["values"].get(c, 0))
    assert value(ta, ra, ca) == value(tb, rb, cb), f"cross-table check failed: {check}"


def page_summary(lay: Layout, tables: list[dict], performance: list[dict]) -> list[str]:
    on: dict[int, list[str]] = {}
    for t in tables:
        for p in t["pages"]:
            on.setdefault(p, []).append(f"{t['type']} {t['title']}" + (" (empty)" if t["empty"] else ""))
    for t in performance:
        for p in t["pages"]:
            label = t.get("project_name") or t["title"]
            on.setdefault(p, []).append(f"{t['type']} {label}")
    return [f"p{n}: " + ("; ".join(on.get(n, [])) or "text") for n in range(1, lay.page + 1)]


def write_json(path: Path, doc: dict) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def scanned_name(file: str) -> str:
    return Path(file).stem + "_scanned.pdf"


def scanned_twin(stem: str, out_dir: Path | None = None) -> Path:
    """The scanned twin of sample ``stem`` (e.g. "jiyuan_2020_full"): the committed file, or one drawn
    now from the committed text PDF into ``out_dir`` (default samples/) when it is not kept in git."""
    sample = next((s for s in load_samples() if Path(s["file"]).stem == stem and s.get("scan")), None)
    if sample is None:
        raise KeyError(f"no sample {stem} with a scanned twin")
    target = (out_dir or SAMPLES) / scanned_name(sample["file"])
    if not target.is_file():
        tmp = target.with_suffix(f".{os.getpid()}.part")      # concurrent test runs each draw their own
        draw_scanned(SAMPLES / sample["file"], tmp, sample["scan"])
        os.replace(tmp, target)
    return target


def office_name(file: str) -> str:
    return Path(file).stem + "_office.pdf"


def office_seals(lay: Layout) -> list[dict]:
    """The seals an office scan of ``lay`` carries: page and bbox (points from the top-left), from the
    layout alone, so the golden does not depend on drawing."""
    from office import SEAL_WIDTH, seal_centre, sealed
    out = []
    for n, page in enumerate(lay.pages, 1):
        if sealed(n):
            cx, cy = seal_centre(page.ops, page.size)
            r = SEAL_WIDTH * page.size[0] / 2
            out.append({"page": n, "bbox": [round(cx - r, 1), round(cy - r, 1), round(cx + r, 1), round(cy + r, 1)],
                        "colour": "red"})
    return out


def office_scan(stem: str, out_dir: Path | None = None, pages: list[int] | None = None) -> Path:
    """The office scan (#12) of sample ``stem``: colour, JPEG 55, grey paper, fold, bleed-through, tilt,
    blur, noise and a red 财务专用章 on every fourth page; never committed, drawn now into ``out_dir``
    (default samples/) from the committed text PDF when it is not on disk. ``pages`` (1-based): only
    these pages, each exactly as in the whole scan (``office_golden`` gives their golden)."""
    sample = next((s for s in load_samples() if Path(s["file"]).stem == stem and s.get("office")), None)
    if sample is None:
        raise KeyError(f"no sample {stem} with an office scan")
    name = office_name(sample["file"])
    if pages:
        name = name.replace(".pdf", f"_{_page_ranges(pages)}.pdf")
    target = (out_dir or SAMPLES) / name
    if not target.is_file():
        tmp = target.with_suffix(f".{os.getpid()}.part")
        draw_office_pdf(sample, SAMPLES / sample["file"], tmp, pages)
        os.replace(tmp, target)
    return target


def _page_ranges(pages: list[int]) -> str:
    """4-14,16-28: the pages of a partial scan, for its file name."""
    out, run = [], [pages[0], pages[0]]
    for p in pages[1:]:
        if p == run[1] + 1:
            run[1] = p
        else:
            out.append(run)
            run = [p, p]
    out.append(run)
    return "p" + "_".join(f"{a}-{b}" if a != b else str(a) for a, b in out)


def office_golden(stem: str, pages: list[int] | None = None) -> dict:
    """The golden of ``office_scan(stem, pages=pages)``: tables, forms and seals on those pages, with
    their page numbers as the partial file numbers them (a table with a page left out is left out)."""
    sample = next(s for s in load_samples() if Path(s["file"]).stem == stem and s.get("office"))
    _, goldens, _ = goldens_for(sample)
    golden = next(doc for name, doc in goldens if name == Path(office_name(sample["file"])).stem + ".json")
    if not pages:
        return golden
    new = {p: k for k, p in enumerate(sorted(pages), 1)}
    golden["source"]["file"] = office_name(sample["file"]).replace(".pdf", f"_{_page_ranges(sorted(pages))}.pdf")
    for key in ("tables", "performance"):
        kept = [t for t in golden.get(key, []) if all(p in new for p in t["pages"])]
        for t in kept:
            t["pages"] = [new[p] for p in t["pages"]]
        golden[key] = kept
    golden["seals"] = [dict(s, page=new[s["page"]]) for s in golden.get("seals", []) if s["page"] in new]
    return golden


def draw_office_pdf(sample: dict, src: Path, dst: Path, pages: list[int] | None = None) -> int:
    sys.path.insert(0, str(SAMPLES))
    from office import draw_office
    lay, _, _ = lay_out(sample)
    drawn, _ = draw_office(src, [(p.size, p.ops) for p in lay.pages], sample["department"], sample["office"],
                           pages)
    dst.write_bytes(image_pdf(drawn, colour=True))
    return len(drawn)


def goldens_for(sample: dict) -> tuple[Layout, list[tuple[str, dict]], list[str]]:
    lay, golden, summary = lay_out(sample)
    out = [(Path(sample["file"]).stem + ".json", golden)]
    if sample.get("scan"):
        scanned = json.loads(json.dumps(golden))
        scanned["source"]["file"] = scanned_name(sample["file"])
        out.append((Path(scanned_name(sample["file"])).stem + ".json", scanned))
    if sample.get("office"):
        sys.path.insert(0, str(SAMPLES))
        office = json.loads(json.dumps(golden))
        office["source"]["file"] = office_name(sample["file"])
        office["seals"] = office_seals(lay)
        out.append((Path(office_name(sample["file"])).stem + ".json", office))
    return lay, out, summary


# ------------------------------------------------------------------------------------------ drawing (needs the font)
def register_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    path = find_font()
    font = TTFont(FONT_NAME, str(path), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return font


def check_metrics(font, lay: Layout) -> None:
    """The tabled widths must be the font's: the layout was computed from them."""
    chars = sorted({ch for page in lay.pages for op in page.ops if op[0] == "text" for ch in op[4]})
    for ch in chars:
        if ord(ch) not in font.face.charToGlyph:
            sys.exit(f"generate.py: {FONT_FILE} has no glyph for {ch!r} (U+{ord(ch):04X}); change the data")
        real = font.face.charWidths.get(ord(ch), font.face.defaultWidth) * UNITS_PER_EM / 1000
        if abs(real - char_units(ch)) > 1e-6:
            sys.exit(f"generate.py: width of {ch!r} is {real} font units, the table says {char_units(ch)}; "
                     f"add it to OTHER_WIDTHS (or the installed {FONT_FILE} is another version)")


def draw_pdf(lay: Layout, path: Path, sample: dict) -> None:
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), pagesize=lay.pages[0].size, invariant=1)
    c.setTitle(sample["pdf_title"])
    c.setAuthor(sample["department"])
    c.setCreator("budget-disclosure-extractor samples/generate.py")
    for page in lay.pages:
        c.setPageSize(page.size)
        c.setLineWidth(LINE_WIDTH)
        font_size = None
        for op in page.ops:
            if op[0] == "line":
                c.line(*op[1:])
            else:
                _, x, y, size, s = op
                if size != font_size:
                    c.setFont(FONT_NAME, size)
                    font_size = size
                c.drawString(x, y, s)
        c.showPage()
    c.save()


def draw_scanned(src: Path, dst: Path, cfg: dict) -> int:
    """Each page of `src` as a slightly turned, blurred, noisy grayscale JPEG in an image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    dpi, quality = cfg.get("dpi", 150), cfg.get("quality", 30)
    ink, paper = cfg.get("ink", 30), cfg.get("paper", 236)        # grey ink on off-white paper
    rng = random.Random(cfg.get("seed", 1))
    tile = 256
    noise = Image.frombytes("L", (tile, tile), bytes(
        max(0, min(255, int(round(128 + rng.gauss(0, cfg.get("noise", 3.0)))))) for _ in range(tile * tile)))
    pdf = pdfium.PdfDocument(str(src))
    pages = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            w, h = page.get_size()
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            angle = rng.uniform(-cfg.get("max_angle", 0.8), cfg.get("max_angle", 0.8))
            img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
            img = img.filter(ImageFilter.GaussianBlur(cfg.get("blur", 0.8)))
            img = img.point([ink + v * (paper - ink) // 255 for v in range(256)])
            draw = ImageDraw.Draw(img)
            for _ in range(rng.randrange(10, 40)):                    # dust
                x, y, r = rng.randrange(img.size[0]), rng.randrange(img.size[1]), rng.choice((1, 1, 2))
                draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randrange(60, 160))
            field_ = Image.new("L", img.size)
            ox, oy = rng.randrange(tile), rng.randrange(tile)
            for y in range(-oy, img.size[1], tile):
                for x in range(-ox, img.size[0], tile):
                    field_.paste(noise, (x, y))
            img = ImageChops.add(img, field_, scale=1.0, offset=-128)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=quality, optimize=True)
            pages.append((w, h, img.size, buf.getvalue()))
    finally:
        pdf.close()
    dst.write_bytes(image_pdf(pages))
    return len(pages)


def _num(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".")


def image_pdf(pages: list[tuple[float, float, tuple[int, int], bytes]], colour: bool = False) -> bytes:
    """A minimal PDF: one full-page JPEG per page (grayscale, or RGB with ``colour``), nothing else
    (no fonts, no text)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}

    def obj(num: int, body: bytes, stream: bytes | None = None) -> None:
        offsets[num] = out.tell()
        out.write(f"{num} 0 obj\n".encode() + body)
        if stream is not None:
            out.write(b"\nstream\n" + stream + b"\nendstream")
        out.write(b"\nendobj\n")

    n = len(pages)
    kids = " ".join(f"{4 + 3 * k} 0 R" for k in range(n))
    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(2, f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    obj(3, b"<< /Producer (budget-disclosure-extractor samples/generate.py, scanned) >>")
    for k, (w, h, (pw, ph), jpeg) in enumerate(pages):
        page, content, image = 4 + 3 * k, 5 + 3 * k, 6 + 3 * k
        obj(page, (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_num(w)} {_num(h)}] "
                   f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>").encode())
        draw = f"q {_num(w)} 0 0 {_num(h)} 0 0 cm /Im0 Do Q".encode()
        obj(content, f"<< /Length {len(draw)} >>".encode(), draw)
        obj(image, (f"<< /Type /XObject /Subtype /Image /Width {pw} /Height {ph} /ColorSpace /{'DeviceRGB' if colour else 'DeviceGray'} "
                    f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpeg)} >>").encode(), jpeg)
    xref = out.tell()
    size = 4 + 3 * n
    out.write(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
    for num in range(1, size):
        out.write(f"{offsets[num]:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# ------------------------------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--goldens-only", action="store_true", help="write the goldens only (no font, no PDFs)")
    ap.add_argument("--out", type=Path, default=None, help="directory for the goldens (default golden/)")
    ap.add_argument("--only", action="append", default=[], help="only the sample with this file stem (repeatable)")
    ap.add_argument("--no-scan", action="store_true", help="leave the *_scanned.pdf files as they are")
    ap.add_argument("--office", action="store_true", help="also draw the office scans (<stem>_office.pdf)")
    ap.add_argument("--scans-only", action="store_true",
                    help="only draw the scanned twins, from the committed text PDFs (no font needed)")
    args = ap.parse_args(argv)
    out_dir = args.out or GOLDEN
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = [s for s in load_samples() if not args.only or Path(s["file"]).stem in args.only]
    if args.only and len(samples) != len(args.only):
        sys.exit(f"generate.py: no sample named {args.only}")
    if args.scans_only:
        for sample in samples:
            if sample.get("scan"):
                scanned = SAMPLES / scanned_name(sample["file"])
                n = draw_scanned(SAMPLES / sample["file"], scanned, sample["scan"])
                print(f"{scanned.relative_to(ROOT)}  {n} pages  {scanned.stat().st_size // 1024} KiB")
        if args.office:
            for sample in samples:
                if sample.get("office"):
                    office = SAMPLES / office_name(sample["file"])
                    n = draw_office_pdf(sample, SAMPLES / sample["file"], office)
                    print(f"{office.relative_to(ROOT)}  {n} pages  {office.stat().st_size // 1024} KiB")
        return 0
    font = None if args.goldens_only else register_font()
    for sample in samples:
        lay, goldens, summary = goldens_for(sample)
        for name, doc in goldens:
            write_json(out_dir / name, doc)
        if args.goldens_only:
            print(f"{sample['file']}: {lay.page} pages -> " + ", ".join(n for n, _ in goldens))
            continue
        check_metrics(font, lay)
        pdf = SAMPLES / sample["file"]
        draw_pdf(lay, pdf, sample)
        print(f"{pdf.relative_to(ROOT)}  {lay.page} pages  {pdf.stat().st_size // 1024} KiB")
        for line in summary:
            print("   ", line)
        if sample.get("scan") and not args.no_scan:
            scanned = SAMPLES / scanned_name(sample["file"])
            n = draw_scanned(pdf, scanned, sample["scan"])
            print(f"{scanned.relative_to(ROOT)}  {n} pages  {scanned.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

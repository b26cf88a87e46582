"""Grid body rows -> schema rows: code, name, kind, values, one list per table (sides and panels in turn)."""
from __future__ import annotations

import re
from ... import catalog
from ...grid import Grid
from ...models import CodeLevels, Label, Row
from .header import Layout, Segment
from .hierarchy import bare_item_codes, levels_of, own_leaf_groups, repeated_totals, subtotal_headings, unit_code_rows
from ...text.amounts import NotANumber, parse_amount, shown_places, to_json_number

_SPILL = re.compile(r"^([\u4e00-\u9fff（）()]+)\s*(-?[\d,]+(?:\.\d+)?)$")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
# 2080501 行政单位离退休 · 2014050-事业运行 · [2013299]其他组织事务支出 · 【201】一般公共服务支出 in one cell
_LEADING_CODE = re.compile(r"^[\[【〔(（]?\s*(\d{3}(?:\d{2}){0,2})\s*(?:[\]】〕)）]\s*|\s+|[-－—_.、]\s*|(?=[\u4e00-\u9fff]))(?=\D)(.+)$")


def _confidence(grid: Grid, r: int, c: int) -> float:
    cell = grid.at(r, c)
    return cell.confidence if cell is not None and cell.row == r and cell.col == c else 1.0


def _cell(grid: Grid, r: int, c: int, anchored: bool = False) -> str:
    """Text covering (r, c); a cell spanning down from an earlier row belongs to that row, and with
    ``anchored`` a cell spanning in from a column on the left does not count (amount cells)."""
    cell = grid.at(r, c)
    if cell is None or cell.row != r or (anchored and cell.col != c):
        return ""
    return cell.text


def _inherit(parts: list[tuple[str | None, str]], context: dict[str, str]) -> list[tuple[str | None, str]]:
    """Tables that print only a row's own level (201 / 40 / 01 on successive rows) borrow the levels
    above it from the rows before; the context remembers the last class and item seen."""
    filled = {level: re.sub(r"\s+", "", t) for level, t in parts if level in _LEVELS and t.strip().isdigit()}
    if not filled:
        return parts
    top = min(filled, key=_LEVELS.index)
    if top == "class":
        context.clear()
    for level in _LEVELS[:_LEVELS.index(top)]:
        if level in context:
            filled[level] = context[level]
    for level in ("class", "item"):
        if level in filled:
            context[level] = filled[level]
    return [(level, filled.get(level, "")) for level in _LEVELS] + [(l, t) for l, t in parts if l not in _LEVELS]


_LEVELS = ["class", "item", "subitem"]


def _code(parts: list[tuple[str | None, str]]) -> tuple[str | None, CodeLevels | None, str | None]:
    """Join split 类/款/项 parts; return (code, levels, leftover text that was not a code)."""
    digits: list[tuple[str | None, str]] = []
    leftover = None
    seen: set[str] = set()
    for level, text in parts:
        t = re.sub(r"\s+", "", text)
        if not t or (level, t) in seen:
            continue
        seen.add((level, t))
        if t.isdigit():
            if level in ("item", "subitem") and len(t) == 1:
                t = "0" + t        # 款/项 are two digits; some tables print 02 as 2
            digits.append((level, t))
        else:
            leftover = text
    if not digits:
        return None, None, leftover
    code = "".join(t for _, t in digits)
    return code, levels_of(code), leftover


def _kind(name: str | None) -> str:
    if not name:
        return "item"
    label = catalog.norm_label(name)
    if any(p.search(label) for p in catalog.patterns("rows", "total")):
        return "total"
    if any(p.search(label) for p in catalog.patterns("rows", "group")):
        return "group"
    return "item"


def segment_rows(grid: Grid, layout: Layout, seg: Segment, start: int, context: dict[str, str] | None = None,
                 min_confidence: float = 0.0) -> list[Row]:
    rows: list[Row] = []
    context = {} if context is None else context
    split = sum(c.level in _LEVELS for c in seg.code_cols) >= 2
    for r in range(start, grid.n_rows):
        parts = [(c.level, _cell(grid, r, c.col)) for c in seg.code_cols]
        if split:
            parts = _inherit(parts, context)
        code, levels, leftover = _code(parts)
        padded = code is not None and len(code) != sum(len(re.sub(r"\s+", "", t)) for _, t in parts if t.strip().isdigit())
        name = _cell(grid, r, seg.name_col.col) if seg.name_col else ""
        unit_label = _cell(grid, r, seg.unit_name_col.col) if seg.unit_name_col else ""
        subtotal_of = None
        if seg.category_col is not None:
            category = grid.at(r, seg.category_col.col)
            category_text = category.text if category is not None else ""
            if not name and category is not None and category.row == r:
                name = category_text           # a category printed without items
            elif catalog.norm_label(name) in catalog.label_set("generic", "labels") and category_text:
                name, subtotal_of = category_text, True   # 小计 of a category: the category's row
        if not name and leftover:
            name = leftover            # 合计 printed across the code and name columns
        if not code and name:
            m = _LEADING_CODE.match(name)
            if m and any(p.match(m.group(1)) for p in catalog.patterns("rows", "subject_code")):
                # 2080501 行政单位离退休 / 2014050-事业运行 in one cell
                code, name = m.group(1), m.group(2)
                levels = levels_of(code)
        # a 合计 merged from the codes across the name, unit code and text columns is the name only
        unit_code = _cell(grid, r, seg.unit_code_col.col, anchored=True) if seg.unit_code_col else ""
        classifications = {}
        for extra in seg.extra_labels:
            xcode, _, xleft = _code([(c.level, _cell(grid, r, c.col)) for c in extra.code_cols])
            xname = _cell(grid, r, extra.label_col.col) if extra.label_col else (xleft or "")
            if not xcode and xname:
                m = _LEADING_CODE.match(xname)
                if m:
                    xcode, xname = m.group(1), m.group(2)
            if xcode or (xname and xname != name):      # a 合计 merged over both label columns is the row's name
                classifications[extra.key] = Label(code=xcode, name=xname or None)
        is_unit = False
        if unit_label and not name and not code:
            name, is_unit = unit_label, True       # a unit subtotal row names the unit in its own column
        if not name and not code and len(classifications) == 1:
            only = next(iter(classifications.values()))
            if only.code is None:          # 合计 printed in the second label column only
                name, classifications = only.name, {}
        values: dict[str, int | float] = {}
        shown: dict[str, int] = {}
        row_flags: list[str] = ["code_zero_padded"] if padded else []
        for spec in seg.value_cols:
            text = _cell(grid, r, spec.col, anchored=True)
            try:
                v = parse_amount(text)
            except NotANumber:
                spill = _SPILL.match(text)
                if spill and spec is seg.value_cols[0] and name and _amount_or_none(spill.group(2)) is not None:
                    # a long name printed past its cell into the first amount cell: 机关事业单位职业年金|缴费支出43608.96
                    name += spill.group(1)
                    v = parse_amount(spill.group(2))
                    row_flags.append("name_overflow_repaired")
                else:
                    if text:
                        row_flags.append(f"unparsed:{spec.id}")
                    continue
            if v is not None:
                values[spec.id] = to_json_number(v)
                shown[spec.id] = shown_places(v)
                if _confidence(grid, r, spec.col) < min_confidence:
                    row_flags.append(f"ocr_low_confidence:{spec.id}")
        texts = {spec.id: t for spec in seg.text_cols if (t := _cell(grid, r, spec.col, anchored=True))
                 and not (is_unit and spec is seg.unit_name_col)}
        name = name or None
        if texts and rows and not (code or name or values or unit_code or classifications):
            for key, t in texts.items():       # a text wrapped onto a grid row of its own continues the row above
                rows[-1].texts[key] = rows[-1].texts.get(key, "") + t
            continue
        if not (code or name or values or unit_code or classifications or texts):
            continue
        label_cell = grid.at(r, seg.name_col.col) if seg.name_col else None
        seg_last = max([c.col for c in seg.value_cols] + [seg.name_col.col if seg.name_col else 0])
        if not values and label_cell is not None and label_cell.last_col > seg_last:
            continue                   # a label spanning into the next panel belongs to that panel's row
        cols = [c.col for c in seg.code_cols + seg.value_cols] + \
            [c.col for c in (seg.name_col, seg.category_col, seg.unit_name_col) if c]
        bbox = grid.row_bbox(r, range(min(cols), max(cols) + 1)) if cols else grid.row_bbox(r)
        kind = "group" if subtotal_of else "unit" if is_unit and _kind(name) == "item" else _kind(name)
        rows.append(Row(kind=kind, side=seg.side, code=code, code_levels=levels,
                        unit_code=unit_code or None, name=name, values=values, classifications=classifications,
                        texts=texts,
                        page=grid.page,
                        bbox=tuple(round(v, 2) for v in bbox), flags=sorted(set(row_flags))))
        rows[-1]._shown = shown
    return rows


def grid_rows(grid: Grid, layout: Layout, start: int, contexts: dict[int, dict] | None = None,
              min_confidence: float = 0.0) -> dict[int, list[Row]]:
    """Rows of every segment of the grid from ``start``, keyed by segment index; ``contexts`` carries
    the code levels seen so far from one page of a table to the next; an amount read by OCR with less
    than ``min_confidence`` is flagged on its row."""
    contexts = {} if contexts is None else contexts
    return {seg.index: segment_rows(grid, layout, seg, start, contexts.setdefault(seg.index, {}), min_confidence)
            for seg in layout.segments}


def finish_kinds(rows: list[Row]) -> None:
    """Document-order passes (repeatable: run again once codes are put right): unit codes, bare 款 codes,
    repeated totals, own leaves and subtotal headings (hierarchy.py); a coded row with deeper codes below it is a
    group; an uncoded row named like an organisation in a coded table is a unit subtotal where what
    follows it is a unit's content (its classes, or its own units): a project named …中心 among uncoded
    project rows is an item."""
    unit_code_rows(rows)
    bare_item_codes(rows)
    repeated_totals(rows)
    own_leaf_groups(rows)
    subtotal_headings(rows)
    for i, row in enumerate(rows):
        if row.code and row.kind == "item":
            nxt = next((r for r in rows[i + 1:] if r.code and r.side == row.side), None)
            if nxt is not None and nxt.code.startswith(row.code) and len(nxt.code) > len(row.code):
                row.kind = "group"
    for i, row in enumerate(rows):
        if row.unit_code and row.kind == "item" and _heads_by_unit_code(rows, i):
            row.kind = "unit"
    if not any(r.code for r in rows):
        return
    suffixes = tuple(catalog.load("rows")["unit"]["suffixes"])
    for row in rows:
        if row.kind == "item" and not row.code and row.name and row.name.endswith(suffixes):
            row.kind = "unit"
    for i in reversed(range(len(rows))):      # from the foot: a unit over such items is none either
        if rows[i].kind == "unit" and not _heads_unit(rows, i) and not (rows[i].unit_code and _heads_by_unit_code(rows, i)):
            rows[i].kind = "item"


def _heads_by_unit_code(rows: list[Row], i: int) -> bool:
    """A row printing a unit code over rows that print none (its items), or over longer unit codes (its
    units), is that unit's subtotal: 西安's 政府采购 tables print 1 全额 › 234001 西安市气象局 › its purchases,
    each under the same subject code."""
    row = rows[i]
    nxt = next((r for r in rows[i + 1:] if r.side == row.side and
                (r.kind == "total" or (r.values and (r.name or r.code or r.unit_code)))), None)
    if nxt is None or nxt.kind == "total":
        return False
    return not nxt.unit_code or (len(nxt.unit_code) > len(row.unit_code))


def _heads_unit(rows: list[Row], i: int) -> bool:
    """The next row of the same side that prints anything is a class, a unit or a total (not an
    uncoded item: then the row is one more item of a list, whatever its name)."""
    side = rows[i].side
    nxt = next((r for r in rows[i + 1:] if r.side == side and (r.code or r.values or r.kind != "item")), None)
    return nxt is None or bool(nxt.code) or nxt.kind != "item"


def _amount_or_none(text: str):
    """The amount ``text`` prints, or None when it prints none (a spill whose tail is no number)."""
    try:
        return parse_amount(text)
    except NotANumber:
        return None

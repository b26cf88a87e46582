"""Table parts (one ruled region each, possibly over several pages) -> one schema Table."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ... import catalog
from ...find import Caption, reads_as_title
from ...grid import Grid
from ...models import Column, Table
from ...settings import Settings
from .column_spec import ColumnSpec
from .header import Layout, build_layout
from .rows import finish_kinds, grid_rows
from ...text.amounts import printed_places


@dataclass
class TablePart:
    grid: Grid
    caption: Caption
    layout: Layout
    pages: list[int] = field(default_factory=list)     # the grid's pages where it joins parts of several


@dataclass
class SumGroup:
    """Columns that add up: ``parent`` = sum of ``children`` on every row of one side."""
    parent: str
    children: list[str]
    side: str | None


@dataclass
class MappedTable:
    table: Table
    sum_groups: list[SumGroup] = field(default_factory=list)
    printed_places: int | None = None   # decimals of the body's amounts as printed (12.00: two)


def new_part(grid: Grid, caption: Caption, settings: Settings) -> TablePart:
    return TablePart(grid, caption, build_layout(grid, settings))


def continues(prev: TablePart, part: TablePart, first_on_page: bool, first: TablePart | None = None) -> bool:
    """Does ``part`` carry on the table that ``prev`` (its latest page; ``first`` its first) started, a
    page break inside one table, whether or not the header is printed again?"""
    if part.grid.page != prev.grid.page + 1 or not first_on_page:
        return False
    cap = part.caption
    same_title = cap.title is not None and prev.caption.title is not None and \
        catalog.normalise_title(cap.title) == catalog.normalise_title(prev.caption.title)
    if cap.title is not None and cap.type != "unknown" and not same_title:
        return False
    if cap.title is not None and not same_title and cap.type == "unknown" and reads_as_title(cap.title):
        return False
    earlier = [p for p in (prev, first) if p is not None]
    if any(repeats_header(p.layout, part.layout) for p in earlier):
        return True
    return any(part.grid.n_cols == p.grid.n_cols or _aligned(p.grid, part.grid) for p in earlier)


def repeats_header(layout: Layout, other: Layout) -> bool:
    """``other`` prints ``layout``'s header again: most of its header words are the first page's. A
    frame column drawn on one page only (an empty margin cell) does not make the headers differ."""
    if not other.header_rows:
        return False
    if other.header_signature == layout.header_signature:
        return True
    words = [w for w in other.header_signature if w]
    known = {w for w in layout.header_signature if w}
    return bool(words) and sum(w in known for w in words) * 4 >= len(words) * 3


def _aligned(a: Grid, b: Grid, tol: float = 6.0) -> bool:
    """Every inner column ruling of ``b`` lies on a ruling of ``a`` (its outer frame included: the last
    page of a table often draws a thin margin column the other pages lack, or the other way round)."""
    inner_b = b.col_x[1:-1]
    return bool(inner_b) and all(any(abs(x - y) <= tol for y in a.col_x) for x in inner_b) and \
        min(a.col_x[-1], b.col_x[-1]) - max(a.col_x[0], b.col_x[0]) >= 0.5 * (b.col_x[-1] - b.col_x[0])


def _remap(layout: Layout, src: Grid, dst: Grid, body_start: int = 0) -> Layout:
    """The first page's layout applied to a continuation grid (from ``body_start``, past a header it
    prints again), column by x-overlap."""
    if src.n_cols == dst.n_cols:
        out = copy.copy(layout)
        out.body_start = body_start
        return out
    out = copy.deepcopy(layout)
    out.body_start = body_start
    outside = []                # a column right of the page's frame: the right-hand part printed elsewhere
    for spec in out.columns:
        x0, x1 = src.col_range(spec.col)
        best = max(range(dst.n_cols), key=lambda c: min(x1, dst.col_x[c + 1]) - max(x0, dst.col_x[c]))
        spec.col = best
        if x0 >= dst.col_x[-1] - 1.0 and src.col_x[-1] > dst.col_x[-1] + 1.0:
            outside.append(spec)
    for seg in out.segments:
        seg.value_cols = [c for c in seg.value_cols if not any(c is o for o in outside)]
        seg.text_cols = [c for c in seg.text_cols if not any(c is o for o in outside)]
    return out


def assemble(parts: list[TablePart], settings: Settings) -> MappedTable:
    first = parts[0]
    layout = first.layout
    seg_rows: dict[int, list] = {s.index: [] for s in layout.segments}
    contexts: dict[int, dict] = {}
    for i, part in enumerate(parts):
        if i == 0:
            use, start = layout, layout.body_start
        elif part.layout.header_rows and part.layout.header_signature == layout.header_signature:
            # the header printed again: the first page's columns, whose roles its body told (a 采购品目大类
            # column blank on this page is still the name column)
            use = _remap(layout, first.grid, part.grid, part.layout.body_start) \
                if part.grid.n_cols == first.grid.n_cols else part.layout
            start = use.body_start
        else:
            skip = part.layout.body_start if repeats_header(layout, part.layout) else 0
            use = _remap(layout, first.grid, part.grid, skip)
            start = use.body_start
        for index, rows in grid_rows(part.grid, use, start, contexts, settings.ocr_min_confidence).items():
            seg_rows.setdefault(index, []).extend(rows)
    rows = [r for index in sorted(seg_rows) for r in seg_rows[index]]
    finish_kinds(rows)
    cap = first.caption
    table = Table(
        type=cap.type if cap.type else "unknown",
        title=cap.title,
        title_score=cap.score,
        pages=sorted({p.grid.page for p in parts} | {n for p in parts for n in p.pages}),
        unit=next((p.caption.unit for p in parts if p.caption.unit), None),
        columns=_columns(layout),
        text_columns=_text_columns(layout),
        rows=rows,
        empty=not any(r.values for r in rows),
        note=" ".join(p.caption.note for p in parts if p.caption.note) or None,
    )
    if table.type == "unknown" or catalog.keeps_raw(table.type):    # lists of words keep their cells too
        table.raw = [row for p in parts for row in p.grid.texts()]
    if catalog.keeps_raw(table.type):      # a list is empty when nothing is written under its header
        table.empty = not any(any(c for c in r) for r in table.raw[1:])
    body = (c.text for p in parts for c in p.grid.cells if c.row >= p.layout.body_start and c.text)
    return MappedTable(table, _sum_groups(layout), printed_places(body))


def _columns(layout: Layout) -> list[Column]:
    out: list[Column] = []
    seen: set[tuple[str, str | None]] = set()
    for seg in layout.segments:
        for spec in seg.value_cols:
            if (spec.id, spec.side) in seen:
                continue        # the second panel of a two-panel table repeats the first one's columns
            seen.add((spec.id, spec.side))
            out.append(Column(id=spec.id, key=spec.key, label=spec.label, score=spec.score,
                              measure=spec.measure, side=spec.side))
    return out


def _text_columns(layout: Layout) -> list[Column]:
    out: dict[str, Column] = {}
    for seg in layout.segments:
        for spec in seg.text_cols:
            score = 0.0 if spec.key.startswith("unmapped:") else 100.0     # the text roles match exactly
            out.setdefault(spec.id, Column(id=spec.id, key=spec.key, label=spec.label, score=score))
    return list(out.values())


def _sum_groups(layout: Layout) -> list[SumGroup]:
    """Under each header cell (and at the top), the 合计/小计 column is the sum of its siblings, per
    measure. A sibling that heads a group counts through its own 小计, or through its members where the
    group prints no 小计 (基本支出 over 人员支出 | 公用支出). 其中 columns are parts of a sibling, not summands."""
    groups: list[SumGroup] = []
    for seg in layout.segments:
        for measure in sorted({s.measure for s in seg.value_cols}, key=str):
            specs = [s for s in seg.value_cols if s.measure == measure and s.tree]
            trees = {tuple(s.tree): s for s in specs}
            prefixes = {tuple(s.tree[:k]) for s in specs for k in range(len(s.tree))}
            for prefix in sorted(prefixes, key=lambda p: (len(p), p)):
                children = sorted({tuple(s.tree[:len(prefix) + 1]) for s in specs if tuple(s.tree[:len(prefix)]) == prefix})
                totals = [trees[c] for c in children if c in trees and trees[c].generic]
                if len(totals) != 1:
                    continue
                parts: list[str] = []
                for child in children:
                    if child == tuple(totals[0].tree):
                        continue
                    parts += _represent(child, trees, specs)
                if parts:
                    groups.append(SumGroup(totals[0].id, parts, seg.side))
            groups += [g for g in _fund_groups(specs, seg.side) if g not in groups]
    return groups


def _fund_groups(specs: list[ColumnSpec], side: str | None) -> list[SumGroup]:
    """Categories split by fund source (总计 | 因公出国(境)费 | 公务接待费 … each over 一般公共预算 |
    政府性基金预算 …): per fund, the total's part is the sum of the categories' parts
    (``general_budget = abroad.general_budget + reception.general_budget + …``), and a category's part the
    sum of its sub-categories' (``vehicle.general_budget = vehicle.purchase.general_budget + …``)."""
    funds = set(catalog.load("columns")["compose"]["parts"])
    split = [(s, *s.key.rsplit(".", 1)) for s in specs if "." in s.key and not s.of_which]
    groups = []
    for parent in specs:
        fund = parent.key.rsplit(".", 1)[-1]
        if fund not in funds or parent.of_which or (parent.key == fund and parent.fund_heading != "total"):
            continue
        base = parent.key[:-len(fund)].rstrip(".")
        children = [s.id for s, cat, f in split if f == fund and s is not parent and
                    (cat.startswith(base + ".") and "." not in cat[len(base) + 1:] if base
                     else "." not in cat and cat not in funds)]
        if len(children) >= 2:
            groups.append(SumGroup(parent.id, children, side))
    return groups


def _represent(node: tuple, trees: dict[tuple, ColumnSpec], specs: list[ColumnSpec]) -> list[str]:
    """Column ids whose sum is the value of the header ``node``."""
    if node in trees:
        return [] if trees[node].of_which else [trees[node].id]
    below = sorted({tuple(s.tree[:len(node) + 1]) for s in specs if tuple(s.tree[:len(node)]) == node})
    sums = [trees[c] for c in below if c in trees and trees[c].generic]
    if len(sums) == 1:
        return [sums[0].id]
    out: list[str] = []
    for child in below:
        out += _represent(child, trees, specs)
    return out

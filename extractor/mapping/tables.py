"""Table parts (one ruled region each, possibly over several pages) -> one schema Table."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from .. import catalog
from ..find import Caption, reads_as_title
from ..grid import Grid
from ..models import Column, Table
from ..settings import Settings
from .header import ColumnSpec, Layout, build_layout
from .rows import finish_kinds, grid_rows


@dataclass
class TablePart:
    grid: Grid
    caption: Caption
    layout: Layout


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


def new_part(grid: Grid, caption: Caption, settings: Settings) -> TablePart:
    return TablePart(grid, caption, build_layout(grid, settings))


def continues(prev: TablePart, part: TablePart, first_on_page: bool) -> bool:
    """Does ``part`` carry on the table that ``prev`` started (a page break inside one table)?"""
    if part.grid.page != prev.grid.page + 1 or not first_on_page:
        return False
    cap = part.caption
    same_title = cap.title is not None and prev.caption.title is not None and \
        catalog.normalise_title(cap.title) == catalog.normalise_title(prev.caption.title)
    if cap.title is not None and cap.type != "unknown" and not same_title:
        return False
    if cap.title is not None and not same_title and cap.type == "unknown" and reads_as_title(cap.title):
        return False
    if part.layout.header_rows and part.layout.header_signature == prev.layout.header_signature:
        return True
    return part.grid.n_cols == prev.grid.n_cols or _aligned(prev.grid, part.grid)


def _aligned(a: Grid, b: Grid, tol: float = 6.0) -> bool:
    inner_a, inner_b = a.col_x[1:-1], b.col_x[1:-1]
    return bool(inner_b) and all(any(abs(x - y) <= tol for y in inner_a) for x in inner_b)


def _remap(layout: Layout, src: Grid, dst: Grid) -> Layout:
    """The first page's layout applied to a continuation grid without a header, column by x-overlap."""
    if src.n_cols == dst.n_cols:
        out = copy.copy(layout)
        out.body_start = 0
        return out
    out = copy.deepcopy(layout)
    out.body_start = 0
    for spec in out.columns:
        x0, x1 = src.col_range(spec.col)
        best = max(range(dst.n_cols), key=lambda c: min(x1, dst.col_x[c + 1]) - max(x0, dst.col_x[c]))
        spec.col = best
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
            use, start = part.layout, part.layout.body_start
        else:
            use = _remap(layout, first.grid, part.grid)
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
        pages=sorted({p.grid.page for p in parts}),
        unit=next((p.caption.unit for p in parts if p.caption.unit), None),
        columns=_columns(layout),
        rows=rows,
        empty=not any(r.values for r in rows),
        note=" ".join(p.caption.note for p in parts if p.caption.note) or None,
    )
    if table.type == "unknown":
        table.raw = [row for p in parts for row in p.grid.texts()]
    return MappedTable(table, _sum_groups(layout))


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

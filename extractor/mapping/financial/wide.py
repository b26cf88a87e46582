"""A table too wide for its page, printed on two: the page cuts the drawing at its right edge and the next
page shows the rest of it, the same drawing shifted left (北京 水务局 预算02表 收入总表 pp3-4: 合计 | 本年收入 …
附属单位上缴收入 on one page, 其他收入 | 上年结转结余 … on the next). The right-hand part is more columns of
the same table: its rows are the first part's rows, and its header goes on from the first part's header.
The columns the page edge cuts (drawn half on each page, empty on the first) are no columns of their own.
A spreadsheet printed "down, then over" puts the right-hand parts after all the left-hand pages (上海 数据局
收入预算总表: 合计 … 事业单位经营收入 on pp8-9, 其他收入 for p8's rows on p10): such a part is found by its
rows, which lie on the rulings of the first left-hand part still without its right-hand part."""
from __future__ import annotations

import dataclasses

from ...find import reads_as_title
from ...grid import Grid
from ...grid.model import GridCell
from ...settings import Settings
from ...text.amounts import is_amount, is_blank
from .tables import TablePart, new_part

_TOL = 2.0


def continues_right(prev: TablePart, part: TablePart, width: float) -> bool:
    """``part``, first on its page, is the right-hand part of ``prev`` (the last part on the page before):
    one of the two reaches the page's edge (runs past it, or is cut at it by the reader), the part prints no title of its own, and their rows lie at
    the same heights."""
    a, b = prev.grid, part.grid
    if b.page != a.page + 1 or not (a.col_x[-1] >= width - _TOL or b.col_x[0] <= _TOL):
        return False
    cap = part.caption
    if cap.type != "unknown" or (cap.title is not None and reads_as_title(cap.title)):
        return False
    return a.n_rows == b.n_rows and a.n_rows > 0 and all(abs(x - y) <= _TOL for x, y in zip(a.row_y, b.row_y))


def right_part_of(group: list[TablePart], part: TablePart, width: float) -> int | None:
    """Index of the part of ``group`` whose right-hand columns ``part`` (first on its page) prints, if any:
    the group's last part on the page before (``continues_right``), or, overleaf of the whole group, the
    first part still without its right-hand part whose row rulings ``part``'s rulings lie on, from above
    its first body row to its foot. A part that prints only amounts under a header of its own is columns,
    not rows; an untitled table is no part of it."""
    if continues_right(group[-1], part, width):
        return len(group) - 1
    last_page = max(max(p.pages, default=p.grid.page) for p in group)
    cap, b = part.caption, part.grid
    if b.page != last_page + 1 or cap.type != "unknown" or (cap.title is not None and reads_as_title(cap.title)):
        return None
    k = next((k for k, p in enumerate(group) if max(p.pages, default=p.grid.page) == p.grid.page), None)
    if k is None or b.n_rows < 2 or not any(c.text for c in b.cells if c.row == 0):
        return None
    if any(not is_blank(c.text) and not is_amount(c.text) for c in b.cells if c.row > 0):
        return None
    a = group[k].grid
    on_a = all(any(abs(y - x) <= _TOL for x in a.row_y) for y in b.row_y)
    body_top = a.row_y[min(group[k].layout.body_start, a.n_rows)]
    return k if on_a and abs(b.row_y[-1] - a.row_y[-1]) <= _TOL and b.row_y[0] <= body_top + _TOL else None


def join_right(prev: TablePart, part: TablePart, width: float, settings: Settings) -> TablePart:
    """One grid of both parts: the first part's columns inside its page, then the next part's columns
    inside its own. A header cell the edge cuts on both sides (本年收入 over 其他收入, printed on the first
    page only) is one cell over the columns of both."""
    a, b = prev.grid, part.grid
    keep = max((c for c in range(a.n_cols + 1) if a.col_x[c] < width - _TOL), default=0)    # a's columns 0..keep-1
    start = min((c for c in range(b.n_cols) if b.col_x[c] > _TOL), default=b.n_cols)       # b's first whole column
    shift = a.col_x[keep] - b.col_x[start]
    col_x = a.col_x[:keep + 1] + [x + shift for x in b.col_x[start + 1:]]
    cells: list[GridCell] = []
    cut_right: dict[tuple[int, int], GridCell] = {}
    for cell in a.cells:
        if cell.col >= keep:
            continue
        span = min(cell.last_col, keep - 1) - cell.col + 1
        new = dataclasses.replace(cell, colspan=span)
        if cell.last_col >= keep:
            cut_right[(cell.row, cell.rowspan)] = new
        cells.append(new)
    rows = [min(range(a.n_rows + 1), key=lambda j: abs(a.row_y[j] - y)) for y in b.row_y]   # b's rulings on a's
    spans_above = [c for c in cells if c.last_col == keep - 1 and c.last_row < rows[0]]  # over the part's frame
    for cell in b.cells:
        if cell.last_col < start:
            continue
        cell = dataclasses.replace(cell, row=rows[cell.row], rowspan=rows[cell.row + cell.rowspan] - rows[cell.row])
        col = max(cell.col, start) - start + keep
        span = cell.last_col - max(cell.col, start) + 1
        left = cut_right.get((cell.row, cell.rowspan))
        if cell.col < start and not cell.text and left is not None:
            left.colspan += span            # the header cell the page edge cut goes on over these columns
            continue
        x0, top, x1, bottom = cell.bbox
        cells.append(dataclasses.replace(cell, col=col, colspan=span, bbox=(max(x0, b.col_x[start]) + shift, top,
                                                                            x1 + shift, bottom)))
    for cell in spans_above:        # a header cell printed above the part's frame goes on over its columns
        cell.colspan += len(col_x) - 1 - keep
    cells.sort(key=lambda c: (c.row, c.col))
    grid = Grid(a.page, (a.bbox[0], a.bbox[1], col_x[-1], a.bbox[3]), a.n_rows, len(col_x) - 1, col_x,
                list(a.row_y), cells)
    caption = prev.caption if prev.caption.unit or not part.caption.unit else \
        dataclasses.replace(prev.caption, unit=part.caption.unit)
    out = new_part(grid, caption, settings)
    out.pages = sorted(set(prev.pages) | {a.page, b.page} | set(part.pages))
    return out

"""Lattice parser: cells closed by ruling lines, their spans recovered from the shared boundaries."""
from __future__ import annotations

from bisect import bisect_left

from ..find.regions import Region
from ..read import PageContent
from ..read.page import lines_of
from .model import Grid, GridCell
from .text import cell_text


_HANGING = set("、，。；：,.;:）)」』”’")
_HANG = 6.0     # points a hanging punctuation mark may stand past the table's right edge
_SLIM = 6.0     # points: a column or row narrower than this is not one


def _boundaries(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _votes(bounds: list[float], values: list[float]) -> list[int]:
    out = [0] * len(bounds)
    for v in values:
        out[_index(bounds, v)] += 1
    return out


def _drop_slim(bounds: list[float], values: list[float], extents: list[tuple[float, float]]) -> list[float]:
    """Boundaries closer than ``_SLIM`` with no character set between them are one ruling seen several
    times (a shaded header cell inset from its borders, a double line). Each run keeps the boundary most
    cells close on, so the slivers vanish and a body cell and the header cell above it share a column;
    the table's outer edges stay where they are. ``extents`` are the characters' (start, end) on the axis:
    one that fits inside a sliver (tiny print) keeps it."""
    starts = sorted(extents)
    runs: list[list[int]] = []
    for i, v in enumerate(bounds):
        if runs and v - bounds[runs[-1][-1]] < _SLIM and not _holds(starts, bounds[i - 1], v):
            runs[-1].append(i)
        else:
            runs.append([i])
    if len(runs) == len(bounds):
        return bounds
    votes = _votes(bounds, values)
    out = []
    for r in runs:
        if r[0] == 0:
            keep = 0
        elif r[-1] == len(bounds) - 1:
            keep = r[-1]
        else:
            keep = max(r, key=lambda i: (votes[i], -i))
        out.append(bounds[keep])
    return out


def _holds(starts: list[tuple[float, float]], a: float, b: float) -> bool:
    """A character lies within [a, b] (one point of slack)."""
    k = bisect_left(starts, (a - 1, float("-inf")))
    while k < len(starts) and starts[k][0] <= b:
        if starts[k][1] <= b + 1:
            return True
        k += 1
    return False


def _index(bounds: list[float], v: float) -> int:
    i = bisect_left(bounds, v)
    if i == len(bounds) or (i > 0 and v - bounds[i - 1] < bounds[i] - v):
        i -= 1
    return i


def _ruled(page: PageContent, x: float, y0: float, y1: float, tol: float) -> bool:
    """A vertical ruling at ``x`` runs from y0 to y1 (its segments joined)."""
    spans = sorted((e.top, e.bottom) for e in page.edges
                   if e.orientation == "v" and abs(e.x0 - x) <= tol + 1 and e.bottom > y0 and e.top < y1)
    reach = y0 + tol
    for top, bottom in spans:
        if top > reach:
            return False
        reach = max(reach, bottom + tol)
    return reach >= y1


def _open_run(grid: Grid, col: int, rows: range) -> list[int]:
    """The rows of ``rows``, taken in order, that no cell covers in ``col``, up to the first covered one."""
    out = []
    for r in rows:
        if grid.at(r, col) is not None:
            break
        out.append(r)
    return out


def _cut_cells(page: PageContent, grid: Grid, tol: float) -> list[GridCell]:
    """Cells a page break cut: the positions at the region's bottom (or top) that no closed cell covers,
    between vertical rulings that run to the edge. A merged cell (a project's name beside its indicator
    rows) closes only on the next page, so without these its text would fall in no cell."""
    out: list[GridCell] = []
    xs, ys, n = grid.col_x, grid.row_y, grid.n_rows
    for bottom in (True, False):
        runs = []
        for c in range(grid.n_cols):
            rows = _open_run(grid, c, range(n - 1, -1, -1) if bottom else range(n))
            runs.append((min(rows), max(rows)) if rows else None)
        c = 0
        while c < grid.n_cols:
            run = runs[c]
            if run is None or any(cell.col <= c <= cell.last_col and cell.row <= run[1] and cell.last_row >= run[0]
                                  for cell in out):
                c += 1
                continue
            y0, y1 = ys[run[0]], ys[run[1] + 1]
            end = c
            while end + 1 < grid.n_cols and runs[end + 1] == run and not _ruled(page, xs[end + 1], y0, y1, tol):
                end += 1
            if _ruled(page, xs[c], y0, y1, tol) and _ruled(page, xs[end + 1], y0, y1, tol):
                out.append(GridCell(run[0], c, run[1] - run[0] + 1, end - c + 1, "", (xs[c], y0, xs[end + 1], y1),
                                    open_top=run[0] == 0, open_bottom=run[1] == n - 1))
            c = end + 1
    return out


def lattice_grid(page: PageContent, region: Region, tol: float = 2.0) -> Grid:
    x_values = [v for c in region.cells for v in (c[0], c[2])]
    y_values = [v for c in region.cells for v in (c[1], c[3])]
    own = [ch for ch in page.chars_in(region.bbox) if not ch.text.isspace()]
    xs = _drop_slim(_boundaries(x_values, tol), x_values, [(ch.x0, ch.x1) for ch in own])
    ys = _drop_slim(_boundaries(y_values, tol), y_values, [(ch.top, ch.bottom) for ch in own])
    cells: list[GridCell] = []
    for x0, top, x1, bottom in region.cells:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(GridCell(r0, c0, r1 - r0, c1 - c0, "", (x0, top, x1, bottom)))
    cells.sort(key=lambda c: (c.row, c.col))
    grid = Grid(page.number, region.bbox, len(ys) - 1, len(xs) - 1, xs, ys, cells)
    for cell in cells:      # a row closed only by find_regions (no line drawn) is still a cut one
        for end, y, a, b in region.opened:
            if a - tol <= cell.bbox[0] and cell.bbox[2] <= b + tol:
                if end == "top" and abs(cell.bbox[1] - y) <= tol + 1:
                    cell.open_top = True
                elif end == "bottom" and abs(cell.bbox[3] - y) <= tol + 1:
                    cell.open_bottom = True
    cut = _cut_cells(page, grid, tol)
    if cut:
        grid.cells = sorted(cells + cut, key=lambda c: (c.row, c.col))
        grid.reindex()
        cells = grid.cells
    # each character goes to the cell covering the grid position of its centre: one pass, no cell scan
    inside: dict[int, list] = {}
    x0, top, x1, bottom = region.bbox
    last = len(xs) - 2
    for ch in page.chars_in((x0, top, x1 + _HANG, bottom)):
        # punctuation hung past a cell's right border (、，。) belongs to the cell it starts in
        x = ch.x0 + 0.5 if ch.text in _HANGING else (ch.x0 + ch.x1) / 2      # ch.cx
        r = bisect_left(ys, (ch.top + ch.bottom) / 2) - 1                   # ch.cy
        c = bisect_left(xs, x) - 1
        c = min(max(c, 0), last)
        cell = grid.at(r, c)
        if cell is not None:
            inside.setdefault(id(cell), []).append(ch)
    _lift_overflow(grid, inside)
    for cell in cells:
        chars = inside.get(id(cell), [])
        cell.text = cell_text(chars)
        cell.confidence = min((ch.confidence for ch in chars), default=1.0)
    return grid


def _lift_overflow(grid: Grid, inside: dict[int, list]) -> None:
    """A wrapped line clipped by a fixed row height (2110199-其他环境保护管理事务 | 支出) hangs over the
    ruling below its cell, its centre in the next row, where it is printed over that row's own first
    line and would interleave with it (支21出10199…). Glyphs that start above a cell's top ruling and
    sit on top of glyphs that start below it go back to the cell above."""
    for cell in list(grid.cells):
        chars = inside.get(id(cell), [])
        if cell.row == 0 or not chars:
            continue
        border = grid.row_y[cell.row]
        hanging = [ch for ch in chars if ch.top < border - 1.0 < border + 1.0 < ch.bottom]
        if any(ch.text.isdigit() for ch in hanging):
            continue            # labels wrap past a row's height, amounts do not: a number stays put
        own = [ch for ch in chars if ch.top >= border - 0.5]
        if not hanging:
            continue
        above = grid.at(cell.row - 1, cell.col)
        if above is None or above is cell:
            continue
        if not _next_line(hanging, inside.get(id(above), [])):
            if not own or not any(_collide(a, b) for a in hanging for b in own):
                continue
            if abs(min(c.x0 for c in hanging) - min(c.x0 for c in own)) > 1.0 and \
                    abs(max(c.x1 for c in hanging) - max(c.x1 for c in own)) > 1.0:
                continue        # not two lines set to one edge of the cell: one line with odd glyph boxes
        lifted = {id(ch) for ch in hanging}
        inside[id(cell)] = [ch for ch in chars if id(ch) not in lifted]
        inside.setdefault(id(above), []).extend(hanging)


def _next_line(hanging: list, above: list, tol: float = 1.5) -> bool:
    """The hanging glyphs are the next line of the cell above, which its clip cuts: set at that cell's left
    edge, one line pitch under its last line (北京 水务局 p94: 11000024Y000002890113-北京市南水北调大宁
    管理处信息系 | 统运维类项, half shown over the next project's cell, whose name is printed overleaf)."""
    lines = lines_of(above)
    if len(lines) < 2:
        return False
    pitch = lines[-1].top - lines[-2].top
    left = min(line.x0 for line in lines)
    return pitch > 0 and abs(min(c.top for c in hanging) - (lines[-1].top + pitch)) <= tol \
        and abs(min(c.x0 for c in hanging) - left) <= tol


def _collide(a, b) -> bool:
    """Two glyphs of one size printed over each other (a third of their width, over a point of their
    height). A glyph box far taller than its glyph (some fonts' digits) is no evidence: it overlaps its
    neighbours without any overprinting."""
    ha, hb = a.bottom - a.top, b.bottom - b.top
    dx = min(a.x1, b.x1) - max(a.x0, b.x0)
    dy = min(a.bottom, b.bottom) - max(a.top, b.top)
    return ha <= 1.25 * hb and hb <= 1.25 * ha and dx > (a.x1 - a.x0) / 3 and dy > 1.0

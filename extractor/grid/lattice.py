"""Lattice parser: cells closed by ruling lines, their spans recovered from the shared boundaries."""
from __future__ import annotations

from bisect import bisect_left

from ..find.regions import Region
from ..read import PageContent
from ..read.page import chars_in
from .model import Grid, GridCell
from .text import cell_text


_HANGING = set("、，。；：,.;:）)」』”’")
_HANG = 6.0     # points a hanging punctuation mark may stand past the table's right edge


def _boundaries(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


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
    xs = _boundaries([v for c in region.cells for v in (c[0], c[2])], tol)
    ys = _boundaries([v for c in region.cells for v in (c[1], c[3])], tol)
    cells: list[GridCell] = []
    for x0, top, x1, bottom in region.cells:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(GridCell(r0, c0, r1 - r0, c1 - c0, "", (x0, top, x1, bottom)))
    cells.sort(key=lambda c: (c.row, c.col))
    grid = Grid(page.number, region.bbox, len(ys) - 1, len(xs) - 1, xs, ys, cells)
    cut = _cut_cells(page, grid, tol)
    if cut:
        grid.cells = sorted(cells + cut, key=lambda c: (c.row, c.col))
        grid.reindex()
        cells = grid.cells
    # each character goes to the cell covering the grid position of its centre: one pass, no cell scan
    inside: dict[int, list] = {}
    x0, top, x1, bottom = region.bbox
    for ch in chars_in(page.chars, (x0, top, x1 + _HANG, bottom)):
        # punctuation hung past a cell's right border (、，。) belongs to the cell it starts in
        x = ch.x0 + 0.5 if ch.text in _HANGING else ch.cx
        r = bisect_left(ys, ch.cy) - 1
        c = min(max(bisect_left(xs, x) - 1, 0), len(xs) - 2)
        cell = grid.at(r, c)
        if cell is not None:
            inside.setdefault(id(cell), []).append(ch)
    for cell in cells:
        chars = inside.get(id(cell), [])
        cell.text = cell_text(chars)
        cell.confidence = min((ch.confidence for ch in chars), default=1.0)
    return grid

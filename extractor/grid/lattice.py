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
        cell.text = cell_text(inside.get(id(cell), []))
    return grid

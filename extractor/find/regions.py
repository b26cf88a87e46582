"""Ruled table regions from a page's edges, with pdfplumber's lattice algorithm
(snap and join edges, intersect them, close cells, group touching cells into tables)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges

from ..read import Edge, PageContent
from ..settings import Settings

BBox = tuple[float, float, float, float]


@dataclass
class Region:
    page: int
    bbox: BBox
    cells: list[BBox]             # lattice: the closed cells; stream: empty
    parser: str = "lattice"       # which grid parser reads it: "lattice" or "stream"
    fragment: bool = False        # a lone row at a page top: kept only where it continues a table
    foot: bool = False            # a lone row at a page foot: kept only where it heads a list going on overleaf
    # (end, y, x0, x1): stretches closed where no line is drawn, a row a page break cut ("top"/"bottom")
    opened: list[tuple[str, float, float, float]] = field(default_factory=list)


def _as_dict(e: Edge) -> dict:
    return {"orientation": e.orientation, "x0": e.x0, "x1": e.x1, "top": e.top, "bottom": e.bottom,
            "width": e.x1 - e.x0, "height": e.bottom - e.top, "object_type": "line"}


def _amount_row(page: PageContent, cells: list[BBox]) -> bool:
    """A lone row of boxes is a table fragment (a 合计 row carried over a page) when amounts fill it;
    otherwise it is highlighted prose."""
    from ..text.amounts import is_amount
    from ..read.page import lines_of
    texts = [" ".join(l.text for l in lines_of(page.chars_in(c))) for c in cells]
    filled = [t for t in texts if t.strip()]
    amounts = sum(is_amount(t) and ("." in t or "," in t) for t in filled)
    return len(cells) >= 3 and amounts >= 1 and amounts * 3 >= len(filled)


def _carried_row(page: PageContent, cells: list[BBox]) -> bool:
    """A lone row of three or more boxes at the very top of a page: the last row of a table carried over."""
    return len(cells) >= 3 and min(c[1] for c in cells) < 0.15 * page.height


def _foot_row(page: PageContent, cells: list[BBox]) -> bool:
    """A lone row of three or more boxes at the foot of a page: a header whose rows begin on the next page
    (深圳's 二级预算单位名称 | 一级项目名称 | 预算数 | 绩效目标 under the sentence that introduces it)."""
    return len(cells) >= 3 and max(c[3] for c in cells) > 0.8 * page.height


_OPEN_END = 3      # vertical rulings that stop at one height with no horizontal one there


def _open_ends(edges: list[dict], tol: float) -> list[dict]:
    """Horizontal edges where a row carried over a page break lost its border: Word draws the side
    rulings of a row split at a page's top (or foot) but not the line closing it, so the lattice would
    never close that row and its amounts would fall out of the table. Where three or more vertical
    rulings end at one height, each stretch between two of them that no horizontal ruling covers there,
    but one crosses further along both, is closed at that height (a gap between two tables side by side
    is crossed by none)."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    by_x: dict[int, list[dict]] = {}
    for v in vs:
        by_x.setdefault(round(v["x0"]), []).append(v)
    reach = int(tol) + 1
    nearby: dict[int, list[dict]] = {}

    def near(v: dict) -> list[dict]:
        """Vertical rulings at v's x (within tol): where a ruling drawn in pieces would go on."""
        k = round(v["x0"])
        if k not in nearby:
            nearby[k] = [w for d in range(-reach, reach + 1) for w in by_x.get(k + d, ())]
        return nearby[k]

    by_top = sorted(hs, key=lambda h: h["top"])     # the horizontal rulings near a height, by bisection
    tops = [h["top"] for h in by_top]
    sortable = all(t == t for t in tops)            # no NaN, which bisection cannot place
    out = []
    for end in ("top", "bottom"):
        ys: dict[int, list[dict]] = {}
        for v in vs:
            ys.setdefault(round(v[end]), []).append(v)
        for y in sorted(ys):
            group = sorted(ys[y], key=lambda v: v["x0"])
            if len({round(v["x0"]) for v in group}) < _OPEN_END:
                continue
            at = group[0][end]
            span = by_top[bisect_left(tops, at - tol - 1):bisect_right(tops, at + tol + 1)] if sortable else hs
            here = [h for h in span if abs(h["top"] - at) <= tol]
            # a ruling drawn in pieces (Word draws a merged cell's sides row by row) goes on past its end
            group = [v for v in group if not any(
                w is not v and abs(w["x0"] - v["x0"]) <= tol and w["top"] - tol <= at <= w["bottom"] + tol
                and (w["bottom"] > at + tol if end == "bottom" else w["top"] < at - tol) for w in near(v))]
            closed = []
            for k, (a, b) in enumerate(zip(group, group[1:])):
                xa, xb = a["x0"], b["x0"]
                if xb - xa < 3 * tol or any(h["x0"] < (xa + xb) / 2 < h["x1"] for h in here):
                    continue
                lo, hi = max(a["top"], b["top"]), min(a["bottom"], b["bottom"])
                if any(h["x0"] <= xa + tol and h["x1"] >= xb - tol and abs(h["top"] - at) > tol
                       and lo - tol <= h["top"] <= hi + tol for h in hs):
                    closed.append(k)
            closed += _passed_through(group, here, hs, set(closed), tol)
            for k in sorted(closed):
                a, b = group[k], group[k + 1]
                xa, xb = a["x0"], b["x0"]
                out.append({"orientation": "h", "x0": xa, "x1": xb, "top": at, "bottom": at,
                            "width": xb - xa, "height": 0.0, "object_type": "line", "opened": end})
    return out


def _passed_through(group: list[dict], here: list[dict], hs: list[dict], closed: set[int], tol: float) -> list[int]:
    """Stretches of ``group`` (vertical rulings ending at one height, by x) that a merged cell spanning
    three or more pages only passes through on this page: no horizontal ruling crosses them anywhere,
    and they run from the group's outer end to the ruled part beside them (a stretch ruled at that
    height, or one ``closed`` as a row a page break cut), whose edge they go on (北京 预算表12: a
    project's name, amount and goal cells beside its indicator rows, no line on a middle page of the
    span). A gap between two tables side by side has ruled parts on both sides and is not one."""
    n = len(group) - 1

    def covered(k: int) -> bool:
        mid = (group[k]["x0"] + group[k + 1]["x0"]) / 2
        return k in closed or any(h["x0"] < mid < h["x1"] for h in here)

    def narrow(k: int) -> bool:         # the two sides of one ruling drawn as a thin filled rectangle
        return group[k + 1]["x0"] - group[k]["x0"] < 3 * tol

    def bare(k: int) -> bool:
        a, b = group[k], group[k + 1]
        lo, hi = max(a["top"], b["top"]), min(a["bottom"], b["bottom"])
        mid = (a["x0"] + b["x0"]) / 2
        return hi - lo > 0 and not any(h["x0"] < mid < h["x1"] and lo - tol <= h["top"] <= hi + tol for h in hs)

    out: set[int] = set()
    for run in (range(n), range(n - 1, -1, -1)):        # from the left end, then from the right end
        chain = []
        for k in run:
            if narrow(k):
                continue
            if covered(k):
                out.update(chain)
                break
            if not bare(k):
                break
            chain.append(k)
    return sorted(out)


def _cells(intersections: dict) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``, the same cells in the same order: for each point (in
    sorted order) the smallest cell it opens, the point below and the point right of it taken nearest
    first, each side drawn by one edge. The points below and right come from per-column and per-row
    lists and each point's edges are made sets once, not per comparison (pdfplumber scans every later
    point and rebuilds both sets for every pair, which grows with the square of a table's size)."""
    points = sorted(intersections)
    vs = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in intersections[p]["v"]} for p in points}
    hs = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in intersections[p]["h"]} for p in points}
    columns: dict[float, list] = {}
    rows: dict[float, list] = {}
    for p in points:                    # sorted by x then y: a column top-down, a row left to right
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    in_column = {p: k for col in columns.values() for k, p in enumerate(col)}
    in_row = {p: k for row in rows.values() for k, p in enumerate(row)}

    def connects(p1, p2) -> bool:
        return (p1[0] == p2[0] and not vs[p1].isdisjoint(vs[p2])) or \
            (p1[1] == p2[1] and not hs[p1].isdisjoint(hs[p2]))

    out: list[BBox] = []
    for pt in points[:-1]:
        below, right = columns[pt[0]][in_column[pt] + 1:], rows[pt[1]][in_row[pt] + 1:]
        cell = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in vs and connects(corner, right_pt) and connects(corner, below_pt):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            out.append(cell)
    return out


def find_regions(page: PageContent, settings: Settings) -> list[Region]:
    """Every ruled table on the page, top to bottom. Pages without edges cost nothing here."""
    if len(page.edges) < 4:
        return []
    edges = [_as_dict(e) for e in page.edges
             if (e.x1 - e.x0 if e.orientation == "h" else e.bottom - e.top) >= 1]
    tol = settings.snap_tolerance
    added = _open_ends(edges, tol)
    edges += added
    merged = merge_edges(edges, tol, tol, settings.join_tolerance, settings.join_tolerance)
    merged = [e for e in merged
              if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= settings.edge_min_length]
    if not merged:
        return []
    it = settings.intersection_tolerance
    cells = _cells(edges_to_intersections(merged, it, it))
    regions = []
    for group in cells_to_tables(cells):
        if len(group) < settings.min_table_cells:
            continue
        fragment = foot = False
        if len({round(c[1]) for c in group}) < settings.min_table_rows and not _amount_row(page, group):
            if _carried_row(page, group):
                fragment = True
            elif _foot_row(page, group):
                fragment = foot = True
            else:
                continue
        bbox = (min(c[0] for c in group), min(c[1] for c in group),
                max(c[2] for c in group), max(c[3] for c in group))
        opened = [(e["opened"], e["top"], e["x0"], e["x1"]) for e in added
                  if bbox[0] - tol <= e["x0"] and e["x1"] <= bbox[2] + tol and bbox[1] - tol <= e["top"] <= bbox[3] + tol]
        regions.append(Region(page.number, bbox, sorted(group, key=lambda c: (c[1], c[0])), fragment=fragment,
                              foot=foot, opened=opened))
    regions.sort(key=lambda r: (r.bbox[1], r.bbox[0]))
    return regions

"""Ruled table regions from a page's edges, with pdfplumber's lattice algorithm
(snap and join edges, intersect them, close cells, group touching cells into tables)."""
from __future__ import annotations

from dataclasses import dataclass

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

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


def _as_dict(e: Edge) -> dict:
    return {"orientation": e.orientation, "x0": e.x0, "x1": e.x1, "top": e.top, "bottom": e.bottom,
            "width": e.x1 - e.x0, "height": e.bottom - e.top, "object_type": "line"}


def _amount_row(page: PageContent, cells: list[BBox]) -> bool:
    """A lone row of boxes is a table fragment (a 合计 row carried over a page) when amounts fill it;
    otherwise it is highlighted prose."""
    from ..mapping.values import is_amount
    from ..read.page import chars_in, lines_of
    texts = [" ".join(l.text for l in lines_of(chars_in(page.chars, c))) for c in cells]
    filled = [t for t in texts if t.strip()]
    amounts = sum(is_amount(t) and ("." in t or "," in t) for t in filled)
    return len(cells) >= 3 and amounts >= 1 and amounts * 3 >= len(filled)


def _carried_row(page: PageContent, cells: list[BBox]) -> bool:
    """A lone row of three or more boxes at the very top of a page: the last row of a table carried over."""
    return len(cells) >= 3 and min(c[1] for c in cells) < 0.15 * page.height


def find_regions(page: PageContent, settings: Settings) -> list[Region]:
    """Every ruled table on the page, top to bottom. Pages without edges cost nothing here."""
    if len(page.edges) < 4:
        return []
    edges = [_as_dict(e) for e in page.edges
             if (e.x1 - e.x0 if e.orientation == "h" else e.bottom - e.top) >= 1]
    tol = settings.snap_tolerance
    merged = merge_edges(edges, tol, tol, settings.join_tolerance, settings.join_tolerance)
    merged = [e for e in merged
              if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= settings.edge_min_length]
    if not merged:
        return []
    it = settings.intersection_tolerance
    cells = intersections_to_cells(edges_to_intersections(merged, it, it))
    regions = []
    for group in cells_to_tables(cells):
        if len(group) < settings.min_table_cells:
            continue
        fragment = False
        if len({round(c[1]) for c in group}) < settings.min_table_rows and not _amount_row(page, group):
            if not _carried_row(page, group):
                continue
            fragment = True
        bbox = (min(c[0] for c in group), min(c[1] for c in group),
                max(c[2] for c in group), max(c[3] for c in group))
        regions.append(Region(page.number, bbox, sorted(group, key=lambda c: (c[1], c[0])), fragment=fragment))
    regions.sort(key=lambda r: (r.bbox[1], r.bbox[0]))
    return regions

"""The visible page box, as viewers find it, and what lies outside it.

A box may be stored by any two opposite corners (PDF 32000 §7.9.5): ``[0 595.276 841.89 0]`` is an A4
landscape page written top-down, and taken as (x0, y0, x1, y1) it has a negative height, so every
coordinate on the page comes out negative (西安 民政局). Viewers take the min and max of the corners,
and show the CropBox clipped to the MediaBox; the page's coordinates are measured from that box's
top-left corner, and whatever is drawn outside it (a generator's text placed off the page) is not read.
"""
from __future__ import annotations

from operator import attrgetter

from .page import Edge

Box = tuple[float, float, float, float]
_X0, _X1, _TOP, _BOTTOM = (attrgetter(k) for k in ("x0", "x1", "top", "bottom"))


def normalise(box) -> Box | None:
    """(left, bottom, right, top) of a box given by any two opposite corners; None if it is no box."""
    try:
        a, b, c, d = (float(v) for v in box)
    except (TypeError, ValueError):
        return None
    if not all(v == v and abs(v) != float("inf") for v in (a, b, c, d)):
        return None
    x0, x1 = min(a, c), max(a, c)
    y0, y1 = min(b, d), max(b, d)
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def visible(media, crop=None) -> Box | None:
    """The box a viewer shows: the CropBox within the MediaBox (the MediaBox alone where the CropBox is
    absent, malformed or misses it), both normalised."""
    m = normalise(media)
    c = normalise(crop) if crop is not None else None
    if m is None:
        return c
    if c is None:
        return m
    x0, y0, x1, y1 = max(m[0], c[0]), max(m[1], c[1]), min(m[2], c[2]), min(m[3], c[3])
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else m


def inside(cx: float, cy: float, width: float, height: float) -> bool:
    """A point (top-down page coordinates) on the page: text whose centre is off it is not read."""
    return -_SLACK <= cx <= width + _SLACK and -_SLACK <= cy <= height + _SLACK


_SLACK = 0.5    # points: a glyph centred on the very edge still counts as on the page


def doubled_bounds(width: float, height: float) -> tuple[float, float, float]:
    """(low, x high, y high) for twice a centre's coordinates (x0 + x1, top + bottom): the test of
    ``inside`` without a division or a call for each of a page's characters."""
    return -2 * _SLACK, 2 * (width + _SLACK), 2 * (height + _SLACK)


def on_page(edges: list, width: float, height: float) -> list:
    """The rulings as the page shows them: each cut at the page's edges, and none that lies wholly
    outside it (a generator drawing a merged cell over several pages draws its borders on every page,
    hundreds of points off it). Where rulings run off the left or right edge (a merged header cell drawn
    past the page's edge), the edge closes the cells between them, as a viewer shows them cut there."""
    if edges and min(map(_X0, edges)) >= 0.0 and max(map(_X1, edges)) <= width and \
            min(map(_TOP, edges)) >= 0.0 and max(map(_BOTTOM, edges)) <= height:
        return edges            # all on the page (the common case): nothing to cut
    out = []
    cut: dict[float, list[float]] = {0.0: [], width: []}
    for e in edges:
        across = e.orientation == "h"
        at, a, b = (e.top, e.x0, e.x1) if across else (e.x0, e.top, e.bottom)
        if not -_SLACK <= at <= (height if across else width) + _SLACK:
            continue
        end = width if across else height
        a2, b2 = (a if a >= 0.0 else 0.0), (b if b <= end else end)    # max, min spelled out: the same values
        if (a2 != a or b2 != b) and b2 - a2 <= _SLACK:
            continue            # cut to nothing at the page's edge
        if across and a < -_SLACK:
            cut[0.0].append(at)
        if across and b > width + _SLACK:
            cut[width].append(at)
        if a2 == a and b2 == b:
            out.append(e)
        else:
            out.append(Edge("h", a2, at, b2, at) if across else Edge("v", at, a2, at, b2))
    for x, ys in cut.items():
        ys = sorted(set(round(y, 1) for y in ys))
        out += [Edge("v", x, a, x, b) for a, b in zip(ys, ys[1:])]
    return out

"""Stream parser: a grid from the alignment of words where a table has no ruling lines.

Rows are text lines (a name wrapped onto a tightly spaced next line joins its row); columns are the
x-gaps that no body word crosses; header words fall into the column under their centre.
"""
from __future__ import annotations

from statistics import median

from ..find.regions import Region
from ..text.amounts import is_amount
from ..read import PageContent
from ..read.page import Char, lines_of
from .model import Grid, GridCell
from ..text.clean import clean


def _split_words(chars: list[Char]) -> list[list[Char]]:
    words: list[list[Char]] = []
    for c in chars:
        if words:
            prev = words[-1][-1]
            if c.x0 - prev.x1 <= 0.5 * max(prev.bottom - prev.top, 1):
                words[-1].append(c)
                continue
        words.append([c])
    return words


def stream_grid(page: PageContent, region: Region) -> Grid:
    lines = lines_of(page.chars_in(region.bbox))
    words = [_split_words(l.chars) for l in lines]
    texts = [["".join(c.text for c in w) for w in ws] for ws in words]
    body = [k for k, t in enumerate(texts) if any(is_amount(x) for x in t)]
    first_body = body[0] if body else len(lines)
    # column gaps from body words
    spans = sorted((w[0].x0, w[-1].x1) for k in body for w in words[k])
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + 2:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    if not cols:
        cols = [[region.bbox[0], region.bbox[2]]]
    col_x = [region.bbox[0]] + [(a[1] + b[0]) / 2 for a, b in zip(cols, cols[1:])] + [region.bbox[2]]
    # rows: lines, with tightly spaced continuation lines joined to the row above
    pitches = [lines[k + 1].top - lines[k].top for k in range(len(lines) - 1)]
    normal = median(pitches) if pitches else 0
    rows: list[list[int]] = []
    for k in range(len(lines)):
        numeric = any(is_amount(x) for x in texts[k])
        if rows and k > first_body and not numeric and normal and \
                lines[k].top - lines[rows[-1][-1]].top < 0.7 * normal:
            rows[-1].append(k)
        else:
            rows.append([k])
    row_y = [lines[r[0]].top - 0.5 for r in rows] + [region.bbox[3]]
    cells: list[GridCell] = []
    for r, members in enumerate(rows):
        bucket: dict[int, list[Char]] = {}
        for k in members:
            for w in words[k]:
                cx = (w[0].x0 + w[-1].x1) / 2
                c = max(0, min(len(col_x) - 2, sum(1 for x in col_x[1:-1] if cx > x)))
                bucket.setdefault(c, []).extend(w)
        for c in range(len(col_x) - 1):
            chars = bucket.get(c, [])
            text = clean("".join(l.text for l in lines_of(chars))) if chars else ""
            cells.append(GridCell(r, c, 1, 1, text, (col_x[c], row_y[r], col_x[c + 1], row_y[r + 1]),
                                  min((ch.confidence for ch in chars), default=1.0)))
    return Grid(page.number, region.bbox, len(rows), len(col_x) - 1, col_x, row_y, cells)

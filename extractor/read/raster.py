"""Pages without a usable text layer (scans): the page image becomes the same ``PageContent`` a text
page gives, so finding tables, the grid and the schema mapping run unchanged.

1. render the page with PDFium (``image.py``) at the resolution of its scan (clamped to a range OCR reads well); a
   colour scan is rendered in colour and its seals are taken out by colour first (``seal.py``), so
   no seal becomes a ruling, a cell or a digit, and kept as the page's ``seals``;
2. deskew: the angle that makes the rows of ink sharpest (projection profile), then rotate;
3. ruling lines: long horizontal and vertical runs of ink (morphological opening of the binarised
   image); vertical runs must meet horizontal lines at both ends, so text strokes never count. They
   become ``Edge``s, and are painted out of the image the text is read from;
4. text: PP-OCR finds text lines; a line crossing a vertical ruling is cut there, so each piece lies in
   one cell; each piece is read and split into ``Char``s over its inked width (wide characters one
   unit, narrow ones half), each carrying the piece's confidence.

Everything is in PDF points with the origin at the top-left of the upright page, as for text pages.
"""
from __future__ import annotations

import time

import numpy as np

from .image import (EM_PT, opencv, binarise, choose_scale, flatten, in_colour, render, render_colour, rotate,
                    skew_angle)
from .ocr import TIMING, engine
from .ocr_text import SPECKS, fix_text, is_wide, settle_brackets
from .page import Char, Edge, PageContent, Seal
from .seal import SealMark, remove_seals

H_RUN_PT = 24.0                     # a horizontal ruling is at least this long (longer than any stroke)
V_RUN_PT = 9.0                      # a vertical run this long is a ruling candidate


# ------------------------------------------------------------------------------------------ ruling lines
Segment = tuple[float, float, float, float]     # x0, y0, x1, y1 in pixels (y0 == y1 or x0 == x1)


def _runs(mask: np.ndarray, horizontal: bool, min_len: int) -> list[Segment]:
    cv2 = opencv()
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out: list[Segment] = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if horizontal and w >= min_len:
            out.append((float(x), y + h / 2, float(x + w - 1), y + h / 2))
        elif not horizontal and h >= min_len:
            out.append((x + w / 2, float(y), x + w / 2, float(y + h - 1)))
    return out


def ruling_lines(ink: np.ndarray, scale: float) -> tuple[list[Segment], list[Segment], np.ndarray]:
    """Horizontal and vertical ruling segments, and the mask of their pixels."""
    cv2 = opencv()
    kh = max(int(H_RUN_PT * scale), 15)
    kv = max(int(V_RUN_PT * scale), 10)
    bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1))
    hmask = cv2.morphologyEx(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, bridge), cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (kh, 1)))
    vmask = cv2.morphologyEx(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, bridge.T), cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (1, kv)))
    hs = _runs(hmask, True, kh)
    vs = _runs(vmask, False, kv)
    tol = max(3.0, 2.5 * scale)
    kept: list[Segment] = []
    for v in vs:                  # a ruling meets horizontal rulings (or crosses one) at its ends
        x, top, _, bottom = v

        def meets(y: float) -> bool:
            return any(abs(h[1] - y) <= tol and h[0] - tol <= x <= h[2] + tol for h in hs)

        crossings = sum(1 for h in hs if top - tol <= h[1] <= bottom + tol and h[0] - tol <= x <= h[2] + tol)
        if (meets(top) and meets(bottom)) or crossings >= 2:
            kept.append(v)
    lines = cv2.bitwise_or(hmask, np.zeros_like(hmask))
    for x, top, _, bottom in kept:
        cv2.line(lines, (int(round(x)), int(top)), (int(round(x)), int(bottom)), 255, 1)
    lines = cv2.bitwise_or(lines, cv2.bitwise_and(vmask, cv2.dilate(lines, np.ones((1, 3), np.uint8))))
    return hs, kept, lines


# ------------------------------------------------------------------------------------------ text
def _pieces(box: tuple[float, float, float, float], cuts: list[float], gap: float) -> list[tuple[int, int]]:
    x0, _, x1, _ = box
    edges = [x0] + sorted(cuts) + [x1]
    out = []
    for a, b in zip(edges, edges[1:]):
        a2 = a + gap if a != x0 else a
        b2 = b - gap if b != x1 else b
        if b2 - a2 >= 4:
            out.append((int(a2), int(b2)))
    return out


def despeckle(clean: np.ndarray, ink: np.ndarray, scale: float, paper: int) -> None:
    """Dust: tiny blobs with no other ink near them are painted out (in place). A decimal point or a
    、 sits beside its characters, so it stays."""
    cv2 = opencv()
    em = EM_PT * scale
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return
    small = (stats[:, cv2.CC_STAT_WIDTH] <= 0.3 * em) & (stats[:, cv2.CC_STAT_HEIGHT] <= 0.3 * em)
    small[0] = False
    idx = np.flatnonzero(small)
    if not len(idx):
        return
    integral = cv2.integral((ink > 0).astype(np.uint8))
    r = int(0.6 * em)
    h, w = ink.shape
    drop = []
    for i in idx:
        x, y, bw, bh, area = stats[i]
        x0, y0, x1, y1 = max(0, x - r), max(0, y - r), min(w, x + bw + r), min(h, y + bh + r)
        around = integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]
        if around <= area:
            drop.append(i)
    if drop:
        mask = np.isin(labels, drop)
        clean[mask] = paper
        ink[mask] = 0


def _missed(ink: np.ndarray, boxes: list[tuple[float, float, float, float]], scale: float
            ) -> list[tuple[float, float, float, float]]:
    """Boxes for ink the detector left out (a leading 一、 or 二、 is often dropped from its line)."""
    cv2 = opencv()
    em = EM_PT * scale
    rest = ink.copy()
    for x0, y0, x1, y1 in boxes:
        rest[max(0, int(y0) - 1):int(y1) + 2, max(0, int(x0) - 1):int(x1) + 2] = 0
    if not rest.any():
        return []
    kx, ky = max(3, int(0.5 * em)), max(1, int(0.15 * em))
    grouped = cv2.dilate(rest, cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, bw, bh, _ = stats[i]
        sub = rest[y:y + bh, x:x + bw] & (labels[y:y + bh, x:x + bw] == i).astype(np.uint8) * 255
        ext = _ink_extent(sub)
        if ext is None:
            continue
        ex0, ey0, ex1, ey1 = ext
        inked = int(np.count_nonzero(sub))
        if inked < 0.08 * em * em or max(ex1 - ex0, ey1 - ey0) < 0.45 * em:
            continue                # dust, a stray mark
        pad = 0.25 * em
        out.append((x + ex0 - pad, y + ey0 - pad, x + ex1 + pad, y + ey1 + pad))
    return out


def _read_once(jobs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The detector sometimes finds a line twice, in two overlapping boxes: a piece lying mostly
    inside a wider piece of the same line is that line's text again (or a sliver of one of its
    glyphs: the right half of an 8 reads as a 3), and is not read a second time."""
    order = sorted(range(len(jobs)), key=lambda i: (-(jobs[i][2] - jobs[i][0]), i))
    kept: list[int] = []
    for i in order:
        a, top, b, bottom = jobs[i]
        inside = False
        for j in kept:
            ka, ktop, kb, kbottom = jobs[j]
            if min(bottom, kbottom) - max(top, ktop) < 0.5 * min(bottom - top, kbottom - ktop):
                continue
            if min(b, kb) - max(a, ka) >= 0.8 * (b - a):
                inside = True
                break
        if not inside:
            kept.append(i)
    return [jobs[i] for i in sorted(kept)]


def _ink_extent(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    cols = np.flatnonzero(ink.any(axis=0))
    rows = np.flatnonzero(ink.any(axis=1))
    if not len(cols) or not len(rows):
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


DET_EM_PX = 16.0        # text lines are found on the page scaled so an em is this many pixels


def detect_lines(clean: np.ndarray, scale: float) -> list[tuple[float, float, float, float]]:
    """Text-line boxes in ``clean``'s pixels. Finding lines needs far less resolution than reading
    them, and detection cost grows with the pixel count: it runs on the page scaled down to
    ``DET_EM_PX`` pixels per em (reading still uses the full-resolution crops)."""
    cv2 = opencv()
    f = min(1.0, DET_EM_PX / (EM_PT * scale))
    if f > 0.9:
        return engine().detect(clean)
    small = cv2.resize(clean, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    return [(x0 / f, y0 / f, x1 / f, y1 / f) for x0, y0, x1, y1 in engine().detect(small)]


def text_chars(clean: np.ndarray, ink: np.ndarray, verticals: list[Segment], scale: float,
               to_page, boxes: list[tuple[float, float, float, float]], once: bool = False) -> list[Char]:
    """OCR of the cleaned page image: text lines (``boxes``) cut at vertical rulings, read, split into
    Chars."""
    eng = engine()
    h, w = clean.shape
    boxes = boxes + _missed(ink, boxes, scale)
    gap = max(1.0, scale)
    jobs: list[tuple[int, int, int, int]] = []
    for box in boxes:
        x0, y0, x1, y1 = box
        cy = (y0 + y1) / 2
        cuts = [v[0] for v in verticals if v[1] - 2 <= cy <= v[3] + 2 and x0 + 3 < v[0] < x1 - 3]
        top, bottom = max(0, int(y0)), min(h, int(np.ceil(y1)))
        for a, b in _pieces(box, cuts, gap):
            a, b = max(0, a), min(w, b)
            if b - a >= 4 and bottom - top >= 4:
                jobs.append((a, top, b, bottom))
    if once:
        jobs = _read_once(jobs)
    crops, extents = [], []
    for a, top, b, bottom in jobs:
        ext = _ink_extent(ink[top:bottom, a:b])
        if ext is None:
            continue
        ex0, ey0, ex1, ey1 = ext
        pad = max(2, int(0.15 * (bottom - top)))
        ca, cb = max(a, a + ex0 - pad), min(b, a + ex1 + pad)
        crops.append(clean[top:bottom, ca:cb])
        extents.append((a + ex0, top + ey0, a + ex1, top + ey1))
    results = eng.recognize(crops)
    heights = sorted(e[3] - e[1] for e in extents) or [1]
    typical = heights[len(heights) // 2]
    chars: list[Char] = []
    for (ex0, ey0, ex1, ey1), (text, score, centres) in zip(extents, results):
        text = fix_text(settle_brackets(text, centres))
        if not text or score < 0.3:
            continue
        if all(not ch.isalnum() for ch in text) and ((ey1 - ey0) < 0.5 * typical or set(text) <= SPECKS):
            continue                # a speck of dust read as punctuation (no cell holds a lone full stop)
        weights = [1.0 if is_wide(ch) else 0.55 for ch in text]
        total = sum(weights)
        x = float(ex0)
        unit = (ex1 - ex0) / total
        for ch, wt in zip(text, weights):
            nx = x + wt * unit
            (px0, ptop), (px1, pbottom) = to_page(x, ey0), to_page(nx, ey1)
            chars.append(Char(" " if ch.isspace() else ch, px0, ptop, px1, pbottom, round(score, 4)))
            x = nx
    return chars


# ------------------------------------------------------------------------------------------ the page
def sideways(boxes: list[tuple[float, float, float, float]], scale: float) -> bool:
    """Text lines standing up: a table scanned sideways (landscape on a portrait page). Only boxes
    of two characters or more count, in either direction."""
    em = EM_PT * scale
    tall = sum(1 for x0, y0, x1, y1 in boxes if y1 - y0 > 2 * em and y1 - y0 > 2 * (x1 - x0))
    wide = sum(1 for x0, y0, x1, y1 in boxes if x1 - x0 > 2 * em and x1 - x0 > 2 * (y1 - y0))
    return tall > 2 * max(wide, 3)


def upright(gray: np.ndarray, boxes: list[tuple[float, float, float, float]]) -> tuple[np.ndarray, int]:
    """The sideways page turned a quarter either way, whichever the recogniser reads with more
    confidence on its longest standing lines; and the turn (1 counter-clockwise, -1 clockwise)."""
    longest = sorted(boxes, key=lambda b: b[3] - b[1], reverse=True)[:12]
    crops = [gray[int(y0):int(np.ceil(y1)), int(x0):int(np.ceil(x1))] for x0, y0, x1, y1 in longest]
    crops = [c for c in crops if c.size]
    turns = {k: np.rot90(gray, k) for k in (1, -1)}          # 1: counter-clockwise
    score = {k: sum(r.score for r in engine().recognize([np.ascontiguousarray(np.rot90(c, k)) for c in crops]))
             for k in turns}
    best = max(score, key=score.get)
    return np.ascontiguousarray(turns[best]), best


def _turn_seal(m: Seal, k: int, w: float, h: float) -> Seal:
    """A seal's box on a ``w`` x ``h`` page turned a quarter (``k`` as for ``np.rot90``)."""
    if k == 1:                  # counter-clockwise: (x, y) -> (y, w - x)
        return Seal(m.top, w - m.x1, m.bottom, w - m.x0, m.colour)
    return Seal(h - m.bottom, m.x0, h - m.top, m.x1, m.colour)      # clockwise: (x, y) -> (h - y, x)


def ocr_page(page, content: PageContent, edges: list[Edge] | None = None) -> PageContent:
    """Fill ``content`` (number and upright size set) from the page image. ``edges``: ruling edges the
    page draws as vector paths, used instead of the image's when given."""
    t0 = time.perf_counter()
    scale = choose_scale(page)
    seals: list[SealMark] = []
    colour = in_colour(page)
    if colour:                      # a seal is told from text by its colour: take it out first
        gray, seals = remove_seals(render_colour(page, scale))
    else:
        gray = render(page, scale)
    TIMING.render += time.perf_counter() - t0
    TIMING.pages += 1
    if colour:
        # office copies: bleed-through and folds. On the grey 150-dpi harsh sample, evening the paper
        # and reading each line once cost amounts: both are kept to colour pages until that is understood
        gray = flatten(gray, scale)
    h, w = gray.shape
    content.seals = [Seal(m.bbox[0] * content.width / w, m.bbox[1] * content.height / h,
                          m.bbox[2] * content.width / w, m.bbox[3] * content.height / h, m.colour) for m in seals]
    return read_image(gray, scale, content, edges, once=colour)


def read_image(gray: np.ndarray, scale: float, content: PageContent, edges: list[Edge] | None = None,
               turned: bool = False, once: bool = False) -> PageContent:
    """The page image into ``content``: deskew, ruling lines, text. A page found sideways is turned
    upright once (its width and height swap) and read again."""
    t1 = time.perf_counter()
    ink = binarise(gray, scale)
    paper = int(np.percentile(gray[:: 7, :: 7], 90))
    angle = skew_angle(ink) if edges is None else 0.0
    if abs(angle) >= 0.02:
        gray = rotate(gray, angle, paper)
        ink = binarise(gray, scale)
    hs, vs, line_mask = ruling_lines(ink, scale)
    cv2 = opencv()
    wide = cv2.dilate(line_mask, np.ones((5, 5), np.uint8))
    clean = gray.copy()
    clean[wide > 0] = paper
    text_ink = cv2.bitwise_and(ink, cv2.bitwise_not(wide))
    despeckle(clean, text_ink, scale, paper)
    TIMING.lines += time.perf_counter() - t1
    boxes = detect_lines(clean, scale)
    if not turned and edges is None and sideways(boxes, scale):
        image, k = upright(gray, boxes)
        w, h = content.width, content.height
        content.width, content.height = h, w
        content.seals = [_turn_seal(m, k, w, h) for m in content.seals]
        return read_image(image, scale, content, None, turned=True, once=once)

    sx = content.width / gray.shape[1]
    sy = content.height / gray.shape[0]

    def to_page(x: float, y: float) -> tuple[float, float]:
        return x * sx, y * sy

    if edges is None:
        edges = []
        for x0, y, x1, _ in hs:
            (a, b), (c, _) = to_page(x0, y), to_page(x1, y)
            edges.append(Edge("h", a, b, c, b))
        for x, y0, _, y1 in vs:
            (a, b), (_, d) = to_page(x, y0), to_page(x, y1)
            edges.append(Edge("v", a, b, a, d))
    content.edges = edges
    content.ocr = True
    content.chars = text_chars(clean, text_ink, vs, scale, to_page, boxes, once)
    return content

"""Which pages are read by OCR. Only pages with almost no usable characters are asked about, so text
pages pay nothing; of those, a page is read from its rendering when it is a scan of a document (text
lines or a ruled table in the image), when its text layer is unmapped glyphs, or when its text is
drawn as outlines. A page whose only image is a cover photo, a logo or a chart is not: OCR would cost
seconds (and the engine's memory) for no table. The look at the image is a small rendering and a
few morphological passes, no OCR model.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pypdfium2.raw as raw

IMAGE_COVER = 0.3           # images cover this share of a page that may be a scan
OUTLINED_PATHS = 400        # text drawn as outlines: many path objects and no characters
LOOK_SCALE = 1.0            # pixels per point of the rendering the page is judged on (72 dpi)
EM_PT = 10.0                # body text size of these documents, roughly
PICTURE = 0.005             # a picture page: solid tone (not paper, not strokes) covers this share
TEXT_ROWS = 8               # ... still a document when this many lines of text run across it ...
ROW_SPAN = 0.25             # ... each spanning this share of the page's width
TABLE_CELLS = 2             # ... or when this many pairs of text pieces sit side by side in ruled cells


@dataclass
class Look:
    """What the small rendering shows (the benchmark and tests read these)."""
    picture: float = 0.0    # share of the page under solid tone: photos, chart fills
    pieces: int = 0         # text-like pieces (words, cells, lines) on paper
    rows: int = 0           # lines of text across the page
    walls: int = 0          # vertical rulings ending on horizontal ones at both ends
    cells: int = 0          # side-by-side text pieces with a wall between them (a table row)

    @property
    def document(self) -> bool:
        if self.picture < PICTURE:
            return self.pieces > 0          # scanned paper with text on it
        return self.rows >= TEXT_ROWS or self.cells >= TABLE_CELLS


def needs_ocr(page, n_chars: int, garbage: bool) -> bool:
    """``page``: a pypdfium2 page whose text layer gave ``n_chars`` usable characters (few)."""
    if garbage:
        return True
    w, h = page.get_size()
    covered, paths, bilevel = 0.0, 0, False
    for obj in page.get_objects(max_depth=2):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            try:
                left, bottom, right, top = obj.get_bounds()
            except Exception:
                continue
            area = max(0.0, right - left) * max(0.0, top - bottom)
            covered += area
            if area >= IMAGE_COVER * w * h and _bits(obj) == 1:
                bilevel = True
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            paths += 1
    if not n_chars and paths >= OUTLINED_PATHS:
        return True
    if covered < IMAGE_COVER * max(w * h, 1.0):
        return False
    if bilevel:
        return True                         # a black-and-white scan: no photo or chart is drawn so
    return look(page, min(1.0, covered / max(w * h, 1.0))).document


def _bits(image) -> int:
    try:
        return int(image.get_metadata().bits_per_pixel)
    except Exception:
        return 0


def look(page, cover: float = 1.0) -> Look:
    img = page.render(scale=LOOK_SCALE, grayscale=True, may_draw_forms=False).to_numpy()
    if img.ndim == 3:
        img = img[:, :, 0]
    return judge(np.ascontiguousarray(img), LOOK_SCALE, cover)


def judge(gray: np.ndarray, scale: float, cover: float = 1.0) -> Look:
    """Solid tone, text lines and ruled cells in a grayscale page image at ``scale`` pixels per point;
    ``cover``: the share of the page under images (solid tone is measured against it)."""
    import cv2
    em = EM_PT * scale
    out = Look()
    paper = float(np.percentile(gray[::3, ::3], 90))
    dark = (gray < paper - 50).astype(np.uint8)
    k = max(3, int(0.8 * em))
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))   # strokes are thinner
    out.picture = round(float(np.count_nonzero(solid)) / (solid.size * max(cover, 0.05)), 4)
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                max(3, int(scale * 12)) | 1, 12)
    ink[cv2.dilate(solid, np.ones((k, k), np.uint8)) > 0] = 0      # what is on the picture is not paper
    kh, kv = max(int(24 * scale), 15), max(int(9 * scale), 10)
    hmask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (kh, 1)))
    vmask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, kv)))
    text = cv2.bitwise_and(ink, cv2.bitwise_not(cv2.dilate(cv2.bitwise_or(hmask, vmask), np.ones((3, 3), np.uint8))))
    # text pieces: characters joined along the line; each holds several strokes, is about an em high
    # and is not solid (a window, a bar, a legend swatch is one blob)
    n, _, stats, centroids = cv2.connectedComponentsWithStats(text, connectivity=8)
    joined = cv2.dilate(text, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(0.45 * em)), 1)))
    m, jl, js, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    cx = np.clip(centroids[1:, 0].round().astype(int), 0, gray.shape[1] - 1)
    cy = np.clip(centroids[1:, 1].round().astype(int), 0, gray.shape[0] - 1)
    strokes = np.bincount(jl[cy, cx], minlength=m)
    integral = cv2.integral((text > 0).astype(np.uint8))
    x, y, w, h = (js[:, i] for i in range(4))
    inked = integral[y + h, x + w] - integral[y, x + w] - integral[y + h, x] + integral[y, x]
    fill = inked / np.maximum(w * h, 1)
    keep = (h >= 0.4 * em) & (h <= 2.5 * em) & (w >= 0.8 * em) & (strokes >= 2) & (fill >= 0.05) & (fill <= 0.6)
    keep[0] = False
    pieces = [(int(a), int(b), int(a + c), int(b + d)) for a, b, c, d in js[keep, :4]]
    out.pieces = len(pieces)
    if out.picture < PICTURE:
        return out                          # scanned paper: any text will do
    out.rows = _wide_rows(pieces, gray.shape[1], em)
    out.walls, out.cells = _ruled_cells(hmask, vmask, pieces, scale)
    return out


def _wide_rows(pieces: list[tuple[int, int, int, int]], width: int, em: float) -> int:
    """Lines of text (pieces whose vertical centres fall together) spanning ``ROW_SPAN`` of the page."""
    rows = 0
    cur: list[tuple[int, int, int, int]] = []
    for p in sorted(pieces, key=lambda p: (p[1] + p[3]) / 2):
        if cur and (p[1] + p[3]) / 2 - (cur[-1][1] + cur[-1][3]) / 2 > 0.4 * em:
            rows += _wide(cur, width)
            cur = []
        cur.append(p)
    return rows + (_wide(cur, width) if cur else 0)


def _wide(row: list[tuple[int, int, int, int]], width: int) -> int:
    return int(max(p[2] for p in row) - min(p[0] for p in row) >= ROW_SPAN * width)


def _ruled_cells(hmask: np.ndarray, vmask: np.ndarray, pieces, scale: float) -> tuple[int, int]:
    """Cell walls (vertical rulings that end on a horizontal one at both ends: a chart's bars stand on
    an axis but end in the air), and how many pairs of text pieces sit at the same height on either
    side of an inner wall, one whose ends are crossings (T or +), not corners: cells of one table row.
    A chart's frame, a callout box or a legend box has corners only."""
    import cv2
    tol = max(3.0, 2.5 * scale)

    def runs(mask, horizontal, min_len):
        st = cv2.connectedComponentsWithStats(mask, connectivity=8)[2][1:]
        if horizontal:
            return [(x, y + h / 2, x + w - 1) for x, y, w, h, _a in st if w >= min_len]
        return [(x + w / 2, y, y + h - 1) for x, y, w, h, _a in st if h >= min_len]

    hs = runs(hmask, True, max(int(24 * scale), 15))
    if len(hs) < 2:
        return 0, 0

    def meets(x, y, reach=-tol):
        return any(abs(hy - y) <= tol and hx0 - tol <= x - reach and x + reach <= hx1 + tol for hx0, hy, hx1 in hs)

    walls = sorted((x, top, bottom) for x, top, bottom in runs(vmask, False, max(int(9 * scale), 10))
                   if meets(x, top) and meets(x, bottom))
    em = EM_PT * scale
    inner = {w for w in walls if meets(w[0], w[1], em) and meets(w[0], w[2], em)}   # T or + at both ends

    def nearest(a, c, cy):
        left = [w for w in walls if w[0] <= a + tol and w[1] <= cy <= w[2]]
        right = [w for w in walls if w[0] >= c - tol and w[1] <= cy <= w[2]]
        return (max(left) if left else None), (min(right) if right else None)

    sides = [(p, *nearest(p[0], p[2], (p[1] + p[3]) / 2)) for p in pieces]
    pairs = 0
    for p, _, right in sides:
        if right not in inner:
            continue
        for q, left, _ in sides:
            overlap = min(p[3], q[3]) - max(p[1], q[1])
            if left == right and q is not p and overlap >= 0.3 * min(p[3] - p[1], q[3] - q[1]):
                pairs += 1
    return len(walls), pairs

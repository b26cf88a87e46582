"""Seals on a colour scan (#12): a red round 财务专用章 pressed over a table is not text.

Text and ruling lines are dark and unsaturated; a seal is saturated colour. On a colour page image the
seal is found by colour (hue and saturation) and shape (a round or square blot of about its own
size, not a line of red type), recorded, and taken out of the grey image the rest of the raster stage
reads: inside the seal, a pixel's grey is its brightest channel, scaled so that seal ink alone comes
out as paper (never brighter). Ink multiplies: black text or a ruling under red ink stays dark in every channel, so it
stays dark, while red ink on paper is bright in its own channel and vanishes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .image import opencv

MIN_SIZE = 0.05         # of the page width: a seal is at least this wide and tall (~10 mm on A4)
MAX_SIZE = 0.45
MIN_SAT = 70            # HSV saturation (0..255) of seal ink
MIN_VALUE = 70          # ... and its brightness: dark strokes under the ink are not seal ink
MIN_FILL = 0.04         # share of the seal's box its ink covers (a ring and a star cover far more)


@dataclass(frozen=True, slots=True)
class SealMark:
    """A seal found on the page image: its box in image pixels and its colour's name."""
    bbox: tuple[int, int, int, int]
    colour: str


def _colour_name(hue: float) -> str:
    """OpenCV hue (0..180) to the name printed in the output."""
    if hue < 12 or hue >= 160:
        return "red"
    if hue >= 125:
        return "purple"
    if 95 <= hue < 125:
        return "blue"
    return "other"


def ink_mask(bgr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Saturated, not dark pixels (uint8 0/255), and the HSV image."""
    cv2 = opencv()
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    s, v = hsv[:, :, 1], hsv[:, :, 2]
    mask = ((s >= MIN_SAT) & (v >= MIN_VALUE)).astype(np.uint8) * 255
    return mask, hsv


def find_seals(mask: np.ndarray, hsv: np.ndarray, f: int = 1) -> list[SealMark]:
    """Blots of saturated ink the size and shape of a seal: closed up so a ring, its star and its
    text are one component, then kept when about square, of a seal's size and inked enough. A line
    of red type is long and low, a red mark small: neither is a seal. ``mask`` and ``hsv`` may be the
    page at 1/``f`` of its size; the boxes are in the page's pixels."""
    cv2 = opencv()
    h, w = mask.shape
    k = max(3, int(0.012 * w)) | 1
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, bw, bh, _ = stats[i]
        if not (MIN_SIZE * w <= bw <= MAX_SIZE * w and MIN_SIZE * w <= bh <= MAX_SIZE * w):
            continue
        if not 0.6 <= bw / bh <= 1.67:
            continue
        inked = mask[y:y + bh, x:x + bw] > 0
        if inked.mean() < MIN_FILL:
            continue
        hues = hsv[y:y + bh, x:x + bw, 0][inked].astype(np.int32)
        # red wraps around 0: measure it as a distance from 0 on the 180-step circle
        shifted = (hues + 90) % 180
        hue = (float(np.median(shifted)) - 90) % 180
        out.append(SealMark((int(x) * f, int(y) * f, int(x + bw) * f, int(y + bh) * f), _colour_name(hue)))
    out = [m for m in out if not any(o is not m and _inside(m.bbox, o.bbox) for o in out)]   # the star in its ring
    return sorted(out, key=lambda m: (m.bbox[1], m.bbox[0]))


def _inside(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] >= b[0] and a[1] >= b[1] and a[2] <= b[2] and a[3] <= b[3]


def remove_seals(bgr: np.ndarray) -> tuple[np.ndarray, list[SealMark]]:
    """The page's grey image with its seals taken out, and the seals. A page without seals gives
    its plain luminance."""
    cv2 = opencv()
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    f = 4 if min(bgr.shape[:2]) >= 400 else 1       # seals are large: found at a quarter of the size
    small = cv2.resize(bgr, (bgr.shape[1] // f, bgr.shape[0] // f), interpolation=cv2.INTER_AREA) if f > 1 else bgr
    seals = find_seals(*ink_mask(small), f=f)
    if not seals:
        return gray, []
    page_paper = float(np.percentile(gray[::7, ::7], 90))
    h, w = gray.shape
    for seal in seals:
        paper = page_paper
        x0, y0, x1, y1 = seal.bbox
        pad = max(2, int(0.06 * (x1 - x0)))
        x0, y0, x1, y1 = max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)
        sub = bgr[y0:y1, x0:x1]
        bright = sub.max(axis=2).astype(np.float32)
        mask, hsv = ink_mask(sub)
        ink = mask > 0
        if not ink.any():
            continue
        # the densest seal ink on paper comes out as paper; darker than that is ink under the seal
        plain = ~(cv2.dilate(ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0)
        if plain.sum() > 100:       # the paper round the seal: shading and folds vary over the page
            paper = float(np.percentile(gray[y0:y1, x0:x1][plain], 80))
        gain = min(1.5, max(1.0, paper / max(float(np.percentile(bright[ink], 5)), 1.0)))
        sat = hsv[:, :, 1].astype(np.float32)
        weight = np.clip((sat - 30.0) / 30.0, 0.0, 1.0)         # neutral text and paper keep their grey
        weight = cv2.blur(cv2.dilate(weight, np.ones((5, 5), np.uint8)), (3, 3))  # JPEG smears colour
        lifted = np.minimum(bright * gain, paper)
        out = gray[y0:y1, x0:x1] + weight * (lifted - gray[y0:y1, x0:x1])
        gray[y0:y1, x0:x1] = np.clip(out + 0.5, 0, 255).astype(np.uint8)
    return gray, seals

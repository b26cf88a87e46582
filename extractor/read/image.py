"""The page image of a scan: rendered at its scan's resolution (in colour where the scan is colour),
its paper flattened, binarised, and turned level. The raster stage (``raster.py``) reads rulings and
text from what these give it."""
from __future__ import annotations

import numpy as np

MIN_DPI, MAX_DPI = 150.0, 300.0     # scans outside this range are rendered at its nearest end
EM_PT = 10.0                        # the body text size these tables are printed in, roughly
MAX_SKEW = 3.0                      # degrees searched when deskewing


def opencv():
    """OpenCV, imported on first use: a process that reads no scan never loads it."""
    import cv2
    return cv2


# ------------------------------------------------------------------------------------------ render
def native_scale(page) -> float | None:
    """Pixels per point of the largest image drawn on the page, or None without images."""
    return _largest_image(page)[0]


def in_colour(page) -> bool:
    """The page's largest image is a colour image (a seal can only be told from text by colour)."""
    obj = _largest_image(page)[1]
    if obj is None:
        return False
    try:
        meta = obj.get_metadata()
    except Exception:
        return False
    return meta.bits_per_pixel >= 16 or meta.colorspace not in _GREY_SPACES


def _largest_image(page):
    """(pixels per point, the image object) of the largest image on the page, or (None, None)."""
    import pypdfium2.raw as raw
    best, scale, found = 0.0, None, None
    for obj in page.get_objects(max_depth=2):
        if obj.type != raw.FPDF_PAGEOBJ_IMAGE:
            continue
        try:
            pw, ph = obj.get_px_size()
            left, bottom, right, top = obj.get_bounds()
        except Exception:
            continue
        bw, bh = right - left, top - bottom
        if bw <= 1 or bh <= 1 or pw <= 0 or ph <= 0:
            continue
        if bw * bh > best:
            best = bw * bh
            scale, found = max(pw, ph) / max(bw, bh), obj
    return scale, found


_GREY_SPACES = (0, 1)       # FPDF_COLORSPACE_UNKNOWN, FPDF_COLORSPACE_DEVICEGRAY


def choose_scale(page) -> float:
    native = native_scale(page)
    dpi = native * 72 if native else 200.0
    return min(max(dpi, MIN_DPI), MAX_DPI) / 72


def render(page, scale: float) -> np.ndarray:
    img = page.render(scale=scale, grayscale=True, may_draw_forms=False).to_numpy()
    if img.ndim == 3:
        img = img[:, :, 0]
    return np.ascontiguousarray(img)


def render_colour(page, scale: float) -> np.ndarray:
    """The page in colour (BGR), for pages whose scan is colour."""
    img = page.render(scale=scale, may_draw_forms=False).to_numpy()
    if img.ndim == 2:
        img = np.repeat(img[:, :, None], 3, axis=2)
    return np.ascontiguousarray(img[:, :, :3])


# ------------------------------------------------------------------------------------------ image
FAINT = 0.22    # ink fainter than this share of the page's paper-to-ink contrast is not printed on this side


def flatten(gray: np.ndarray, scale: float) -> np.ndarray:
    """Even paper, no ghosts: the page divided by its background (its grey closed over an em: the
    brightest within an em, then the darkest of those, smoothed; it follows a fold's narrow shadow
    where a plain maximum would not), so a fold's shadow or uneven lighting is paper again; then every shade fainter than
    ``FAINT`` of the contrast between paper and the page's darkest ink becomes paper, and the rest is
    stretched back to full contrast. Print from the page behind (bleed-through), paper grain and noise
    are that faint; type and rulings, even blurred, are far darker. A page with no real ink is left
    as it is."""
    cv2 = opencv()
    f = 4                                   # the background is smooth: found at a quarter of the size
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // f), max(1, h // f)), interpolation=cv2.INTER_AREA)
    k = max(3, int(EM_PT * scale / f)) | 1
    kernel = np.ones((k, k), np.uint8)
    bg = cv2.blur(cv2.erode(cv2.dilate(small, kernel), kernel), (k // 2 | 1, k // 2 | 1))
    paper = float(np.percentile(bg, 50))
    bg = np.maximum(cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR), 1)
    norm = cv2.divide(gray, bg, scale=paper)
    ink = float(np.percentile(norm[::3, ::3], 0.5))
    if paper - ink < 60:
        return gray
    c = (paper - np.arange(256, dtype=np.float32)) / (paper - ink)       # one table for every pixel
    c = np.clip((c - FAINT) / (1.0 - FAINT), 0.0, 1.0)
    lut = np.clip(paper - c * (paper - ink) + 0.5, 0, 255).astype(np.uint8)
    return cv2.LUT(norm, lut)


def binarise(gray: np.ndarray, scale: float) -> np.ndarray:
    """Ink = 255: local mean threshold, robust to uneven paper and faint, blurred lines."""
    cv2 = opencv()
    block = int(scale * 12) | 1
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 12)


def skew_angle(ink: np.ndarray) -> float:
    """Degrees to rotate (counter-clockwise, OpenCV's sense) so that rows of ink are level."""
    cv2 = opencv()
    h, w = ink.shape
    f = min(1.0, 1000.0 / w)
    small = cv2.resize(ink, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape
    centre = (sw / 2, sh / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rot = cv2.warpAffine(small, m, (sw, sh), flags=cv2.INTER_LINEAR, borderValue=0)
        rows = rot.sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(rows) ** 2))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.2), key=sharpness)
    best = max(np.arange(best - 0.2, best + 0.2 + 1e-9, 0.04), key=sharpness)
    best = max(np.arange(best - 0.04, best + 0.04 + 1e-9, 0.01), key=sharpness)
    return float(best)


def rotate(gray: np.ndarray, angle: float, fill: int) -> np.ndarray:
    cv2 = opencv()
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=int(fill))

"""Office scans of the sample PDFs (#12): what a county finance office's copier makes of a printed
disclosure, drawn from the text PDF (samples/generate.py calls ``draw_office``).

Per page, on the paper: grey, slightly warm paper and grey ink; the page behind showing through
(bleed-through, mirrored and blurred); on every fourth page a red round 财务专用章 (ring, star, the
department's name on the upper arc and 财务专用章 below the star, ~18% of the page width) pressed,
partly transparent like ink, over the lower half of the page's table, where the amount columns are.
Then the scanner: a fold shadow across the page, a turn of up to ±0.8°, Gaussian blur of 0.3–0.8 px,
noise of σ≈9, kept in colour and saved as JPEG quality 55.

The seal's glyphs are cut from the text PDF itself (each character where the document prints it), so
no CJK font is needed; a character the document never prints is left out of the seal. Everything is
seeded: the same PDF and settings give the same file.
"""
from __future__ import annotations

import io
import math

import numpy as np

SEAL_EVERY = 4                  # pages 4, 8, 12 … carry a seal
SEAL_WIDTH = 0.18               # of the page width
SEAL_RGB = (0.84, 0.10, 0.14)   # saturated red ink
SEAL_ALPHA = 0.85
PAPER_RGB = (0.90, 0.885, 0.855)
INK_RGB = (0.12, 0.12, 0.14)
SEAL_WORDS = "财务专用章"


def sealed(page: int) -> bool:
    """1-based page numbers that carry the seal."""
    return page % SEAL_EVERY == 0


def seal_centre(ops: list[tuple], size: tuple[float, float]) -> tuple[float, float]:
    """Where the seal is pressed, in PDF points from the top-left: over the lower half of the page's
    ruled table (the bounding box of its lines), right of its middle, where the amounts are; on a page
    without rulings, at its lower right."""
    w, h = size
    lines = [op for op in ops if op[0] == "line"]
    if not lines:
        return 0.7 * w, 0.7 * h
    x0 = min(min(op[1], op[3]) for op in lines)
    x1 = max(max(op[1], op[3]) for op in lines)
    y0 = min(min(op[2], op[4]) for op in lines)     # PDF y grows upwards
    y1 = max(max(op[2], op[4]) for op in lines)
    r = SEAL_WIDTH * w / 2
    cx = min(max(x0 + 0.7 * (x1 - x0), r), w - r)
    cy = min(max(h - (y0 + 0.28 * (y1 - y0)), r), h - r)
    return cx, cy


class Glyphs:
    """Ink masks of single characters, cut from wherever the PDF prints them."""

    SCALE = 6.0

    def __init__(self, pdf) -> None:
        self.pdf = pdf
        self.cache: dict[str, np.ndarray | None] = {}
        self.index: dict[str, tuple[int, int]] | None = None

    def _build_index(self) -> None:
        self.index = {}
        for p in range(len(self.pdf)):
            page = self.pdf[p]
            tp = page.get_textpage()
            n = tp.count_chars()
            text = tp.get_text_range(0, n) if n else ""
            for i, ch in enumerate(text[:n]):
                self.index.setdefault(ch, (p, i))
            tp.close()
            page.close()

    def get(self, ch: str) -> np.ndarray | None:
        if ch in self.cache:
            return self.cache[ch]
        if self.index is None:
            self._build_index()
        hit = self.index.get(ch)
        mask = None
        if hit is not None:
            p, i = hit
            page = self.pdf[p]
            tp = page.get_textpage()
            left, bottom, right, top = tp.get_charbox(i, loose=True)
            w, h = page.get_size()
            img = page.render(scale=self.SCALE, grayscale=True,
                              crop=(left, bottom, w - right, h - top)).to_pil().convert("L")
            tp.close()
            page.close()
            a = 1.0 - np.asarray(img, np.float32) / 255.0
            if a.max() > 0.3:
                ys, xs = np.nonzero(a > 0.2)
                mask = a[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        self.cache[ch] = mask
        return mask


def seal_mask(diameter: int, name: str, glyphs: Glyphs, rng: np.random.Generator) -> np.ndarray:
    """Ink coverage (0..1) of a round 财务专用章 of ``diameter`` pixels."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter
    d = diameter
    img = Image.new("L", (d, d), 0)
    draw = ImageDraw.Draw(img)
    ring = max(2, int(0.045 * d))
    draw.ellipse((1, 1, d - 2, d - 2), outline=255, width=ring)
    c = d / 2
    star = []
    for k in range(10):                                     # five-pointed star, point up
        r = (0.19 if k % 2 == 0 else 0.075) * d
        a = -math.pi / 2 + k * math.pi / 5
        star.append((c + r * math.cos(a), c + r * math.sin(a)))
    draw.polygon(star, fill=255)

    def paste(ch: str, x: float, y: float, height: float, angle: float) -> None:
        g = glyphs.get(ch)
        if g is None:
            return
        f = height / max(g.shape)
        gi = Image.fromarray((g * 255).astype(np.uint8)).resize(
            (max(1, int(g.shape[1] * f)), max(1, int(g.shape[0] * f))), Image.Resampling.LANCZOS)
        gi = gi.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        layer = Image.new("L", (d, d), 0)
        layer.paste(gi, (int(x - gi.size[0] / 2), int(y - gi.size[1] / 2)))
        img.paste(ImageChops.lighter(img, layer))

    chars = [ch for ch in name if glyphs.get(ch) is not None]
    if chars:                                               # the name along the upper arc, upright to it
        span = min(240.0, 24.0 * len(chars))
        for k, ch in enumerate(chars):
            deg = -90 - span / 2 + span * (k + 0.5) / len(chars)
            a = math.radians(deg)
            rr = 0.34 * d
            paste(ch, c + rr * math.cos(a), c + rr * math.sin(a), 0.15 * d, -(deg + 90))
    words = [ch for ch in SEAL_WORDS if glyphs.get(ch) is not None]
    for k, ch in enumerate(words):                          # 财务专用章 across, below the star
        x = c + (k - (len(words) - 1) / 2) * 0.115 * d
        paste(ch, x, c + 0.27 * d, 0.105 * d, 0.0)
    m = np.asarray(img.filter(ImageFilter.GaussianBlur(0.6)), np.float32) / 255.0
    texture = rng.uniform(0.55, 1.0, size=(d // 4 + 1, d // 4 + 1)).astype(np.float32)
    texture = np.asarray(Image.fromarray((texture * 255).astype(np.uint8)).resize((d, d), Image.Resampling.BILINEAR),
                         np.float32) / 255.0
    return m * texture


def office_page(rgb: np.ndarray, behind: np.ndarray | None, seal: tuple[int, int, np.ndarray] | None,
                cfg: dict, rng: np.random.Generator) -> bytes:
    """One rendered page (uint8 RGB, white paper) as the JPEG an office scanner makes of it."""
    from PIL import Image, ImageFilter
    t = rgb.astype(np.float32).mean(axis=2) / 255.0                 # 1 = paper, 0 = ink
    paper, ink = np.array(PAPER_RGB, np.float32), np.array(INK_RGB, np.float32)
    refl = ink + (paper - ink) * t[:, :, None]
    h, w = t.shape
    if behind is not None:                                          # the page behind, through the paper
        refl *= (1.0 - cfg.get("bleed", 0.09) * (1.0 - behind))[:, :, None]
    if seal is not None:
        x, y, m = seal
        d = m.shape[0]
        ya, yb, xa, xb = max(0, y), min(h, y + d), max(0, x), min(w, x + d)
        sub = m[ya - y:yb - y, xa - x:xb - x][:, :, None] * SEAL_ALPHA
        refl[ya:yb, xa:xb] *= 1.0 - sub * (1.0 - np.array(SEAL_RGB, np.float32))
    fold = rng.uniform(0.42, 0.58) * h                              # a fold across the page
    ys = np.arange(h, dtype=np.float32)[:, None, None]
    refl *= 1.0 - cfg.get("fold", 0.12) * np.exp(-((ys - fold) / (0.012 * h)) ** 2)
    refl *= 1.0 - 0.04 * (np.arange(w, dtype=np.float32) / w)[None, :, None]     # uneven lighting
    img = Image.fromarray(np.clip(refl * 255.0 + 0.5, 0, 255).astype(np.uint8), "RGB")
    angle = rng.uniform(-cfg.get("max_angle", 0.8), cfg.get("max_angle", 0.8))
    fill = tuple(int(v * 255) for v in PAPER_RGB)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(*cfg.get("blur", (0.3, 0.8)))))
    a = np.asarray(img, np.float32)
    sigma = cfg.get("noise", 9.0)
    a = a + rng.normal(0.0, sigma, size=(h, w, 1)).astype(np.float32) \
        + rng.normal(0.0, sigma / 3, size=(h, w, 3)).astype(np.float32)
    img = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=cfg.get("quality", 55))
    return buf.getvalue()


def draw_office(src, pages_ops: list[tuple[tuple[float, float], list[tuple]]], name: str, cfg: dict,
                only: list[int] | None = None) -> tuple[list[tuple[float, float, tuple[int, int], bytes]], list[dict]]:
    """The office scan of the text PDF ``src``: JPEG pages for ``image_pdf`` and the seals pressed
    (page, bbox in points from the top-left). ``pages_ops``: the generator's layout (size, drawing
    operations) of each page, which says where the tables are. ``only``: these 1-based pages, each
    drawn as in the whole scan (every page has its own seeded randomness)."""
    import pypdfium2 as pdfium
    from PIL import Image
    dpi = cfg.get("dpi", 200)
    seed = cfg.get("seed", 1)
    pdf = pdfium.PdfDocument(str(src))
    glyphs = Glyphs(pdf)
    out, seals = [], []
    try:
        n = len(pdf)
        for i in range(n):
            if only and i + 1 not in only:
                continue
            rng = np.random.default_rng([seed, i])
            page = pdf[i]
            w, h = page.get_size()
            rgb = np.asarray(page.render(scale=dpi / 72).to_pil().convert("RGB"))
            page.close()
            behind_page = pdf[i + 1 if i + 1 < n else i - 1] if n > 1 else None
            behind = None
            if behind_page is not None:
                small = behind_page.render(scale=dpi / 72 / 4, grayscale=True).to_pil().convert("L")
                behind_page.close()
                small = small.transpose(Image.Transpose.FLIP_LEFT_RIGHT).resize(
                    (rgb.shape[1], rgb.shape[0]), Image.Resampling.BILINEAR)
                behind = np.asarray(small, np.float32) / 255.0
            seal = None
            if sealed(i + 1):
                size, ops = pages_ops[i]
                cx, cy = seal_centre(ops, size)
                d_pt = SEAL_WIDTH * w
                d = int(round(d_pt * dpi / 72))
                m = seal_mask(d, name, glyphs, rng)
                x, y = int(round(cx * dpi / 72 - d / 2)), int(round(cy * dpi / 72 - d / 2))
                seal = (x, y, m)
                seals.append({"page": i + 1, "bbox": [round(cx - d_pt / 2, 1), round(cy - d_pt / 2, 1),
                                                      round(cx + d_pt / 2, 1), round(cy + d_pt / 2, 1)]})
            jpeg = office_page(rgb, behind, seal, cfg, rng)
            out.append((w, h, (rgb.shape[1], rgb.shape[0]), jpeg))
    finally:
        pdf.close()
    return out, seals

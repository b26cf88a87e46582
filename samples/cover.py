"""A text PDF whose only image is a cover photo, as departments publish them: a colour picture of their
building under a sky, a title band, then the text pages. Drawn on demand (tests, bench/bench_ocr.py)
from committed text samples; deterministic (fixed seed), nothing kept in git.

    with_cover([SAMPLES / "putuo_2025_budget.pdf", SAMPLES / "putuo_2024_final.pdf"], dst)
"""
from __future__ import annotations

import io
import random
from pathlib import Path

A4 = (595.28, 841.89)


def photo(size: tuple[int, int] = (1240, 1754), seed: int = 7) -> bytes:
    """A colour JPEG that looks like a cover photo to a page classifier: a sky gradient, an office block
    whose windows make a regular grid, trees, a coloured title band with large lettering."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    w, h = size
    rng = random.Random(seed)
    y = np.linspace(0.0, 1.0, h)[:, None, None]
    sky = (np.array([70, 130, 210]) * (1 - y) + np.array([200, 225, 245]) * y)
    img = Image.fromarray(np.broadcast_to(sky, (h, w, 3)).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(img)
    bx0, by0, bx1, by1 = int(0.18 * w), int(0.38 * h), int(0.82 * w), int(0.86 * h)
    d.rectangle((bx0, by0, bx1, by1), fill=(188, 180, 166))
    for row in range(14):                              # windows: a grid, dark glass with a frame
        for col in range(12):
            x = bx0 + 20 + col * (bx1 - bx0 - 40) // 12
            yy = by0 + 20 + row * (by1 - by0 - 40) // 14
            d.rectangle((x, yy, x + 28, yy + 34), fill=(60 + rng.randrange(40), 80, 110), outline=(230, 230, 230))
    d.rectangle((0, by1, w, h), fill=(96, 110, 90))      # lawn, then trees
    for _ in range(40):
        cx, cy, r = rng.randrange(w), by1 - rng.randrange(60), rng.randrange(30, 90)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(30 + rng.randrange(40), 90 + rng.randrange(60), 40))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    d = ImageDraw.Draw(img)
    d.rectangle((0, int(0.06 * h), w, int(0.24 * h)), fill=(170, 20, 30))
    font = ImageFont.load_default(size=110)
    d.text((int(0.1 * w), int(0.09 * h)), "2025 BUDGET", fill=(255, 235, 160), font=font)
    d.text((int(0.1 * w), int(0.17 * h)), "OFFICE", fill=(255, 255, 255), font=ImageFont.load_default(size=60))
    noise = np.random.default_rng(seed).normal(0, 6, (h, w, 3))
    arr = np.clip(np.asarray(img, dtype=np.float64) + noise, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(arr, "RGB").save(buf, "JPEG", quality=80)
    return buf.getvalue()


def with_cover(sources: list[Path], dst: Path, jpeg: bytes | None = None) -> Path:
    """``dst``: a full-page cover photo (no text), then every page of ``sources``."""
    import pypdfium2 as pdfium
    out = pdfium.PdfDocument.new()
    try:
        page = out.new_page(*A4)
        image = pdfium.PdfImage.new(out)
        image.load_jpeg(io.BytesIO(jpeg or photo()), inline=True)
        image.set_matrix(pdfium.PdfMatrix().scale(*A4))
        page.insert_obj(image)
        page.gen_content()
        page.close()
        _append(out, sources)
        out.save(str(dst))
    finally:
        out.close()
    return dst


def joined(sources: list[Path], dst: Path) -> Path:
    """The pages of ``sources``, one file after the other, as one PDF (a cover letter bound before a budget)."""
    import pypdfium2 as pdfium
    out = pdfium.PdfDocument.new()
    try:
        _append(out, sources)
        out.save(str(dst))
    finally:
        out.close()
    return dst


def _append(out, sources: list[Path]) -> None:
    import pypdfium2 as pdfium
    for src in sources:
        doc = pdfium.PdfDocument(str(src))
        try:
            out.import_pages(doc)
        finally:
            doc.close()

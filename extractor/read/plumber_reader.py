"""Read pages with pdfplumber (pdfminer): the reference reader, slower, used to cross-check PDFium."""
from __future__ import annotations

import io

import pdfplumber

from .boxes import inside, normalise, on_page, visible
from .page import Char, Edge, PageContent


class PlumberReader:
    def __init__(self, data: bytes):
        self._pdf = pdfplumber.open(io.BytesIO(data))
        self.page_count = len(self._pdf.pages)
        self.producer = self._pdf.metadata.get("Producer") or None

    def close(self) -> None:
        self._pdf.close()

    def page(self, index: int) -> PageContent:
        page = self._pdf.pages[index]
        p = page.dedupe_chars()
        dx, dy, width, height = _frame(page)
        content = PageContent(number=index + 1, width=width, height=height)
        chars = (Char(c["text"], c["x0"] - dx, c["top"] - dy, c["x1"] - dx, c["bottom"] - dy)
                 for c in p.chars if c["text"].strip() or c["text"] == " ")
        content.chars = [c for c in chars if inside(c.cx, c.cy, width, height)]
        content.edges = on_page([Edge(e["orientation"], e["x0"] - dx, e["top"] - dy, e["x1"] - dx, e["bottom"] - dy)
                                 for e in p.edges], width, height)
        page.close()
        return content


def _frame(page) -> tuple[float, float, float, float]:
    """(dx, dy, width, height): what to subtract from pdfplumber's coordinates to measure them from the
    top-left of the visible box (boxes.visible), and that box's size, as the PDFium reader does.
    pdfminer places the page by its MediaBox's first corner as stored, so a box written by other
    corners (``[0 595 842 0]``) shifts everything by the difference, which is taken back here."""
    from pdfminer.pdftypes import resolve_all
    attrs = page.page_obj.attrs
    raw = resolve_all(attrs.get("MediaBox"))
    media = normalise(raw)
    box = visible(raw, resolve_all(attrs.get("CropBox")))
    if media is None or box is None:
        return 0.0, 0.0, float(page.width), float(page.height)
    x0, y0, x1, y1 = (float(v) for v in raw)
    X0, Y0, X1, Y1 = media
    # pdfminer's translation with the stored corners minus the one with normalised corners, per /Rotate
    tx, ty = {90: (Y0 - y0, x1 - X1), 180: (x1 - X1, y1 - Y1), 270: (y1 - Y1, X0 - x0)}.get(
        page.rotation, (X0 - x0, Y0 - y0))
    # pdfplumber: x = device x + media left, top = height - device y + media top (its own top-down frame)
    left, top = float(page.mediabox[0]) + tx, float(page.mediabox[1]) - ty
    if page.rotation in (90, 270):      # the crop of a sideways page is not taken here (reference reader)
        return left, top, float(page.width), float(page.height)
    bx0, by0, bx1, by1 = box
    return left + bx0 - X0, top + Y1 - by1, bx1 - bx0, by1 - by0



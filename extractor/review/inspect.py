"""`inspect`: one page drawn with what the extractor saw on it.

The page is rendered by PDFium; over it go each table's region (the rows' boxes joined) with its type,
every row's box coloured by its state, the cells a failing check is about, each column's key over the
place its amounts are printed, and the text lines read by OCR. Everything comes from the Document;
only the columns' places are found again, by looking up each row's printed amounts among the page's
characters (the Document keeps a row's box, not its cells').
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..models import Document, Row, Table
from .involved import Failure, failures

# row state -> colour (RGB); a row takes the first state that applies, in this order
COLOURS = {
    "check": (220, 30, 30),        # part of a failing check
    "low_confidence": (245, 150, 0),  # ocr_low_confidence:<column>
    "repaired": (40, 90, 240),     # repaired_by_sum, codes/names put right from the catalog
    "read": (30, 150, 60),
}
REGION = (150, 40, 170)
OCR_LINE = (0, 170, 200)
REPAIR_FLAGS = ("repaired_by_sum", "code_from_catalog", "name_from_catalog", "code_zero_padded",
                "name_overflow_repaired")


def row_state(row: Row, failing: bool) -> str:
    if failing:
        return "check"
    if any(f.startswith("ocr_low_confidence") for f in row.flags):
        return "low_confidence"
    if any(f.split(":")[0] in REPAIR_FLAGS for f in row.flags):
        return "repaired"
    return "read"


def render_page(pdf: str | Path, page: int, dpi: float = 100.0):
    """The page (1-based) as a PIL image at ``dpi``, drawn upright as a viewer shows it."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    try:
        if not 1 <= page <= len(doc):
            raise ValueError(f"page {page} is not in the document (1-{len(doc)})")
        return doc[page - 1].render(scale=dpi / 72.0).to_pil().convert("RGB")
    finally:
        doc.close()


@dataclass
class PageView:
    """What the overlay draws, in page points (top-left origin), kept for tests and the report."""
    regions: list[tuple[str, tuple[float, float, float, float]]]
    rows: list[tuple[str, tuple[float, float, float, float]]]       # (state, bbox)
    columns: list[tuple[str, float, float, float]]                  # (key, x0, x1, top of region)
    ocr_lines: list[tuple[float, float, float, float]]
    cells: list[tuple[str, tuple[float, float, float, float]]] = None  # (total | part, bbox) of failing checks

    def __post_init__(self):
        self.cells = self.cells or []


def page_view(doc: Document, page: int, content=None) -> PageView:
    """The boxes to draw on ``page``. ``content`` (the page as read, optional) gives column places and
    OCR'd lines."""
    view = PageView([], [], [], [])
    for index, table in enumerate(doc.tables):
        rows = [(i, r) for i, r in enumerate(table.rows) if r.page == page]
        if not rows:
            continue
        fails = failures(table, index)
        failing_rows = {r for f in fails for r in f.rows}
        box = _union([r.bbox for _, r in rows])
        view.regions.append((f"{table.type} ({len(rows)} rows)", box))
        for i, row in rows:
            view.rows.append((row_state(row, i in failing_rows), row.bbox))
        if content is None:
            continue
        places = column_places(table, [r for _, r in rows], content.chars)
        for (side, col), (x0, x1) in places.items():
            view.columns.append((_column_label(table, side, col), x0, x1, box[1]))
        for f in fails:                              # the cells a failing check adds up, where placed
            for (i, col), role in f.cells.items():
                row = table.rows[i]
                at = places.get((row.side, col))
                if row.page == page and at:
                    view.cells.append((role, (at[0] - 2, row.bbox[1] + 1, at[1] + 2, row.bbox[3] - 1)))
    if content is not None and getattr(content, "ocr", False):
        from ..read.page import lines_of
        view.ocr_lines = [(ln.x0, ln.top, ln.x1, ln.bottom) for ln in lines_of(content.chars)]
    return view


def column_places(table: Table, rows: list[Row], chars) -> dict[tuple, tuple[float, float]]:
    """(side, column id) -> (x0, x1) where its amounts are printed (the widest extent), from the words
    in each row's box whose text is the row's value."""
    from ..read.page import chars_in
    spans: dict[tuple, list[tuple[float, float]]] = {}
    for row in rows:
        words = _words(chars_in(chars, row.bbox))
        for col, value in row.values.items():      # columns in printed order; a word serves one cell
            for k, (text, x0, x1) in enumerate(words):
                if _amount(text) == value:
                    spans.setdefault((row.side, col), []).append((x0, x1))
                    words = words[k + 1:]
                    break
    return {k: (min(a for a, _ in s), max(b for _, b in s)) for k, s in sorted(spans.items(), key=str)}


def _column_label(table: Table, side, col: str) -> str:
    keys = [c for c in table.columns if c.id == col]
    key = next((c.key for c in keys if c.side == side), keys[0].key if keys else col)
    return key + (f" ({side[:3]})" if side and len(keys) > 1 else "")


def _words(chars) -> list[tuple[str, float, float]]:
    out: list[list] = []
    for c in sorted(chars, key=lambda c: c.x0):
        h = max(c.bottom - c.top, 1.0)
        if out and c.text != " " and c.x0 - out[-1][2] < 0.4 * h:
            out[-1][0] += c.text
            out[-1][2] = c.x1
        elif c.text != " ":
            out.append([c.text, c.x0, c.x1])
    return [(t, a, b) for t, a, b in out]


def _amount(text: str):
    from ..text.amounts import parse_amount, to_json_number
    try:
        value = parse_amount(text)
    except Exception:
        return None
    return None if value is None else to_json_number(value)


def _union(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def overlay(doc: Document, pdf: str | Path, page: int, dpi: float = 100.0, content=None):
    """The page image with the view drawn over it (a PIL image)."""
    from PIL import Image, ImageDraw
    image = render_page(pdf, page, dpi)
    if content is None:
        content = read_page(pdf, page)
    view = page_view(doc, page, content)
    sx = image.width / content.width if content is not None else dpi / 72.0
    sy = image.height / content.height if content is not None else dpi / 72.0

    def px(b):
        return (b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy)

    shade = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shade)
    font = _font(max(9, int(dpi / 9)))
    for box in view.ocr_lines:
        draw.rectangle(px(box), outline=OCR_LINE + (200,), width=1)
    for state, box in view.rows:
        colour = COLOURS[state]
        draw.rectangle(px(box), fill=colour + (40 if state in ("read", "check") else 70,), outline=colour + (255,), width=2)
    for role, box in sorted(view.cells, key=lambda c: c[0] == "total"):    # totals drawn last, on top
        colour = COLOURS["check"] if role == "total" else COLOURS["low_confidence"]
        draw.rectangle(px(box), fill=colour + (110 if role == "total" else 60,), outline=colour + (255,), width=3)
    for label, box in view.regions:
        b = px(box)
        draw.rectangle((b[0] - 3, b[1] - 3, b[2] + 3, b[3] + 3), outline=REGION + (255,), width=3)
        draw.text((b[0], b[3] + 4), label, fill=REGION + (255,), font=font)
    small = _font(max(8, int(dpi / 11)))
    for key, x0, x1, top in view.columns:        # over the header's last line, where the column starts
        at = (x0 * sx, top * sy - small.size - 5)
        draw.rectangle(draw.textbbox(at, key, font=small), fill=(255, 255, 210, 235))
        draw.text(at, key, fill=(0, 0, 0, 255), font=small)
    damage = [w for w in doc.warnings if w.page == page and w.code in ("page_damaged", "page_duplicate", "page_unreadable")]
    for k, w in enumerate(damage):
        draw.text((4, image.height - (k + 1) * (font.size + 4)), f"{w.code}: {w.message}"[:150],
                  fill=COLOURS["check"] + (255,), font=font)
    if view.ocr_lines:
        draw.text((4, 4), f"OCR: {len(view.ocr_lines)} text lines read from the image", fill=OCR_LINE + (255,), font=font)
    return Image.alpha_composite(image.convert("RGBA"), shade).convert("RGB")


def read_page(pdf: str | Path, page: int):
    """The page as the extractor reads it (characters and, for a scan, OCR), or None if unreadable."""
    from ..read import open_pdf
    try:
        with open_pdf(pdf) as src:
            return src.reader.page(page - 1)
    except Exception:
        return None


def _font(size: int):
    from PIL import ImageFont
    try:
        return ImageFont.load_default(size=size)
    except TypeError:                  # Pillow < 10.1 has one fixed size
        return ImageFont.load_default()


__all__ = ["overlay", "page_view", "render_page", "row_state", "COLOURS", "Failure"]

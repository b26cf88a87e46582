"""Read pages with PDFium (pypdfium2, which pdfplumber itself ships with): ~10x faster than pdfminer.

Characters come from the text page with their loose boxes; ruling edges from the straight, axis-aligned
segments of every stroked or filled path, in page space (object and form matrices applied), the way
pdfplumber turns lines and rectangles into edges.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from . import pdfium_calls as pc
from .boxes import doubled_bounds, inside, on_page, visible
from .page import Char, Edge, PageContent, char_maker

_AXIS_TOL = 0.5  # a segment within this of horizontal/vertical counts as a ruling edge
_PATH = raw.FPDF_PAGEOBJ_PATH
_FORM = raw.FPDF_PAGEOBJ_FORM
_TEXT = raw.FPDF_PAGEOBJ_TEXT


class PdfiumReader:
    def __init__(self, data: bytes):
        self._doc = pdfium.PdfDocument(data)
        self.page_count = len(self._doc)
        try:
            self.producer = (self._doc.get_metadata_dict().get("Producer") or None)
        except Exception:
            self.producer = None

    def close(self) -> None:
        self._doc.close()

    def page(self, index: int) -> PageContent:
        page = self._doc[index]
        scanned = False
        try:
            x0, y0, x1, y1 = visible(page.get_mediabox(), page.get_cropbox(fallback_ok=False)) or (0, 0, 612, 792)
            turn = _Turn(page.get_rotation(), x1 - x0, y1 - y0)
            content = PageContent(number=index + 1, width=turn.width, height=turn.height)
            hidden: set[int] = set()
            texts: list[int] = []
            edges = _edges(page, x0, y1, turn, hidden, texts)   # one pass over the objects: rulings, hidden text
            content.text_objects = len(texts)
            content.chars = _chars(page, x0, y1, turn, hidden)
            if len(content.chars) < _USABLE_CHARS or _garbage(content.chars):
                if _needs_ocr(page, content.chars):
                    from .raster import ocr_page       # image-only or garbage text: read the page image
                    scanned = True
                    return ocr_page(page, content)
            content.edges = edges
            return content
        finally:
            page.close()
            if scanned:             # only its characters, edges and seals are kept: the images are
                from .ocr import release    # freed, and their heap goes back (see read/ocr.py)
                release()


_USABLE_CHARS = 20          # a page with fewer characters than this may be a scan (a stamped page number)


def _garbage(chars: list[Char]) -> bool:
    """A text layer whose characters are mostly unmapped glyphs (private use, replacement, control)."""
    if len(chars) < _USABLE_CHARS:
        return False
    bad = sum(1 for c in chars if c.text == "\ufffd" or "\ue000" <= c.text <= "\uf8ff" or ord(c.text) < 32)
    return bad > 0.5 * len(chars)


def _needs_ocr(page, chars: list[Char]) -> bool:
    """Only pages with almost no usable characters get here, so text pages pay nothing; ``route``
    decides (a scan of a document, garbage glyphs, outlined text: yes; a cover photo or a chart: no)."""
    from .route import needs_ocr
    return needs_ocr(page, len(chars), _garbage(chars))


class _Turn:
    """The page's /Rotate applied to top-down coordinates, so a sideways page reads upright."""

    def __init__(self, degrees: int, width: float, height: float):
        self.degrees = degrees % 360
        self.w, self.h = width, height
        self.width, self.height = (height, width) if self.degrees in (90, 270) else (width, height)

    def point(self, u: float, v: float) -> tuple[float, float]:
        if self.degrees == 90:
            return self.h - v, u
        if self.degrees == 180:
            return self.w - u, self.h - v
        if self.degrees == 270:
            return v, self.w - u
        return u, v

    def box(self, u0: float, v0: float, u1: float, v1: float) -> tuple[float, float, float, float]:
        (a, b), (c, d) = self.point(u0, v0), self.point(u1, v1)
        return min(a, c), min(b, d), max(a, c), max(b, d)


def _chars(page, ox: float, oy: float, turn: _Turn, hidden: set[int]) -> list[Char]:
    """The page's characters; those of ``hidden`` text objects (clipped away) are left out."""
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        text = tp.get_text_range(0, n) if n else ""
        aligned = len(text) == n
        seen: set[tuple[str, int, int]] = set()
        out: list[Char] = []
        handle = pc.address(tp.raw)
        rect = raw.FS_RECTF()
        at, loose_box, generated = ctypes.addressof(rect), pc.text_loose_box, pc.text_generated
        upright = turn.degrees == 0
        width, height = turn.width, turn.height
        low, x_high, y_high = doubled_bounds(width, height)
        make = _make_char
        for i in range(n):
            ch = text[i] if aligned else tp.get_text_range(i, 1)
            if not ch or ch in "\ufffe\uffff" or (ch.isspace() and (ch != " " or generated(handle, i))):
                continue            # printed spaces are kept (they separate ASCII words); layout breaks are not
            if hidden and pc.text_object(handle, i) in hidden:
                continue            # drawn, but its clipping path shows none of it (a hidden list number)
            if not loose_box(handle, i, at):
                raise pdfium.PdfiumError("Failed to get charbox.")
            u0, v0, u1, v1 = rect.left - ox, oy - rect.top, rect.right - ox, oy - rect.bottom
            if upright:             # turn.box without the call: the same four numbers
                if not (low <= u0 + u1 <= x_high and low <= v0 + v1 <= y_high):
                    continue        # drawn off the page (outside its visible box): no viewer shows it
                c = make(ch, min(u0, u1), min(v0, v1), max(u0, u1), max(v0, v1))
            else:
                c = Char(ch, *turn.box(u0, v0, u1, v1))
                if not inside((c.x0 + c.x1) / 2, (c.top + c.bottom) / 2, width, height):
                    continue
            key = (ch, round(c.x0), round(c.top))
            if key in seen:  # fake bold: the same glyph drawn twice on itself
                continue
            seen.add(key)
            out.append(c)
        return out
    finally:
        tp.close()


_make_char = char_maker()
_F = tuple(ctypes.c_float() for _ in range(4))
_FA = tuple(ctypes.addressof(v) for v in _F)
_XY = (ctypes.c_float(), ctypes.c_float())
_XYA = tuple(ctypes.addressof(v) for v in _XY)


_SLIVER = 0.1      # a line its clip shows less than this share of the height of is a hairline, not text


def _outside_clip(obj: int, boxes: dict) -> bool:
    """The object lies outside its clipping path (compared in the object's own space, so a form's
    contents are judged right): drawn, but nothing of it is painted, or only a hairline of its edge. A row
    that a page break cuts is printed whole on both pages, clipped to each page's body: the line that
    straddles the clip by a tenth of a point is the next page's, not this one's (北京 project lists). A
    line a cell's clip shows a fifth of (北京 生态环境局: 2110199-其他环境保护管理事务 | 支出) is kept, and
    goes back to its cell.
    ``boxes``: the page's clip path extents by the address of their point data (objects under one clip
    share it)."""
    clip = pc.obj_clip(obj)
    if not clip:
        return False
    if not pc.obj_bounds(obj, *_FA):
        return False
    l, b, r, t = _F
    left, bottom, right, top = l.value, b.value, r.value, t.value
    dy = _SLIVER * (top - bottom)      # across only: a cell's clip may show the head of an overlong line
    for xmin, xmax, ymin, ymax in _clip_boxes(clip, boxes):
        if xmin >= right or xmax <= left or ymin >= top - dy or ymax <= bottom + dy:
            return True     # clip paths intersect: one that misses the object hides all of it
    return False


def _clip_boxes(clip: int, boxes: dict) -> list[tuple[float, float, float, float]]:
    """(min x, max x, min y, max y) of each path of the clip that has points, in order. The key is the
    address of each path's first point: the page keeps its paths alive, so one address is one path."""
    paths = pc.clip_count_paths(clip)
    key = tuple([pc.clip_segment(clip, p, 0) for p in range(paths)])
    found = boxes.get(key)
    if found is not None:
        return found
    (x, y), (xa, ya) = _XY, _XYA
    found = []
    for p in range(paths):
        xs, ys = [], []
        for s in range(pc.clip_count_segments(clip, p)):
            if pc.segment_point(pc.clip_segment(clip, p, s), xa, ya):
                xs.append(x.value)
                ys.append(y.value)
        if xs:
            found.append((min(xs), max(xs), min(ys), max(ys)))
    boxes[key] = found
    return found


_M = raw.FS_MATRIX()
_MA = ctypes.addressof(_M)


def _matrix(handle: int) -> tuple[float, ...]:
    if not pc.obj_matrix(handle, _MA):
        raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
    m = _M
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _objects(parent: int, level: int, max_depth: int, form: bool = False):
    """(handle, type, level) of the page's objects, descending into forms: PdfPage.get_objects' order
    and errors without its helper object per page object."""
    count, get = (pc.form_count_objects, pc.form_get_object) if form else (pc.page_count_objects, pc.page_get_object)
    n = count(parent)
    if n < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(n):
        obj = get(parent, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = pc.obj_type(obj)
        if kind == raw.FPDF_PAGEOBJ_UNKNOWN:
            raise pdfium.PdfiumError("Failed to determine pageobject type, did you pass in a valid "
                                     "FPDF_PAGEOBJECT handle?")
        yield obj, kind, level
        if kind == _FORM and level < max_depth - 1:
            yield from _objects(obj, level + 1, max_depth, form=True)


def _compose(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _edges(page, ox: float, oy: float, turn: _Turn, hidden: set[int], texts: list[int]) -> list[Edge]:
    """Ruling edges of the page; text objects clipped away are added to ``hidden`` on the way."""
    out: list[Edge] = []
    unseen: list[list[Edge]] = []
    forms: dict[int, tuple[float, ...]] = {}
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    fill_at, stroke_at = ctypes.addressof(fill), ctypes.addressof(stroke)
    x, y = ctypes.c_float(), ctypes.c_float()
    xa, ya = ctypes.addressof(x), ctypes.addressof(y)
    clips: dict = {}
    moveto, lineto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO
    point, kind_of, closes, segment = pc.segment_point, pc.segment_type, pc.segment_close, pc.path_segment
    for handle, kind, level in _objects(pc.address(page.raw), 0, 4):
        if kind == _FORM:
            m = _matrix(handle)
            forms[level] = _compose(m, forms[level - 1]) if level else m
            continue
        if kind == _TEXT:
            if _outside_clip(handle, clips):
                hidden.add(handle)
            else:
                texts.append(handle)
            continue
        if kind != _PATH:
            continue
        pc.path_draw_mode(handle, fill_at, stroke_at)
        if not fill.value and not stroke.value:
            continue
        target = out
        if not _visible(handle, fill.value, pc.obj_fill) and not _visible(handle, stroke.value, pc.obj_stroke):
            target = []             # paper-white: a ruling only where it is a cell's own background
            unseen.append(target)
        m = _matrix(handle)
        if level:
            m = _compose(m, forms.get(level - 1, (1, 0, 0, 1, 0, 0)))
        a, b, c, d, e, f = m
        start = prev = None
        for i in range(pc.path_count_segments(handle)):
            seg = segment(handle, i)
            point(seg, xa, ya)
            px, py = turn.point(a * x.value + c * y.value + e - ox, oy - (b * x.value + d * y.value + f))
            kind = kind_of(seg)
            if kind == moveto:
                start = prev = (px, py)
                continue
            if prev is not None and kind == lineto:
                _add(target, prev, (px, py))
            prev = (px, py)
            if closes(seg) and start is not None:
                _add(target, prev, start)
                prev = start
    if unseen:
        seen = _by_position(out)
        out += [e for box in unseen if _on_rulings(box, seen) for e in box]
    return on_page(out, turn.width, turn.height)


_RGBA = tuple(ctypes.c_uint() for _ in range(4))
_RGBAA = tuple(ctypes.addressof(v) for v in _RGBA)
_WHITE = 250        # a channel this bright on all three is paper colour


_ON = 1.2      # points: a white box's side this close to a visible ruling lies on it


def _on_rulings(box: list[Edge], seen: dict[tuple[str, int], list[Edge]]) -> bool:
    """A white box is a cell's own background, closing it where no line is drawn (a row cut by a page
    break), when two opposite sides lie on visible rulings and each undrawn side lies at the end of
    those rulings. Word's shading strips, inset from the borders or stopping inside a merged
    cell, draw nothing and are no ruling. ``seen``: visible edges by orientation and rounded position."""
    if not box:
        return False
    x0, x1 = min(e.x0 for e in box), max(e.x1 for e in box)
    top, bottom = min(e.top for e in box), max(e.bottom for e in box)

    def ruled(orientation: str, at: float, lo: float, hi: float) -> Edge | None:
        for k in range(round(at - _ON), round(at + _ON) + 1):
            for e in seen.get((orientation, k), ()):
                pos, a, b = (e.x0, e.top, e.bottom) if orientation == "v" else (e.top, e.x0, e.x1)
                if abs(pos - at) <= _ON and min(b, hi) - max(a, lo) >= 0.5 * (hi - lo):
                    return e
        return None

    left, right = ruled("v", x0, top, bottom), ruled("v", x1, top, bottom)
    upper, lower = ruled("h", top, x0, x1), ruled("h", bottom, x0, x1)
    if left and right and (upper is None or lower is None):
        return (upper is not None or abs(left.top - top) <= _ON and abs(right.top - top) <= _ON) and \
            (lower is not None or abs(left.bottom - bottom) <= _ON and abs(right.bottom - bottom) <= _ON)
    if upper and lower and (left is None or right is None):
        return (left is not None or abs(upper.x0 - x0) <= _ON and abs(lower.x0 - x0) <= _ON) and \
            (right is not None or abs(upper.x1 - x1) <= _ON and abs(lower.x1 - x1) <= _ON)
    return False            # all four sides drawn already, or a strip inside a cell


def _by_position(edges: list[Edge]) -> dict[tuple[str, int], list[Edge]]:
    out: dict[tuple[str, int], list[Edge]] = {}
    for e in edges:
        out.setdefault((e.orientation, round(e.x0 if e.orientation == "v" else e.top)), []).append(e)
    return out


def _visible(handle, painted: int, get_color) -> bool:
    """A fill or stroke that shows on the page: painted, not transparent, not white. Word shades header
    cells with white boxes inset from their borders; they draw nothing, so they are no ruling."""
    if not painted:
        return False
    r, g, b, a = _RGBA
    if not get_color(handle, *_RGBAA):
        return True
    return a.value > 0 and min(r.value, g.value, b.value) < _WHITE


def _add(out: list[Edge], p: tuple[float, float], q: tuple[float, float]) -> None:
    (px, py), (qx, qy) = p, q
    if abs(py - qy) <= _AXIS_TOL and abs(px - qx) > _AXIS_TOL:
        out.append(Edge("h", min(px, qx), (py + qy) / 2, max(px, qx), (py + qy) / 2))
    elif abs(px - qx) <= _AXIS_TOL and abs(py - qy) > _AXIS_TOL:
        out.append(Edge("v", (px + qx) / 2, min(py, qy), (px + qx) / 2, max(py, qy)))

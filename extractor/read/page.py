"""The page object model shared by every later stage: characters, ruling edges, text lines.

Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's convention):
``top`` grows downwards.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float = 1.0     # OCR's confidence in the character (1.0 for a text layer)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def char_maker():
    """A function making ``Char(text, x0, top, x1, bottom)`` the way the frozen dataclass's ``__init__``
    does (the same slots, confidence 1.0) but through the slot descriptors: its checked attribute
    writes cost more than reading the character from the PDF (the reader makes thousands a page)."""
    slot = Char.__dict__
    text, x0, top, x1, bottom, confidence = (slot[k].__set__ for k in
                                             ("text", "x0", "top", "x1", "bottom", "confidence"))
    new = object.__new__

    def make(t: str, a: float, b: float, c: float, d: float) -> Char:
        ch = new(Char)
        text(ch, t)
        x0(ch, a)
        top(ch, b)
        x1(ch, c)
        bottom(ch, d)
        confidence(ch, 1.0)
        return ch
    return make


@dataclass(frozen=True, slots=True)
class Edge:
    """A horizontal ("h") or vertical ("v") ruling segment, from a line or a side of a rectangle."""
    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Seal:
    """A seal (财务专用章 …) found on a scanned page by its colour: its box, and the colour's name."""
    x0: float
    top: float
    x1: float
    bottom: float
    colour: str


@dataclass(slots=True)
class TextLine:
    """Characters that share a baseline band, left to right."""
    chars: list[Char]

    @property
    def text(self) -> str:
        return join_chars(self.chars)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1


@dataclass(slots=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    ocr: bool = False           # read from the page image (a scan), not from a text layer
    seals: list[Seal] = field(default_factory=list)     # seals on the page image, taken out before OCR
    text_objects: int = -1      # text objects the page draws inside its clip (-1: the reader does not count):
                                # many and not one character read is text lost, not a blank page
    # the characters sorted by their centre's height, built on the first query (see chars_in) and again
    # when ``chars`` is replaced or changes length
    _by_cy: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def lines(self, bbox: tuple[float, float, float, float] | None = None) -> list[TextLine]:
        chars = self.chars if bbox is None else self.chars_in(bbox)
        return lines_of(chars)

    def chars_in(self, bbox: tuple[float, float, float, float]) -> list[Char]:
        """``chars_in(self.chars, bbox)``, from an index by height: a page is asked for the text of
        each cell and caption band, and a scan of all its characters per question adds up."""
        _, _, cys, order, cxs = self._index()
        if cys is None:
            return chars_in(self.chars, bbox)
        x0, top, x1, bottom = bbox
        lo, hi = bisect_left(cys, top), bisect_right(cys, bottom)
        chars = self.chars
        if hi - lo == len(cys):     # every centre is within the height: only the width decides
            return [c for c, cx in zip(chars, cxs) if x0 <= cx <= x1]
        picked = sorted(k for k in order[lo:hi] if x0 <= cxs[k] <= x1)
        return [chars[k] for k in picked]

    def by_height(self) -> tuple[list[Char], list[float]]:
        """The characters in order of their centre's height (a stable sort), with those heights: the
        order the index of ``chars_in`` already holds."""
        _, _, cys, order, _ = self._index()
        if cys is None:
            chars = sorted(self.chars, key=_centre_height)
            return chars, [_centre_height(c) for c in chars]
        chars = self.chars
        return [chars[k] for k in order], cys

    def _index(self) -> tuple:
        index = self._by_cy
        if index is None or index[0] is not self.chars or index[1] != len(self.chars):
            index = self._by_cy = _index_by_cy(self.chars)
        return index


def _index_by_cy(chars: list[Char]) -> tuple:
    """(the list, its length, sorted centre heights, character positions in that order, centre x of
    each character); no index (None) where a height is not a number, which no sort can place."""
    cys = [(c.top + c.bottom) / 2 for c in chars]      # c.cy, c.cx without the property calls
    if any(v != v for v in cys):
        return chars, len(chars), None, None, None
    order = sorted(range(len(cys)), key=cys.__getitem__)
    return chars, len(chars), [cys[k] for k in order], order, [(c.x0 + c.x1) / 2 for c in chars]


def chars_in(chars: list[Char], bbox: tuple[float, float, float, float]) -> list[Char]:
    """Characters whose centre lies inside bbox."""
    x0, top, x1, bottom = bbox
    return [c for c in chars if x0 <= c.cx <= x1 and top <= c.cy <= bottom]


def lines_of(chars: list[Char]) -> list[TextLine]:
    """Group characters into lines: a character joins a line when their vertical extents overlap by half.
    A glyph box far taller than the text's (some fonts give digits and quotes a box reaching over two
    tightly set lines) would join both lines into one: it goes to the line whose middle is nearest."""
    if not chars:
        return []
    if len(chars) == 1:
        return [TextLine(list(chars))]      # what the rest makes of one character
    heights = sorted([c.bottom - c.top for c in chars])
    limit = _TALL * heights[(len(heights) - 1) // 2]
    tall = [c for c in chars if c.bottom - c.top > limit] if heights[-1] > limit > 0 else []
    bands = _bands([c for c in chars if c.bottom - c.top <= limit] if tall else chars)
    rest = []
    for c in tall:
        near = [band for band in bands if min(band[1], c.bottom) - max(band[0], c.top) >= 0.5 * (band[1] - band[0])]
        if near:
            min(near, key=lambda band: abs((band[0] + band[1]) / 2 - c.cy))[2].append(c)
        else:
            rest.append(c)
    return [TextLine(sorted(members, key=_X0))
            for _, _, members in sorted(bands + _bands(rest) if rest else bands, key=_FIRST)]


_TALL = 1.6     # a glyph box this many times the median height is taller than its line
_X0 = attrgetter("x0")
_FIRST = itemgetter(0)


def _centre_height(c: Char) -> float:
    return (c.top + c.bottom) / 2


def _centre_key(c: Char) -> tuple[float, float]:
    return ((c.top + c.bottom) / 2, c.x0)      # (c.cy, c.x0) without the property call


def _bands(chars: list[Char]) -> list[list]:
    """[top, bottom, members] of each run of characters whose vertical extents overlap by half.
    Characters come by height, so a band whose bottom lies more than the tallest character above the
    current centre can take no more: it leaves the bands searched (the result is the same). The
    two-value min and max are spelled out (same values: min keeps the first unless the second is less)."""
    bands: list[list] = []
    active: list[list] = []         # the bands a later character may still join, in creation order
    prune = len(chars) > _FEW
    if prune:
        heights = [c.bottom - c.top for c in chars]
        reach = max(heights) + 1.0
        prune = all(h >= 0 for h in heights) and reach < float("inf")   # odd boxes: search every band
    kept = 0
    for c in sorted(chars, key=_centre_key):
        if prune and len(active) > kept + 6:
            floor = c.cy - reach
            active = [band for band in active if band[1] >= floor]
            kept = len(active)
        top, bottom = c.top, c.bottom
        h = bottom - top
        for band in active:
            t, b, members = band
            hi = bottom if bottom < b else b            # min(b, bottom)
            lo = top if top > t else t                  # max(t, top)
            d = b - t
            if hi - lo >= 0.5 * (d if d < h else h):    # min(h, b - t)
                members.append(c)
                band[0] = top if top < t else t         # min(t, top)
                band[1] = bottom if bottom > b else b   # max(b, bottom)
                break
        else:
            band = [top, bottom, [c]]
            bands.append(band)
            active.append(band)
    return bands


_FEW = 24       # characters: below this the bands are too few to be worth retiring


def join_chars(chars: list[Char]) -> str:
    """Text of one line: a space where the gap between two characters is wide, none next to CJK."""
    parts: list[str] = []
    prev: Char | None = None
    for c in chars:
        if c.text == " ":
            if parts and parts[-1] != " ":
                parts.append(" ")
            continue
        if prev is not None and not (parts and parts[-1] == " "):
            gap = c.x0 - prev.x1
            size = max(prev.bottom - prev.top, 1.0)
            if gap > 0.35 * size and not (_CJK.match(prev.text) and _CJK.match(c.text) and gap < 1.2 * size):
                parts.append(" ")
        parts.append(c.text)
        prev = c
    return "".join(parts)


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))

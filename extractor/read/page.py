"""The page object model shared by every later stage: characters, ruling edges, text lines.

Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's convention):
``top`` grows downwards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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

    def lines(self, bbox: tuple[float, float, float, float] | None = None) -> list[TextLine]:
        chars = self.chars if bbox is None else chars_in(self.chars, bbox)
        return lines_of(chars)


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
    heights = sorted(c.bottom - c.top for c in chars)
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
    return [TextLine(sorted(members, key=lambda c: c.x0))
            for _, _, members in sorted(bands + _bands(rest), key=lambda band: band[0])]


_TALL = 1.6     # a glyph box this many times the median height is taller than its line


def _bands(chars: list[Char]) -> list[list]:
    """[top, bottom, members] of each run of characters whose vertical extents overlap by half."""
    bands: list[list] = []
    for c in sorted(chars, key=lambda c: (c.cy, c.x0)):
        h = c.bottom - c.top
        for band in bands:
            t, b, members = band
            if min(b, c.bottom) - max(t, c.top) >= 0.5 * min(h, b - t):
                members.append(c)
                band[0], band[1] = min(t, c.top), max(b, c.bottom)
                break
        else:
            bands.append([c.top, c.bottom, [c]])
    return bands


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

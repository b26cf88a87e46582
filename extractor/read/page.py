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

    def lines(self, bbox: tuple[float, float, float, float] | None = None) -> list[TextLine]:
        chars = self.chars if bbox is None else chars_in(self.chars, bbox)
        return lines_of(chars)


def chars_in(chars: list[Char], bbox: tuple[float, float, float, float]) -> list[Char]:
    """Characters whose centre lies inside bbox."""
    x0, top, x1, bottom = bbox
    return [c for c in chars if x0 <= c.cx <= x1 and top <= c.cy <= bottom]


def lines_of(chars: list[Char]) -> list[TextLine]:
    """Group characters into lines: a character joins a line when their vertical extents overlap by half."""
    out: list[TextLine] = []
    bands: list[tuple[float, float, list[Char]]] = []
    for c in sorted(chars, key=lambda c: (c.cy, c.x0)):
        h = c.bottom - c.top
        for i, (t, b, members) in enumerate(bands):
            overlap = min(b, c.bottom) - max(t, c.top)
            if overlap >= 0.5 * min(h, b - t):
                members.append(c)
                bands[i] = (min(t, c.top), max(b, c.bottom), members)
                break
        else:
            bands.append((c.top, c.bottom, [c]))
    for _, _, members in sorted(bands, key=lambda band: band[0]):
        out.append(TextLine(sorted(members, key=lambda c: c.x0)))
    return out


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

"""Cell text: characters inside a cell, lines joined the way a reader would join them."""
from __future__ import annotations

from ..read.page import Char, lines_of
from ..text.clean import clean


def cell_text(chars: list[Char]) -> str:
    lines = [l.text for l in lines_of(chars)]
    if not lines:
        return ""
    out = lines[0]
    for nxt in lines[1:]:
        # wrapped names join without a separator; two ASCII words keep a space between them
        sep = " " if out and nxt and out[-1].isascii() and nxt[0].isascii() and out[-1].isalnum() and nxt[0].isalnum() else ""
        out += sep + nxt
    return clean(out)

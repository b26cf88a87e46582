"""Cell text: characters inside a cell, lines joined the way a reader would join them."""
from __future__ import annotations

import re

from ..read.page import Char, lines_of

_WS_NEXT_TO_WIDE = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")


def clean(text: str) -> str:
    """No whitespace next to a CJK/full-width character; other runs of whitespace become one space."""
    text = _WS_NEXT_TO_WIDE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


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

"""Text as a reader would join it: the spacing rule shared by titles (find) and cells (grid)."""
from __future__ import annotations

import re

_WS_NEXT_TO_WIDE = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")


def clean(text: str) -> str:
    """No whitespace next to a CJK/full-width character; other runs of whitespace become one space."""
    text = _WS_NEXT_TO_WIDE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()

"""Tables printed without ruling lines: a catalog title, then lines of aligned numbers below it."""
from __future__ import annotations

import re

from .. import catalog
from ..text.clean import clean
from ..text.amounts import is_amount
from ..read import PageContent, TextLine
from ..settings import Settings
from .regions import Region
from .titles import match_title, unit_of


_TITLE_HINT = re.compile(r"(?:总|情况|预算|明细|决算|支出|收入)表")


def _words(line: TextLine) -> list[str]:
    return [w for w in line.text.split(" ") if w]


def _prose(line: TextLine) -> bool:
    """A line of a paragraph (…增加2043.58万元，增长10.95%。): its amounts are not a table's."""
    return len(line.text) >= 12 and _SENTENCE.search(line.text) is not None


_SENTENCE = re.compile(r"[，。；]")


def _numeric(line: TextLine) -> int:
    return sum(is_amount(w) for w in _words(line))


def find_unruled(page: PageContent, ruled: list[Region], settings: Settings) -> list[Region]:
    """Stream regions: below each catalog title that no ruled region follows, the block of lines down to
    the next title or the first run of prose. Pages without the character 表 cost one scan of their text."""
    if not _TITLE_HINT.search("".join(c.text for c in page.chars)):
        return []
    lines = [l for l in page.lines() if l.bottom > 0 and l.top < page.height]   # text set off the page is not printed
    out: list[Region] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = match_title(clean(line.text), settings) \
            if "表" in line.text and len(line.text) < 60 and not catalog.not_a_title(line.text) else None
        if m is None:
            i += 1
            continue
        if any(0 <= r.bbox[1] - line.bottom < settings.title_search_height * 2 or r.bbox[1] <= line.top <= r.bbox[3]
               for r in ruled):
            i += 1
            continue
        block: list[TextLine] = []
        j = i + 1
        while j < len(lines) and (unit_of(lines[j].text) or "编制" in lines[j].text or "部门" in lines[j].text[:6]) \
                and not _numeric(lines[j]):
            j += 1
        data_seen = False
        while j < len(lines):
            nxt = lines[j]
            if match_title(clean(nxt.text), settings) and "表" in nxt.text:
                break
            if nxt.text.startswith(("注", "说明")):
                break
            numeric = _numeric(nxt)
            if numeric:
                data_seen = True
            elif data_seen and len(nxt.text) > 40:   # a paragraph of prose ends the table
                break
            block.append(nxt)
            j += 1
        if sum(_numeric(l) > 0 for l in block) >= 2 and sum(map(_prose, block)) * 2 < len(block):
            x0 = min(l.x0 for l in block) - 1
            x1 = max(l.x1 for l in block) + 1
            out.append(Region(page.number, (x0, block[0].top - 1, x1, block[-1].bottom + 1), [], parser="stream"))
        i = j
    return out

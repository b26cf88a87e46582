"""The text printed around a ruled region: its title (matched to the catalog), unit, department and note."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import catalog
from ..grid.text import clean
from ..read import PageContent, TextLine
from ..settings import Settings
from .regions import Region


@dataclass
class Caption:
    title: str | None = None
    type: str = "unknown"
    score: float = 0.0
    unit: str | None = None
    department: str | None = None
    note: str | None = None


@lru_cache(maxsize=None)
def _unit_re() -> re.Pattern:
    return re.compile(catalog.load("document")["unit"]["pattern"])


@lru_cache(maxsize=None)
def _dept_re() -> re.Pattern:
    labels = sorted(catalog.load("document")["department"]["labels"], key=len, reverse=True)
    alt = "|".join(re.escape(x) for x in labels)
    return re.compile(rf"(?:{alt})\s*[：:]\s*(.+?)(?=\s*(?:金额)?单位\s*[：:]|\s{{2,}}|$)")


def reads_as_title(text: str) -> bool:
    """Does the text end the way a table title does (…表, …表（含转移支付项目）)?"""
    return bool(_TITLE_END.search(text))


def without_qualifier(text: str) -> str:
    """The title without a bracketed qualifier printed after the form name (…表（一级项目）, …表（续）)."""
    return _TRAILING_QUALIFIER.sub("", text)


def match_title(text: str, settings: Settings) -> catalog.Match | None:
    return catalog.title_index().match(text, settings.title_cutoff)


def unit_of(text: str) -> str | None:
    m = _unit_re().search(text)
    return m.group(1) if m else None


@lru_cache(maxsize=None)
def _dept_bare_re() -> re.Pattern:
    """部门（单位）名称    西安市气象局: a label of four characters or more opening the line, a gap and one
    word, no colon (the short 部门 alone would take the first word of any line)."""
    labels = sorted((x for x in catalog.load("document")["department"]["labels"] if len(x) >= 4), key=len, reverse=True)
    alt = "|".join(re.escape(x) for x in labels)
    return re.compile(rf"^\s*(?:{alt})\s+([^\s：:]*[\u4e00-\u9fff][^\s：:]*)(?=\s*(?:金额)?单位\s*[：:]|\s{{2,}}|$)")


def department_of(text: str) -> str | None:
    m = _dept_re().search(text)
    if m is None:
        m = _dept_bare_re().search(text)
        if m is None or m.group(1).endswith("名称"):      # 单位名称 项目名称 …: a header, not a label and value
            return None
    value = catalog.norm_label(m.group(1)).strip("：:")
    return value or None


# a title ends at its last 表; a bracketed qualifier right after it is part of the title
# (项目支出绩效目标表（含转移支付项目）), as is a closing bracket around the whole title; （续） is not
_QUALIFIER = r"(?:[（(](?!续)[^（）()]{1,20}[）)]|[)）])?"
_TITLE_END = re.compile(rf"表{_QUALIFIER}$")
_TRAILING_QUALIFIER = re.compile(r"[（(][^（）()]{1,20}[）)]$")
_TITLE_HEAD = re.compile(rf".*表{_QUALIFIER}")

_LABEL_CUT = re.compile(r"\s*(?:编制部门|编制单位|部门名称|单位名称|部门（单位）|部门|金额单位|单位)\s*[：:].*$")


def _candidates(lines: list[TextLine]) -> list[str]:
    """Each line, and each pair of neighbouring lines (titles printed as 公开01表 / 收支预算总表); a title
    sharing its line with 部门：… 单位：… is cut before those labels."""
    texts = [_LABEL_CUT.sub("", l.text) or l.text for l in lines]
    out = list(texts)
    out += [a + b for a, b in zip(texts, texts[1:])]
    return out


def caption_for(page: PageContent, region: Region, above: float, below: float, settings: Settings) -> Caption:
    """Read the band of text between ``above`` (bottom of the previous region or 0) and the region,
    and the band between the region and ``below`` for a note."""
    cap = Caption()
    x0, top, x1, bottom = region.bbox
    band = [l for l in page.lines((0, max(above, top - settings.title_search_height * 2), page.width, top))]
    band += _caption_cells(page, region)
    best: catalog.Match | None = None
    best_text = None
    for text in _candidates(band):
        if unit_of(text) and not ("表" in text and len(text) > 8):
            continue
        m = match_title(text, settings)
        if m and (best is None or m.score > best.score):
            best, best_text = m, text
    for line in band:
        cap.unit = unit_of(line.text) or cap.unit
        cap.department = department_of(line.text) or cap.department
    if best is not None:
        cap.title, cap.type, cap.score = clean(best_text), best.value, best.score
    else:
        # keep the nearest line that reads like a table title, typed unknown
        for line in reversed(band):
            t = clean(line.text)
            if reads_as_title(t):
                cap.title = t
                break
        else:   # a title with words after it on the line (…绩效目标表 一级项目)
            for line in reversed(band):
                t = clean(_LABEL_CUT.sub("", line.text))
                if "表" in t and len(t) <= 40 and not unit_of(line.text) and not t.startswith(("注", "说明")):
                    cap.title = _TITLE_HEAD.match(t).group(0)
                    break
    cap.note = _note(page, bottom, min(below, bottom + settings.note_search_height * 3))
    return cap


def _caption_cells(page: PageContent, region: Region) -> list[TextLine]:
    """Lines in the top rows of the region that hold at most one piece of text: titles, table numbers
    and unit lines drawn inside the table frame."""
    rows: dict[float, list] = {}
    for cell in region.cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    out: list[TextLine] = []
    for top in sorted(rows)[:5]:
        texts = [(cell, page.lines(cell)) for cell in rows[top]]
        filled = [(cell, lines) for cell, lines in texts if lines]
        if len(filled) > 1:
            break
        for _, lines in filled:
            out += lines
    return out


def _note(page: PageContent, start: float, stop: float) -> str | None:
    prefixes = tuple(catalog.norm_label(p) for p in catalog.load("document")["note"]["prefixes"])
    lines = page.lines((0, start, page.width, stop))
    out: list[str] = []
    last_bottom = None
    for line in lines:
        text = line.text.strip()
        if not out:
            if catalog.norm_label(text).startswith(prefixes) and line.top - start < 40:
                out.append(text)
                last_bottom = line.bottom
            continue
        if last_bottom is not None and line.top - last_bottom > 1.2 * (line.bottom - line.top):
            if not catalog.norm_label(text).startswith(prefixes):
                break
        out.append(text)
        last_bottom = line.bottom
    if not out:
        return None
    return re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", " ".join(out))

"""The text printed around a ruled region: its title (matched to the catalog), unit, department and note."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import catalog
from ..text.clean import clean
from ..read import PageContent, TextLine
from ..settings import Settings
from .regions import Region
from .title_forms import best_match, without_number


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
    """The title without a table number or a bracketed qualifier printed after the form name
    (…表（预算表11）, …表（一级项目）, …表（续））."""
    return _TRAILING_QUALIFIER.sub("", without_number(text))


def match_title(text: str, settings: Settings) -> catalog.Match | None:
    """The catalog type of a title, as printed or without the words around its form name (title_forms)."""
    return best_match(text, settings.title_cutoff)


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
    band = _after_prose(_plain(page.lines((0, max(above, top - settings.title_search_height * 2), page.width, top))))
    cells = _plain(_caption_cells(page, region))
    best, best_text = _best_title(band + cells, settings)
    if best is not None and best_text not in _candidates(band) and _lists_titles(page, region, settings):
        best, best_text = _best_title(band, settings)   # the top row of an index of titles is an entry
    band += cells
    _read_unit_and_department(cap, band)
    if best is not None:
        cap.title, cap.type, cap.score = clean(best_text), best.value, best.score
    else:
        # keep the nearest line that reads like a table title, typed unknown
        for line in reversed(band):
            t = clean(line.text)
            if reads_as_title(t) and not catalog.not_a_title(t):
                cap.title = t
                break
        else:   # a title with words after it on the line (…绩效目标表 一级项目)
            for line in reversed(band):
                t = clean(_LABEL_CUT.sub("", line.text))
                if "表" in t and len(t) <= 40 and not unit_of(line.text) and not t.startswith(("注", "说明")) \
                        and not catalog.not_a_title(t):
                    cap.title = _TITLE_HEAD.match(t).group(0)
                    break
        if region.cells:
            cap.type = header_type(page, region)
    cap.note = _note(page, bottom, min(below, bottom + settings.note_search_height * 3))
    return cap


def _best_title(lines: list[TextLine], settings: Settings) -> tuple[catalog.Match | None, str | None]:
    """The best catalog match among the lines and pairs of lines; of equal scores the one nearest the
    table (a numbered heading 一、收支预算总表 over the title 2026年度收支预算总表 is not the title)."""
    best: catalog.Match | None = None
    best_text = None
    single = len(lines)
    texts = _candidates(lines)
    for text in texts[:single][::-1] + texts[single:][::-1]:
        if unit_of(text) and not ("表" in text and len(text) > 8):
            continue
        if catalog.not_a_title(text):
            continue        # 一、收支预算总表情况说明 · …见下表： · 八、一般公共预算支出预算表……12
        m = match_title(text, settings)
        if m and (best is None or m.score > best.score):
            best, best_text = m, text
    return best, best_text


def _read_unit_and_department(cap: Caption, lines: list[TextLine]) -> None:
    """单位：万元 and 部门：…, also where the unit is wrapped over two lines (单位：万 / 元)."""
    for k, line in enumerate(lines):
        cap.unit = unit_of(line.text) or cap.unit
        if k + 1 < len(lines) and _UNIT_OPEN.search(line.text) and not unit_of(line.text):
            cap.unit = unit_of(line.text + lines[k + 1].text) or cap.unit
        cap.department = department_of(line.text) or cap.department


_UNIT_OPEN = re.compile(r"单位\s*[：:]\s*(?:万|千)?\s*$")


def _plain(lines: list[TextLine]) -> list[TextLine]:
    """The lines without glyphs whose box is far taller than their line's (a header cell's wrapped
    vertical text can report boxes reaching up through the title line, and would be read into it)."""
    out = []
    for line in lines:
        heights = sorted(c.bottom - c.top for c in line.chars)
        limit = 3 * heights[(len(heights) - 1) // 2]
        kept = [c for c in line.chars if c.bottom - c.top <= limit]
        if kept:
            out.append(line if len(kept) == len(line.chars) else TextLine(kept))
    return out


_PROSE = re.compile(r"[，。；]")


def _after_prose(lines: list[TextLine]) -> list[TextLine]:
    """The lines below the last paragraph of prose: a title is printed right above its table, so a
    heading above a paragraph (二、收入预算总表情况 / 本表反映……) is not the title of a table below it."""
    for k in range(len(lines) - 1, -1, -1):
        text = lines[k].text
        if len(catalog.norm_label(text)) >= 12 and _PROSE.search(text) and not unit_of(text) \
                and not department_of(text):
            return lines[k + 1:]
    return lines


def _lists_titles(page: PageContent, region: Region, settings: Settings) -> bool:
    """A ruled table of contents (报表目录): the first cells of several rows are table titles, so the
    one in its top row names an entry, not the table."""
    rows: dict[float, list] = {}
    for cell in region.cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    hits = 0
    for top in sorted(rows)[:8]:
        for cell in sorted(rows[top]):
            text = " ".join(l.text for l in page.lines(cell))
            if text.strip():
                hits += match_title(text, settings) is not None and "表" in text
                break
    return hits >= 3


def header_type(page: PageContent, region: Region) -> str:
    """An untitled list typed by its first header row (tables.toml ``headers``): 序号 | 单位名称 | 拟变动情况."""
    rows: dict[float, list] = {}
    for cell in region.cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    for top in sorted(rows)[:3]:
        texts = [t for t in (" ".join(l.text for l in page.lines(cell)) for cell in sorted(rows[top])) if t.strip()]
        if len(texts) >= 2:
            return catalog.type_by_header(texts) or "unknown"
    return "unknown"


def trailing_title(page: PageContent, regions: list[Region], settings: Settings) -> Caption | None:
    """A catalog title printed at the foot of a page with no table under it (the table starts on the
    next page): the caption that the next page's untitled first table takes (``carried_caption``)."""
    start = max((r.bbox[3] for r in regions), default=0.0)
    if not any(c.text == "表" and c.top >= start for c in page.chars):
        return None                                        # every title names a 表: most pages stop here
    lines = _plain(page.lines((0, start, page.width, page.height)))
    while lines and _FOLIO.match(catalog.norm_label(lines[-1].text)):
        lines.pop()                                        # the page number
    labels: list[TextLine] = []
    while lines and len(labels) < 2 and (unit_of(lines[-1].text) or department_of(lines[-1].text)):
        labels.insert(0, lines.pop())                      # 部门：…  单位：万元
    if not lines:
        return None
    best, text = _best_title(lines[-2:], settings)
    if best is None or clean(text) not in (clean(lines[-1].text), clean("".join(l.text for l in lines[-2:]))):
        return None                                        # the title must be the last words above the labels
    cap = Caption(title=clean(text), type=best.value, score=best.score)
    _read_unit_and_department(cap, labels)
    return cap


def carried_caption(carried: Caption | None, page: PageContent, region: Region, cap: Caption) -> Caption:
    """The first table of a page takes the title left at the foot of the previous page when it has none
    of its own (a type read from its header row gives way to the title's) and nothing but a running
    header stands above it."""
    if carried is None or cap.title is not None:
        return cap
    above = [l for l in page.lines((0, 0, page.width, region.bbox[1])) if not _FOLIO.match(catalog.norm_label(l.text))]
    if len(above) > 2 or any(_PROSE.search(l.text) for l in above):
        return cap
    out = Caption(carried.title, carried.type, carried.score, cap.unit or carried.unit,
                  cap.department or carried.department, cap.note)
    return out


_FOLIO = re.compile(r"^[-—－]*\d{1,3}[-—－]*$")


def _caption_cells(page: PageContent, region: Region) -> list[TextLine]:
    """Lines in the top rows of the region that hold at most one piece of text: titles, table numbers
    and unit lines drawn inside the table frame; or only labels (编制部门：… | 单位：万元 in the frame's
    first row)."""
    rows: dict[float, list] = {}
    for cell in region.cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    out: list[TextLine] = []
    for top in sorted(rows)[:5]:
        texts = [(cell, page.lines(cell)) for cell in rows[top]]
        filled = [(cell, lines) for cell, lines in texts if lines]
        if len(filled) > 1 and not all(unit_of(line.text) or department_of(line.text)
                                       for _, lines in filled for line in lines):
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

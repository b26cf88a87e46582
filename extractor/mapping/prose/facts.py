"""What the text says: every figure printed in the prose (outside table regions), as a ``Fact``.

The prose of a disclosure states its figures in a few fixed shapes: ``<label><number><unit>`` (收入预算
37,151.47万元), followed by its change (比上年增加X万元，增长Y%, 与上年持平), its share (占本年支出预算91.54%),
the comparison base (比2025年年初预算数4464.03万元) and the reason (主要原因是…). A figure's label is the text
between the previous clause boundary and the number; its key comes from ``catalog/facts.toml``, from the
label itself or, when the label says only 预算数, from the heading of its numbered paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ... import catalog
from ...models import Fact
from ...read.page import Char, PageContent, join_chars
from ...text.amounts import to_json_number


@dataclass(slots=True)
class ProseLine:
    page: int
    text: str
    ends: bool = False      # the line stops short of the right margin: a heading or a paragraph's last line


@dataclass
class Prose:
    """The facts of a document, with what the checks need besides: every sentence (for 空表说明) and,
    per fact index, the index of the fact its share is of."""
    facts: list[Fact] = field(default_factory=list)
    section_start: int = 0                  # index of the first fact under the current 一、 heading
    last_change: Fact | None = None         # the fact whose change the sentence stated last (its rate follows)
    sentences: list[tuple[int, str]] = field(default_factory=list)
    share_base: dict[int, int] = field(default_factory=dict)
    not_department: set[int] = field(default_factory=set)   # facts of a project or performance section
    context: dict[int, str] = field(default_factory=dict)   # per fact: its section and paragraph headings


_FOOTER = re.compile(r"^[-—–\s]*\d+[-—–\s]*$|^第\s*\d+\s*页|^\d+\s*/\s*\d+$")
_MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*[.、．](?!\d)|"
                     r"第[一二三四五六七八九十]+部分)")
_TOP = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+部分)")
_FIGURE_LIKE = re.compile(r"\d\s*(?:万|元|%|％|辆|人)|[。；;，,]\s*$")
_HEADING_PREFIX = re.compile(r"^.*(?:说明|情况)(?:[(（][^)）]*[)）])?(?=\d{4}\s*年)")
_FULL = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_SENTENCE_END = "。；;！？!?\n"
_CLAUSE = re.compile(r"[，,；;：:。、\n]")
_LAST_CLAUSE = re.compile(r"[，,；;：:。、\n](?=[^，,；;：:。、\n]*$)")   # searched up to a figure: its label's start
_SPACE_NEAR_CJK = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")
_YEAR = re.compile(r"(\d{4})\s*年\s*度?")
_TAIL = re.compile(r"(?:为|是|达|约|计|共|合计|共计|总计为)$")
_MEASURE = re.compile(r"^(?:支出|收入)?(?:年初预算|决算|预算数)数?$")   # the other measure of the same subject
_GENERIC = re.compile(r"^(?:本年|当年|全年|年初)?(?:预算|决算|安排|执行)?(?:数|金额|总额|资金)?$")


def prose_lines(page: PageContent, regions) -> list[ProseLine]:
    """The page's text lines outside its table regions (a lone boxed line, ``fragment``, is prose)."""
    boxes = [(x0 - 1, top - 1, x1 + 1, bottom + 1) for x0, top, x1, bottom in
             (r.bbox for r in regions if not getattr(r, "fragment", False))]
    chars = page.chars
    for x0, t, x1, b in boxes:      # doubled bounds: the centre test without the property calls
        x0, t, x1, b = 2 * x0, 2 * t, 2 * x1, 2 * b
        chars = [c for c in chars if not (t <= c.top + c.bottom <= b and x0 <= c.x0 + c.x1 <= x1)]
    if not any(c.text.isdigit() or c.text in "空无" for c in chars):
        return []                   # no figure and no 空表说明 on the page: nothing the facts read
    lines = _lines(chars)
    if not lines:
        return []
    left, right = min(line[0].x0 for line in lines), max(line[-1].x1 for line in lines)
    short = 0.25 * (right - left)
    out = []
    for line in lines:
        text, size = join_chars(line), line[0].bottom - line[0].top
        gap = right - line[-1].x1
        heading = _MARKER.match(text) and not _FIGURE_LIKE.search(text) and gap > 2 * size
        out.append(ProseLine(page.number, text, bool(heading) or gap > max(short, 8 * size)))
    return out


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into lines, in one pass over them sorted by height on the page: prose lines do
    not interleave, so a character can only join one of the last lines opened (``read.page.lines_of``
    compares with every line, which tables need and prose does not)."""
    bands: list[list] = []
    for c in sorted(chars, key=lambda c: (c.top + c.bottom, c.x0)):
        if c.text == " " and not bands:
            continue
        h = c.bottom - c.top
        for band in bands[-1:-3:-1]:
            t, b = band[0], band[1]
            if min(b, c.bottom) - max(t, c.top) >= 0.5 * min(h, b - t):
                band[2].append(c)
                band[0], band[1] = min(t, c.top), max(b, c.bottom)
                break
        else:
            bands.append([c.top, c.bottom, [c]])
    return [sorted(members, key=lambda c: c.x0) for _, _, members in bands
            if any(not ch.text.isspace() for ch in members)]


@lru_cache(maxsize=None)
def _cfg() -> dict:
    raw = catalog.load("facts")
    parse = raw["parse"]
    units = "|".join(re.escape(u) for u in sorted(parse["units"], key=len, reverse=True))
    entries = [(f["key"], tuple(re.compile(p) for p in f["patterns"]), frozenset(f.get("units", ())),
                re.compile(f["context"]) if f.get("context") else None) for f in raw["fact"]]
    return {
        "figure": re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(" + units + ")"),
        "threshold": re.compile(parse["threshold_after"]),
        "up": re.compile(parse["change_up"]), "down": re.compile(parse["change_down"]),
        "flat": re.compile(parse["flat"]), "base": re.compile(parse["compare_base"]),
        "share": re.compile(parse["share"]), "reason": re.compile(parse["reason"]),
        "lead": re.compile(parse["lead"]), "compared": re.compile(parse["compared"]),
        "change_only": re.compile(parse["change_only"]),
        "subject_of_change": re.compile(parse["subject_of_change"]),
        "last_year": re.compile(parse["last_year"]), "change_first": re.compile(parse["change_first"]),
        "not_department": re.compile(raw["scope"]["not_department"]), "money": {u: Decimal(v) for u, v in parse["money"].items()},
        "entries": entries, "contexts": tuple({e[3].pattern: e[3] for e in entries if e[3] is not None}.values()),
    }


def money_factor(unit: str) -> Decimal | None:
    """元 per printed unit (万元 -> 10000), None for counts and shares."""
    return _cfg()["money"].get(unit)


def normal_label(label: str) -> tuple[str, int | None]:
    """(matching form, year printed in it): no spaces or quotes, ASCII brackets, no year, no 其中/为."""
    text = catalog.norm_label(label)
    years = list(_YEAR.finditer(text))
    year = years[-1] if years else None
    if year and year.end() < len(text) and not _GENERIC.match(text[year.end():]):
        text = text[year.end():]          # 江苏省委办公厅2018年财政拨款预算支出: what follows the year
    text = _YEAR.sub("", text)
    text = _cfg()["lead"].sub("", text, count=1)
    text = _TAIL.sub("", text)
    return text, int(year.group(1)) if year else None


def classify(label: str, unit: str, context: str = "") -> str | None:
    text, _ = normal_label(label)
    if not text:
        return None
    contexts = frozenset(c.pattern for c in _cfg()["contexts"] if c.search(text) or c.search(catalog.norm_label(context)))
    return _classify(text, unit, contexts)


@lru_cache(maxsize=4096)
def _classify(text: str, unit: str, contexts: frozenset[str]) -> str | None:
    """The first catalog entry the label's normal form matches, its context (if any) among ``contexts``."""
    for key, patterns, units, ctx in _cfg()["entries"]:
        if units and unit not in units:
            continue
        if ctx is not None and ctx.pattern not in contexts:
            continue
        if any(p.search(text) for p in patterns):
            return key
    return "subject" if money_factor(unit) is not None and text in _subject_names() else None


@lru_cache(maxsize=None)
def _subject_names() -> frozenset[str]:
    """Names of 功能分类 subjects (一般公共服务支出, 教育支出 …): a figure printed after one is that subject's."""
    return frozenset(catalog.norm_label(n) for names in catalog.load("subjects").get("function", {}).values()
                     for n in names)


def _paragraphs(lines: list[ProseLine]) -> list[tuple[str, list[int]]]:
    """Lines joined into paragraphs (a numbered line starts one), with the page of every character."""
    paragraphs: list[tuple[str, list[int]]] = []
    text: list[str] = []
    pages: list[int] = []
    for line in lines:
        t = line.text.translate(_FULL).strip()
        if not t or _FOOTER.match(t):
            continue
        if _MARKER.match(t) and text:
            paragraphs.append(("".join(text), pages))
            text, pages = [], []
        if line.ends:
            t += "\n"          # a sentence ends here even without its full stop
        text.append(t)
        pages.extend([line.page] * len(t))
    if text:
        paragraphs.append(("".join(text), pages))
    return paragraphs


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _clean(text: str) -> str:
    return _SPACE_NEAR_CJK.sub("", text).strip()


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def build_facts(lines: list[ProseLine]) -> Prose:
    cfg = _cfg()
    out = Prose()
    section = ""
    contents = {line.page for line in lines if catalog.norm_label(line.text) == "目录"}
    for text, pages in _paragraphs(lines):
        heading = _clean(_CLAUSE.split(_MARKER.sub("", text, count=1), 1)[0])     # 七、预算绩效管理情况说明
        if pages[0] in contents:
            heading = ""                # the headings listed in 目录 head nothing
        elif _TOP.match(text):
            section = heading
            out.section_start = len(out.facts)
        para: list[int] = []        # indexes (in out.facts) of this paragraph's own facts
        for a, b in _sentences(text):
            sentence = _clean(text[a:b])
            out.sentences.append((pages[a], sentence))
            _read_sentence(text, a, b, pages, sentence, heading, section, para, out, cfg)
        if cfg["not_department"].search(catalog.norm_label(f"{section} {heading}")):
            out.not_department.update(para)
        for i in para:
            out.context[i] = f"{section} {heading}"
    return out


def _read_sentence(text, a, b, pages, sentence, heading, section, para, out, cfg) -> None:
    boundary = a
    out.last_change = None
    for m in cfg["figure"].finditer(text, a, b):
        if cfg["threshold"].match(text, m.end()):
            continue                    # 单价100万元（含）以上: part of the next label
        last = _LAST_CLAUSE.search(text, boundary, m.start())
        cut = last.start() if last else boundary - 1
        _flat(text[boundary:cut + 1], para, out, cfg)
        label = _MARKER.sub("", _clean(text[max(cut + 1, boundary):m.start()]), count=1)
        label = _HEADING_PREFIX.sub("", label, count=1)
        boundary = m.end()
        value, unit = _number(m.group(1)), m.group(2)
        norm, year = normal_label(label)
        compared = bool(cfg["compared"].search(text, a, m.start()))
        based = bool(cfg["base"].search(catalog.norm_label(label)))
        full = cfg["lead"].sub("", catalog.norm_label(label), count=1)
        if para and _attach(norm, value, unit, *_target(full, para, out, cfg), out, para, cfg, compared, based):
            continue
        changed = cfg["up"].search(norm) or cfg["down"].search(norm) or cfg["change_first"].match(norm)
        context = f"{sentence} {heading} {section}"
        key = None if changed else classify(label, unit, context)      # 路隧改革支出增加X万元: a change, no level
        if _MEASURE.match(norm) and len(para) and out.facts[para[-1]].text == sentence and money_factor(unit):
            key = out.facts[para[-1]].key       # 年初预算为2.85万元，支出决算为0.39万元: the same subject's
        elif key is None and not changed and _GENERIC.match(norm):
            key = classify(heading, unit, context) or classify(section, unit, context)
        out.facts.append(Fact(key=key, label=label, value=to_json_number(value), unit=unit, page=pages[m.start()],
                              text=sentence, year=year))
        para.append(len(out.facts) - 1)
    _flat(text[boundary:b], para, out, cfg)
    reason = cfg["reason"].search(text, a, b)
    if reason and para:
        _set_reason(text, reason, b, para, out)


def _target(norm: str, para: list[int], out: Prose, cfg) -> tuple[Fact, bool]:
    """The fact a change or share refers to: the paragraph's last fact, or, when the words name a subject
    before the comparison (收入比2025年增加 / 事业收入增加), the paragraph's last fact of that subject."""
    subject = cfg["subject_of_change"].match(norm)
    key = classify(subject.group(1), "万元") if subject and subject.group(1) else None
    if key:
        hit = next((i for i in reversed(para) if out.facts[i].key == key), None)
        return (out.facts[hit], True) if hit is not None else (_NO_TARGET, False)
    return out.facts[para[-1]], False


_NO_TARGET = Fact(label="", value=0, unit="", page=0, text="")   # a named subject the paragraph has no fact of


def _flat(segment: str, para: list[int], out: Prose, cfg) -> None:
    """与上年持平 after a figure: its change is 0."""
    if (para and cfg["flat"].search(segment) and cfg["last_year"].search(segment)
            and out.facts[para[-1]].change is None and out.facts[para[-1]].unit not in ("%", "％")):
        _set_change(out.facts[para[-1]], Decimal(0))


def _attach(norm: str, value: Decimal, unit: str, target: Fact, named: bool, out: Prose, para: list[int], cfg,
            compared: bool, based: bool) -> bool:
    """Change, rate, share or comparison base of the paragraph's last fact: True when attached."""
    if target is _NO_TARGET:
        return False
    sign = 1 if cfg["up"].search(norm) else -1 if cfg["down"].search(norm) else 0
    percent = unit in ("%", "％")
    if percent:
        share = cfg["share"].match(norm)
        if share and target.share is None and money_factor(target.unit) is not None:
            target.share = to_json_number(value)
            target.share_of = share.group(1) or None
            index = next(i for i in reversed(para) if out.facts[i] is target)
            base = _share_base(share.group(1), index, out, para)
            if base is not None:
                out.share_base[index] = base
            return True
        if out.last_change is not None and out.last_change.change_rate is None:
            target = out.last_change
        if sign and target.change_rate is None and (compared or cfg["change_only"].match(norm)):
            target.change_rate = to_json_number(sign * value)
            return True
        return False
    if money_factor(unit) is None or money_factor(target.unit) is None:
        return False
    if based and not sign and target.prior is None:
        target.prior = to_json_number(value * money_factor(unit) / money_factor(target.unit))
        return True
    if sign and target.change is None and (based or named or cfg["change_only"].match(norm)
                                           or (compared and len(norm) <= 12)):
        _set_change(target, sign * value * money_factor(unit) / money_factor(target.unit))
        out.last_change = target
        return True
    if norm.startswith("上年") and norm.endswith(("数", "数为", "为")) and target.prior is None:
        target.prior = to_json_number(value * money_factor(unit) / money_factor(target.unit))
        return True
    return False


def _set_change(fact: Fact, change: Decimal) -> None:
    fact.change = to_json_number(change)


def _share_base(share_of: str, index: int, out: Prose, para: list[int]) -> int | None:
    """The fact a share is of: the nearest earlier fact of its section whose key the share's words name;
    a bare 占62.3%: the paragraph's first total."""
    unit = out.facts[index].unit
    key = classify(share_of, unit) if share_of else None
    section = range(index - 1, out.section_start - 1, -1)
    if key:     # None when the words name a total the text does not state (本年支出 beside 支出总计)
        return next((i for i in section if out.facts[i].key == key and out.facts[i].unit == unit), None)
    totals = ("revenue_total", "expenditure_total", "current_revenue", "current_expenditure")
    return next((i for i in para if i < index and out.facts[i].key in totals and out.facts[i].unit == unit), None)


def _set_reason(text: str, reason: re.Match, end: int, para: list[int], out: Prose) -> None:
    """主要原因是… goes to the facts of the paragraph it names (财政拨款收入支出增加的主要原因), else to the
    last fact with a stated change."""
    said = _clean(text[reason.start():end]).rstrip("。；;")
    start = max((i for i in range(reason.start()) if text[i] in _SENTENCE_END or _CLAUSE.match(text[i])), default=-1)
    subject = text[start + 1:reason.start()]
    key = classify(re.sub(r"(?:增加|减少|增长|下降|变化|变动)?的?$", "", subject), "万元") if subject.strip() else None
    named = [i for i in para if out.facts[i].key == key and out.facts[i].change is not None] if key else []
    if not named:
        changed = [i for i in para if out.facts[i].change is not None or out.facts[i].change_rate is not None]
        named = changed[-1:]
    for i in named:
        if out.facts[i].reason is None:
            out.facts[i].reason = said
